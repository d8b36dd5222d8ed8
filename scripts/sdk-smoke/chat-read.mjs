// What a signed-in chat client reads straight from the Databases API through the runner, with the
// official web SDK (SDK=appwrite is the client's own 21.4.0, SDK=appwrite-newest the newest): after
// booking, searching and accepting through the functions, the customer lists their room's messages
// and finds the confirmation, the engaged therapist reads the room and the booking; another user and a
// guest find neither the room nor its messages.
const { Client, Functions, Databases, Query } = await import(process.env.SDK ?? 'appwrite');

const endpoint = process.env.ENDPOINT ?? 'http://127.0.0.1:8787/v1';
const signedIn = (userId) => new Client().setEndpoint(endpoint).setProject('pijat-booking').setJWT(`local:${userId}`);

function expect(condition, message, detail) {
  if (!condition) {
    console.error('FAILED:', message, detail === undefined ? '' : JSON.stringify(detail));
    process.exit(1);
  }
  console.log('ok -', message);
}

const customerId = `chat-${Date.now()}`;
const customer = signedIn(customerId);
const functions = new Functions(customer);
async function call(functionId, body) {
  const execution = await functions.createExecution(functionId, JSON.stringify(body), false, '/', 'POST');
  return JSON.parse(execution.responseBody);
}

const created = await call('createBooking', {
  serviceDuration: '60',
  location: { address: 'Jl. Gajah Mada 1, Denpasar', coordinates: { lat: -8.6705, lng: 115.2126 } },
  customerDetails: { name: 'Budi', whatsapp: `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` },
});
const bookingId = created.data.id;
const offer = await call('searchTherapists', { bookingId });
const accepted = await call('acceptTherapist', { bookingId, therapistId: offer.data.therapist.id });
const roomId = accepted.data.chatRoomId;
expect(accepted.data.status === 'active' && roomId, 'a signed-in customer books, and accepting opens the chat', accepted);

const databases = new Databases(customer);
const messages = await databases.listDocuments('marketplace', 'chat_messages',
  [Query.equal('roomId', roomId), Query.orderAsc('createdAt'), Query.limit(50)]);
const first = messages.documents[0];
expect(messages.total >= 1 && first.messageType === 'system' && first.content.startsWith('Your booking is confirmed'),
  `listDocuments: the customer reads their room's ${messages.total} message(s), the first the confirmation`, messages);
expect(first.$collectionId === 'chat_messages' && first.$databaseId === 'marketplace'
  && first.$permissions.includes(`read("user:${customerId}")`),
  "the message comes in Appwrite's document shape", first);

const room = await databases.getDocument('marketplace', 'chat_rooms', roomId);
expect(room.$id === roomId && room.bookingId === bookingId && room.status === 'active', 'getDocument: the customer reads their room', room);

const engaged = new Databases(signedIn(`therapist-${offer.data.therapist.id}`));
const theirRoom = await engaged.listDocuments('marketplace', 'chat_messages', [Query.equal('roomId', roomId)]);
expect(theirRoom.total === messages.total, "listDocuments: the engaged therapist reads the room's messages too", theirRoom);
const theirBooking = await engaged.getDocument('marketplace', 'bookings', bookingId);
expect(theirBooking.customerWhatsApp?.startsWith('+62'),
  "getDocument: while the booking is active the engaged therapist reads it, the customer's number on it", theirBooking.$id);

const others = [['another user', signedIn(`other-${Date.now()}`)],
  ['a guest', new Client().setEndpoint(endpoint).setProject('pijat-booking')]];
for (const [who, client] of others) {
  const theirs = await new Databases(client).listDocuments('marketplace', 'chat_messages', [Query.equal('roomId', roomId)]);
  expect(theirs.total === 0 && theirs.documents.length === 0, `listDocuments: ${who} finds no message of the room`, theirs);
  const refused = await new Databases(client).getDocument('marketplace', 'chat_rooms', roomId).then(() => null, (e) => e);
  expect(refused?.code === 404 && refused.type === 'document_not_found', `getDocument: ${who} is answered document_not_found`,
    refused?.message);
}

const invalid = await databases.listDocuments('marketplace', 'chat_messages', [Query.search('content', 'confirmed')])
  .then(() => null, (e) => e);
expect(invalid?.code === 400 && invalid.type === 'general_query_invalid', 'a query the runner does not answer is refused 400',
  invalid?.message);

// the therapist goes back to the pool, so the checks that follow find them free
const released = await call('cancelBooking', { bookingId, reason: 'chat-read check done' });
expect(released.data?.status === 'cancelled', 'cancelBooking releases the engaged therapist', released);
