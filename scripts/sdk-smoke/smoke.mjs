// Calls the running local runner with the official appwrite web SDK, exactly as the React client's
// booking service does, and fails loudly when an answer is not what the README's "What the
// functions answer" says.
// SDK=appwrite (the client's 21.4.0) or SDK=appwrite-newest picks the SDK.
const { Client, Functions } = await import(process.env.SDK ?? 'appwrite');

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

// The chat window's flow (the README's "The booking flow, as the chat window drives it"):
// Confirm & Search, Find Another, Accept, then Cancel.
const guest = { bookingId: created.body.data.id, bookingToken: created.body.data.bookingToken };
const offer = await call('searchTherapists', guest);
expect(offer.status === 200 && offer.body.data.status === 'pending_accept' && offer.body.data.therapist,
  `search offers a therapist (${offer.body.data.therapist?.name}, ${offer.body.data.therapist?.distance} km)`);

const poll = await call('searchTherapists', { ...guest, searchId: offer.body.data.searchId });
expect(poll.body.data.therapist.id === offer.body.data.therapist.id, 'polling returns the same offer');

const another = await call('searchTherapists', { ...guest, declineCurrent: true });
expect(another.body.data.therapist.id !== offer.body.data.therapist.id && another.body.data.attempt === 2,
  'Find Another offers someone else and counts the attempt');

const accepted = await call('acceptTherapist', { ...guest, therapistId: another.body.data.therapist.id });
expect(accepted.status === 200 && accepted.body.data.status === 'active' && accepted.body.data.chatRoomId,
  'accepting makes the booking active and opens its chat');

const stranger = await call('cancelBooking', { bookingId: guest.bookingId });
expect(stranger.status === 403 && stranger.body.error.code === 'PERMISSION_DENIED', 'without the token a cancel is denied');

const cancelled = await call('cancelBooking', { ...guest, reason: 'smoke test' });
expect(cancelled.status === 200 && cancelled.body.data.status === 'cancelled'
  && cancelled.body.data.metadata.cancellationReason === 'smoke test', 'the owner cancels, with the reason recorded');
