import { Client, Functions, Databases, Query } from 'appwrite';

const signedIn = (jwt) => new Client().setEndpoint('http://127.0.0.1:8787/v1').setProject('pijat-booking').setJWT(jwt);
const as = (client) => async (id, body, method = 'POST') =>
  JSON.parse((await new Functions(client).createExecution(id, JSON.stringify(body), false, '/', method)).responseBody);
const ayu = as(signedIn('local:therapist-bali-01'));                     // the demo therapist bali-01
const customer = signedIn(`local:budi-${Date.now()}`);
const budi = as(customer);

const sanur = { lat: -8.6881, lng: 115.2619 };
await ayu('setTherapistPresence', { status: 'available', coordinates: sanur }); // online where she is
const allDay = { isAvailable: true, startTime: '00:00', endTime: '24:00' };
const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
await ayu('setWeeklyHours', { timezone: 'Asia/Makassar', days: days.map((dayOfWeek) => ({ dayOfWeek, ...allDay })) });

const booking = (await budi('createBooking', {
  serviceDuration: '60',
  location: { address: 'Jl. Danau Tamblingan 1, Sanur', coordinates: sanur },
  customerDetails: { name: 'Budi', whatsapp: '0812-3456-7890' },
})).data;
let offer = (await budi('searchTherapists', { bookingId: booking.id })).data;
for (let n = 0; offer.therapist?.id !== 'bali-01' && n < 10; n++) {     // "Find Another" until Ayu
  offer = (await budi('searchTherapists', { bookingId: booking.id, declineCurrent: true })).data;
}
const active = (await budi('acceptTherapist', { bookingId: booking.id, therapistId: offer.therapist.id })).data;

const seen = [];                                                          // what Budi sees after each report
for (const report of [{ step: 'on_the_way', etaMinutes: 25 }, { step: 'delayed', etaMinutes: 10 },
  { step: 'arrived' }, { step: 'started' }, { step: 'completed' }]) {
  await ayu('reportJobProgress', { bookingId: booking.id, ...report });
  const { job } = (await budi('getBooking', { bookingId: booking.id }, 'GET')).data;
  seen.push(job.etaMinutes && report.etaMinutes ? `${job.step}:${job.etaMinutes}` : job.step);
}
const messages = await new Databases(customer).listDocuments('marketplace', 'chat_messages',
  [Query.equal('roomId', active.chatRoomId), Query.orderAsc('createdAt'), Query.limit(50)]);
const done = (await budi('getBooking', { bookingId: booking.id }, 'GET')).data;
console.log(seen.join(' '), done.status, `${messages.total} messages, the last:`, messages.documents.at(-1).content);
// prints: on_the_way:25 delayed:10 arrived started completed completed 6 messages, the last: Your session is complete. Thank you!
