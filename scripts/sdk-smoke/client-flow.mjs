// The React client's BookingService flow, call for call, through the runner with the official web
// SDK (SDK=appwrite is the client's own 21.4.0, SDK=appwrite-newest the newest): create, start a
// search with the client's own searchId, poll checkSearchStatus (GET with a body) until a therapist
// is offered, accept; a second booking whose new start moves on as "Find Another"; a third cancelled
// while searching; getBooking (GET). A guest throughout, carrying the booking token.
const { Client, Functions, ExecutionMethod } = await import(process.env.SDK ?? 'appwrite');

const endpoint = process.env.ENDPOINT ?? 'http://127.0.0.1:8787/v1';
const functions = new Functions(new Client().setEndpoint(endpoint).setProject('pijat-booking'));

function expect(condition, message, detail) {
  if (!condition) {
    console.error('FAILED:', message, detail === undefined ? '' : JSON.stringify(detail));
    process.exit(1);
  }
  console.log('ok -', message);
}

// BookingService's one way to call a function: the token in the body for POST, as x-booking-token for GET
async function call(functionId, method, body, token) {
  const headers = method === 'GET' && token ? { 'x-booking-token': token } : {};
  const payload = method === 'POST' && token ? { ...body, bookingToken: token } : body;
  const execution = await functions.createExecution(functionId, JSON.stringify(payload), false, '/',
    ExecutionMethod?.[method] ?? method, headers);
  const envelope = JSON.parse(execution.responseBody);
  return { status: execution.responseStatusCode, ...envelope, execution };
}

const newSearchId = (bookingId) => `search_${Date.now()}_${bookingId}`;

// Each booking is another guest's: one customer may hold at most two open bookings (README, Fair use),
// and this flow keeps its first two open until it releases them at the end.
const guestNumber = () => `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

async function createBooking() {
  const created = await call('createBooking', 'POST', {
    serviceDuration: '60',
    price: 200000,
    location: { address: 'Jl. Gajah Mada 1, Denpasar', coordinates: { lat: -8.6705, lng: 115.2126 } },
    customerDetails: { name: 'Budi', whatsapp: guestNumber() },
  });
  expect(created.status === 201 && created.data.status === 'searching', 'createBooking answers the booking, searching', created);
  return { bookingId: created.data.id, token: created.data.bookingToken };
}

async function startSearch({ bookingId, token }) {
  const searchId = newSearchId(bookingId);
  const started = await call('searchTherapists', 'POST', { bookingId, searchId }, token);
  expect(started.success && started.data.searchId === searchId,
    `searchTherapists takes the client's searchId (${searchId.length} characters) and echoes it`, started);
  return searchId;
}

// useBookingSearch polls every 2 s while its countdown runs; the runner answers at once, so a few polls do
async function pollUntilOffered({ bookingId, token }, searchId) {
  for (let poll = 0; poll < 5; poll++) {
    const status = await call('checkSearchStatus', 'GET', { searchId, bookingId }, token);
    expect(status.status === 200, `checkSearchStatus (GET) answers 200, poll ${poll + 1}`, status);
    if (status.data.success && status.data.therapist) {
      expect(status.data.searchId === searchId, 'the poll echoes the searchId', status.data);
      return status.data.therapist;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(false, 'a therapist is offered within five polls');
}

// 1. Confirm & Search, then Accept
const first = await createBooking();
const firstSearch = await startSearch(first);
const offered = await pollUntilOffered(first, firstSearch);
expect(offered.name && offered.eta > 0 && offered.distance >= 0, `offered ${offered.name}, ${offered.distance} km, ${offered.eta} min`);
const accepted = await call('acceptTherapist', 'POST', { bookingId: first.bookingId, therapistId: offered.id }, first.token);
expect(accepted.status === 200 && accepted.data.status === 'active', 'acceptTherapist makes the booking active', accepted);

// 2. A second booking: "Find Another" is a new start with a new searchId and no declineCurrent
const second = await createBooking();
const before = await pollUntilOffered(second, await startSearch(second));
await new Promise((resolve) => setTimeout(resolve, 2)); // the client's ids are per millisecond
const again = await startSearch(second);
const after = await pollUntilOffered(second, again);
expect(after.id !== before.id, `a new start after an offer moves on: ${before.name} -> ${after.name}`);

// 3. A third booking, cancelled while it searches: the poll then says the search is over
const third = await createBooking();
const thirdSearch = await startSearch(third);
const cancelled = await call('cancelBooking', 'POST', { bookingId: third.bookingId, reason: 'changed my mind' }, third.token);
expect(cancelled.status === 200 && cancelled.data.status === 'cancelled', 'cancelBooking while searching', cancelled);
const over = await call('checkSearchStatus', 'GET', { searchId: thirdSearch, bookingId: third.bookingId }, third.token);
expect(!over.data.success && over.data.error?.code === 'BOOKING_CANCELLED', 'the poll of a cancelled search says so', over.data);

// 4. getBooking (GET) reads the active booking; without the token it is refused
const read = await call('getBooking', 'GET', { bookingId: first.bookingId }, first.token);
expect(read.status === 200 && read.data.id === first.bookingId && read.data.status === 'active'
  && read.data.therapist?.id === offered.id, 'getBooking answers the Booking as data', read);
const stranger = await call('getBooking', 'GET', { bookingId: first.bookingId });
expect(stranger.status === 403 && stranger.error.code === 'PERMISSION_DENIED', 'without the token getBooking is denied', stranger);

// what a guest's execution shows: no logs, no errors, no token among the request headers
expect(read.execution.logs === '' && read.execution.errors === '', "a guest's execution carries no logs or errors");
expect(!JSON.stringify(read.execution.requestHeaders).includes(first.token), 'the token is not echoed in requestHeaders');

// the therapists go back to the pool, so the checks that follow find them free
for (const { bookingId, token } of [first, second]) {
  const released = await call('cancelBooking', 'POST', { bookingId, reason: 'client-flow check done' }, token);
  expect(released.status === 200 && released.data.status === 'cancelled', 'cancelBooking releases the therapist', released);
}
