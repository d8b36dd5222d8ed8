// The cold-start comparison's Node side: what a Node 20 function on node-appwrite does for its first
// request, in a fresh process. "bad" answers a malformed body without touching the SDK; "db" makes
// the same first database call as createBooking (one createDocument). Prints the status, as the
// Java harness does. Usage: node first-request.mjs bad|db (APPWRITE_FUNCTION_API_ENDPOINT, _PROJECT_ID set).
const mode = process.argv[2];
const body = JSON.parse(process.argv[3] ?? '{}');
if (mode === 'bad') {
  if (!['60', '90', '120'].includes(String(body.serviceDuration))) {
    console.log(400);
    console.log(JSON.stringify({ success: false, error: { code: 'INVALID_INPUT', field: 'serviceDuration' } }));
    process.exit(0);
  }
}
const { Client, Databases, ID } = await import('node-appwrite');
const client = new Client()
  .setEndpoint(process.env.APPWRITE_FUNCTION_API_ENDPOINT)
  .setProject(process.env.APPWRITE_FUNCTION_PROJECT_ID)
  .setKey('exec-key');
const document = await new Databases(client).createDocument('marketplace', 'bookings', ID.unique(), {
  status: 'searching', serviceDuration: 60, price: 200000,
});
console.log(201);
console.log(JSON.stringify({ success: true, data: { id: document.$id } }));
