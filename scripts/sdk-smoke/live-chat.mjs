// A live room in a real browser: two pages in headless Chromium (Debian's), each with its own cookies
// and storage, load the official web SDK (the client's own 21.4.0, its ESM build, unchanged) from a
// page server on PAGE_ORIGIN, which the runner must allow (CORS_ORIGINS). The customer signs in with
// client.setSession('local:ID'), which the SDK sends to the functions and hands to Realtime; the
// therapist as the React client does, with client.setJWT('local:ID') alone (the runner hands the
// sign-in back as Appwrite's fallback cookie, which the SDK gives Realtime). Each page reads the room
// through readMessages, then subscribes to the messages collection's channel; each sends a message
// through sendMessage and sees the other's arrive through the runner's Realtime.
//
// ENDPOINT the runner (http://127.0.0.1:8787/v1), PAGE_ORIGIN (http://127.0.0.1:5173), CHROMIUM
// (/usr/bin/chromium). Every wait has a deadline and says what did not happen.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Client, Functions } from 'appwrite';

const endpoint = process.env.ENDPOINT ?? 'http://127.0.0.1:8787/v1';
const pageOrigin = new URL(process.env.PAGE_ORIGIN ?? 'http://127.0.0.1:5173');
const project = 'pijat-booking';
const channel = 'databases.marketplace.collections.chat_messages.documents';
const WAIT_MS = 15_000;

let browser;
let pages;
function fail(message, detail) {
  console.error('FAILED:', message, detail === undefined ? '' : JSON.stringify(detail));
  process.exitCode = 1;
  throw new Error(message);
}
function ok(message) {
  console.log('ok -', message);
}
const everything = setTimeout(() => {
  console.error('FAILED: live-chat.mjs did not finish within 120 s');
  process.exit(1);
}, 120_000);

// the booking, from Node: a customer books, searches and accepts through the functions
const customerId = `live-${Date.now()}`;
const functions = new Functions(new Client().setEndpoint(endpoint).setProject(project).setJWT(`local:${customerId}`));
async function call(functionId, body) {
  const execution = await functions.createExecution(functionId, JSON.stringify(body), false, '/', 'POST');
  return JSON.parse(execution.responseBody);
}
const created = await call('createBooking', {
  serviceDuration: '60',
  location: { address: 'Jl. Gajah Mada 1, Denpasar', coordinates: { lat: -8.6705, lng: 115.2126 } },
  customerDetails: { name: 'Budi', whatsapp: `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` },
});
const bookingId = created.data?.id;
const offer = await call('searchTherapists', { bookingId });
const accepted = await call('acceptTherapist', { bookingId, therapistId: offer.data?.therapist?.id });
if (accepted.data?.status !== 'active') fail('the customer books and accepts a therapist', accepted);
const therapistUserId = `therapist-${offer.data.therapist.id}`;
ok(`booked and accepted ${bookingId} with ${therapistUserId}`);

// the page server: an empty page and the SDK's ESM build, as a Vite dev server would serve them
const sdkFile = fileURLToPath(new URL('./node_modules/appwrite/dist/esm/sdk.js', import.meta.url));
const server = createServer(async (request, response) => {
  if (request.url === '/sdk.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' });
    response.end(await readFile(sdkFile));
  } else {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>live room</title>');
  }
});
await new Promise((resolve, reject) => {
  server.once('error', (e) => reject(new Error(`the page server cannot listen on ${pageOrigin.origin}: ${e.message}`)));
  server.listen(Number(pageOrigin.port), pageOrigin.hostname, resolve);
});

try {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: 60_000,
  });
  ok(`Chromium ${browser.version()} started`);

  // one page per side, each in its own context (its own cookies and storage), the room open in both
  async function open(who, signIn) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('console', (line) => { if (line.type() === 'error') console.log(`  [${who} console] ${line.text()}`); });
    await page.goto(pageOrigin.origin + '/');
    const room = await page.evaluate(async ({ endpoint, project, channel, signIn, bookingId }) => {
      // what the socket is sent, to know when it is signed in: the page watches, the SDK is unchanged
      window.frames_ = [];
      const NativeWebSocket = window.WebSocket;
      window.WebSocket = class extends NativeWebSocket {
        constructor(...args) {
          super(...args);
          this.addEventListener('message', (event) => window.frames_.push(JSON.parse(event.data)));
        }
      };
      const { Client, Functions } = await import('/sdk.js');
      const client = new Client().setEndpoint(endpoint).setProject(project);
      if (signIn.session) client.setSession(signIn.session);
      if (signIn.jwt) client.setJWT(signIn.jwt);
      window.functions = new Functions(client);
      const read = await window.functions.createExecution('readMessages', JSON.stringify({ bookingId }), false, '/', 'GET');
      window.heard = [];
      client.subscribe(channel, (event) => window.heard.push(event));
      return { status: read.responseStatusCode, body: JSON.parse(read.responseBody) };
    }, { endpoint, project, channel, signIn, bookingId });
    if (room.status !== 200) fail(`${who} reads the room through readMessages`, room);
    ok(`${who} reads the room (${room.body.data.messages.length} message(s)) and subscribes`);
    return page;
  }

  async function signedIn(page, who, userId) {
    const ready = await page.waitForFunction((userId) => window.frames_.some((frame) =>
      (frame.type === 'connected' && frame.data.user?.$id === userId)
      || (frame.type === 'response' && frame.data.to === 'authentication' && frame.data.user?.$id === userId)),
    userId, { timeout: WAIT_MS }).catch(() => null);
    if (!ready) fail(`${who}'s Realtime connection is signed in as ${userId} within ${WAIT_MS} ms`,
      await page.evaluate(() => window.frames_));
    ok(`${who}'s page is subscribed to ${channel}, signed in as ${userId}`);
  }

  async function sendFrom(page, who, text) {
    const answer = await page.evaluate(async ({ bookingId, text }) => {
      const execution = await window.functions.createExecution('sendMessage',
        JSON.stringify({ bookingId, clientMessageId: crypto.randomUUID(), text }), false, '/', 'POST');
      return { status: execution.responseStatusCode, body: JSON.parse(execution.responseBody) };
    }, { bookingId, text });
    if (answer.status !== 201) fail(`${who} sends "${text}" through sendMessage`, answer);
    return answer.body.data.id;
  }

  async function hears(page, who, messageId, text) {
    const event = await page.waitForFunction((messageId) => window.heard.find((event) => event.payload.$id === messageId),
      messageId, { timeout: WAIT_MS }).then((handle) => handle.jsonValue()).catch(() => null);
    if (!event) fail(`${who} sees "${text}" arrive live within ${WAIT_MS} ms`, await page.evaluate(() => window.heard));
    if (event.payload.content !== text || !event.events.includes(`${channel}.${messageId}.create`)
      || !event.channels.includes(channel)) {
      fail(`${who} is sent the created message in Appwrite's event shape`, event);
    }
    ok(`${who} sees "${text}" arrive live (${event.events[0]})`);
  }

  pages = {
    customer: await open('the customer', { session: `local:${customerId}` }),
    therapist: await open('the therapist', { jwt: `local:${therapistUserId}` }),
  };
  await signedIn(pages.customer, 'the customer', customerId);
  await signedIn(pages.therapist, 'the therapist', therapistUserId);

  const fromCustomer = "I'm at the blue gate";
  const customerMessage = await sendFrom(pages.customer, 'the customer', fromCustomer);
  await hears(pages.therapist, 'the therapist', customerMessage, fromCustomer);
  const fromTherapist = 'On my way, 10 minutes';
  const therapistMessage = await sendFrom(pages.therapist, 'the therapist', fromTherapist);
  await hears(pages.customer, 'the customer', therapistMessage, fromTherapist);
  await hears(pages.customer, 'the customer (their own message too)', customerMessage, fromCustomer);
} finally {
  await browser?.close().catch(() => {});
  server.close();
  clearTimeout(everything);
}

// the therapist goes back to the pool, so the checks that follow find them free
const released = await call('cancelBooking', { bookingId, reason: 'live-chat check done' });
if (released.data?.status !== 'cancelled') fail('cancelBooking releases the engaged therapist', released);
ok('cancelBooking releases the engaged therapist');
