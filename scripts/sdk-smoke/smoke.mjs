// Calls the running local runner with the official appwrite web SDK, exactly as the React client's
// booking service does, and fails loudly when an answer is not what the contract says.
import { Client, Functions } from 'appwrite';

const endpoint = process.env.ENDPOINT ?? 'http://127.0.0.1:8787/v1';
const client = new Client().setEndpoint(endpoint).setProject('pijat-booking');
const functions = new Functions(client);

async function call(functionId, body, headers = {}) {
  const execution = await functions.createExecution(functionId, JSON.stringify(body), false, '/', 'POST', headers);
  return { status: execution.responseStatusCode, body: JSON.parse(execution.responseBody) };
}

function expect(condition, message) {
  if (!condition) {
    console.error('FAILED:', message);
    process.exit(1);
  }
  console.log('ok -', message);
}

const booking = {
  serviceDuration: '60',
  location: { address: 'Jl. Sunset Road 88, Kuta', coordinates: { lat: -8.68, lng: 115.17 } },
  customerDetails: { name: 'Budi', whatsapp: '0812-3456-7890' },
  idempotencyKey: `smoke-${Date.now()}`,
};

const created = await call('createBooking', booking);
expect(created.status === 201 && created.body.data.status === 'searching', 'a valid booking answers 201, searching');
expect(created.body.data.price === 200000 && created.body.data.currency === 'IDR', "the server's price in IDR");

const bad = await call('createBooking', { ...booking, serviceDuration: '45', idempotencyKey: undefined });
expect(bad.status === 400 && bad.body.error.details[0].field === 'serviceDuration', 'a bad one answers 400 naming the field');

const retry = await call('createBooking', booking);
expect(retry.body.data.id === created.body.data.id, 'a retry with the same idempotency key answers the same booking');
