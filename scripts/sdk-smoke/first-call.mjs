import { Client, Functions } from 'appwrite';

const client = new Client().setEndpoint('http://127.0.0.1:8787/v1').setProject('pijat-booking');
const execution = await new Functions(client).createExecution('createBooking', JSON.stringify({
  serviceDuration: '60',
  location: { address: 'Jl. Sunset Road 88, Kuta', coordinates: { lat: -8.68, lng: 115.17 } },
  customerDetails: { name: 'Budi', whatsapp: '0812-3456-7890' },
}), false, '/', 'POST');
const { data } = JSON.parse(execution.responseBody);
console.log(execution.responseStatusCode, data.status, data.price, data.currency, data.bookingToken.length);
// prints: 201 searching 200000 IDR 43
