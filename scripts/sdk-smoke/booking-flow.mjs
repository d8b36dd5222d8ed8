import { Client, Functions } from 'appwrite';

const functions = new Functions(new Client().setEndpoint('http://127.0.0.1:8787/v1').setProject('pijat-booking'));
const call = async (id, body, method = 'POST') =>
  JSON.parse((await functions.createExecution(id, JSON.stringify(body), false, '/', method)).responseBody).data;

const booking = await call('createBooking', {
  serviceDuration: '60',
  location: { address: 'Jl. Gajah Mada 1, Denpasar', coordinates: { lat: -8.6705, lng: 115.2126 } },
  customerDetails: { name: 'Budi', whatsapp: '0812-3456-7890' },
});
const me = { bookingId: booking.id, bookingToken: booking.bookingToken };  // a guest shows the token every time

let searchId = `search_${Date.now()}_${booking.id}`;                      // the client's own tag
await call('searchTherapists', { ...me, searchId });                      // "Confirm & Search"
const offer = await call('checkSearchStatus', { ...me, searchId }, 'GET'); // polled every 2 s
// offer: { success: true, searchId, bookingId, status: 'pending_accept', attempt: 1,
//          therapist: { id, name, photo, rating, distance, eta, ... }, offerExpiresAt }   (countdown: 60 s)

searchId = `search_${Date.now() + 1}_${booking.id}`;                      // "Find Another": a new start
await call('searchTherapists', { ...me, searchId });
const next = await call('checkSearchStatus', { ...me, searchId }, 'GET');

const active = await call('acceptTherapist', { ...me, therapistId: next.therapist.id });
const read = await call('getBooking', me, 'GET');
const cancelled = await call('cancelBooking', { ...me, reason: 'plans changed' });
console.log(booking.status, offer.success, next.therapist.id !== offer.therapist.id, active.status, read.chatRoomId === active.chatRoomId, cancelled.status);
// prints: searching true true active true cancelled
