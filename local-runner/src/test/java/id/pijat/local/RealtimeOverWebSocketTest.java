package id.pijat.local;

import static id.pijat.local.RunnerClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.local.store.DocumentChanges.Change;
import id.pijat.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Realtime through the runner over a real WebSocket (the JDK's client), with the real appwrite.json
 * on the embedded database: who hears a chat message, on which channels, and Appwrite's messages
 * for connecting, signing in, pings and refusals.
 *
 * <p>No waiting for silence: a connection's messages arrive in the order they were sent, and an event
 * is sent before the write that made it returns, so a pong answered after the write shows that no
 * event for that connection came before it.
 */
class RealtimeOverWebSocketTest {
  private static final Map<String, String> BUDI = Map.of("X-Appwrite-JWT", "local:budi");
  private static final String MESSAGES = "databases.marketplace.collections.chat_messages.documents";
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Socket> sockets = new ArrayList<>();
  private LocalRunner runner;
  private RunnerClient client;

  @BeforeEach
  void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of("FAIR_USE", "off"), clock);
    client = new RunnerClient(runner);
  }

  @AfterEach
  void stop() {
    sockets.forEach(Socket::close);
    runner.close();
  }

  /** One client's connection and what it was sent, in order. */
  private static final class Socket implements WebSocket.Listener {
    final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket webSocket;

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(JsonParser.parseString(partial.toString()).getAsJsonObject());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    JsonObject next() throws InterruptedException {
      JsonObject message = received.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
      assertNotNull(message, "no message within " + PATIENCE);
      return message;
    }

    void send(String text) {
      webSocket.sendText(text, true).join();
    }

    /** The next message after a ping: the pong, unless something was sent before it. */
    JsonObject nextBeforePong() throws InterruptedException {
      send("{\"type\":\"ping\"}");
      return next();
    }

    void close() {
      webSocket.abort();
    }
  }

  private Socket connect(String query, Map<String, String> headers) throws Exception {
    Socket socket = new Socket();
    WebSocket.Builder builder = http.newWebSocketBuilder();
    headers.forEach(builder::header);
    socket.webSocket = builder.buildAsync(URI.create("ws://127.0.0.1:" + runner.port() + "/v1/realtime?" + query), socket)
        .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    sockets.add(socket);
    return socket;
  }

  /** Connected as the SDK connects: project and channels in the URL; jwt when signed in. */
  private Socket subscribe(String jwt, String... channels) throws Exception {
    StringBuilder query = new StringBuilder("project=pijat-booking");
    for (String channel : channels) {
      query.append("&channels%5B%5D=").append(URLEncoder.encode(channel, StandardCharsets.UTF_8));
    }
    if (jwt != null) {
      query.append("&jwt=").append(URLEncoder.encode(jwt, StandardCharsets.UTF_8));
    }
    Socket socket = connect(query.toString(), Map.of());
    assertEquals("connected", socket.next().get("type").getAsString());
    return socket;
  }

  /** A booking of Budi's in Denpasar, accepted: its ID and the engaged therapist's user. */
  private String[] accepted() throws Exception {
    JsonObject created = data(client.execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, BUDI));
    String bookingId = created.get("id").getAsString();
    JsonObject search = data(client.execute("searchTherapists", "{\"bookingId\":\"" + bookingId + "\"}", BUDI));
    String therapistId = search.getAsJsonObject("therapist").get("id").getAsString();
    data(client.execute("acceptTherapist", "{\"bookingId\":\"" + bookingId + "\",\"therapistId\":\"" + therapistId + "\"}", BUDI));
    clock.advance(Duration.ofSeconds(1));
    return new String[] {bookingId, "local:therapist-" + therapistId};
  }

  private JsonObject send(String bookingId, String clientId, String text, String jwt) throws Exception {
    JsonObject execution = client.execute("sendMessage",
        "{\"bookingId\":\"" + bookingId + "\",\"clientMessageId\":\"" + clientId + "\",\"text\":\"" + text + "\"}",
        Map.of("X-Appwrite-JWT", jwt));
    assertEquals(201, execution.get("responseStatusCode").getAsInt(), execution.toString());
    return data(execution);
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>();
    array.forEach(element -> strings.add(element.getAsString()));
    return strings;
  }

  @Test
  void theCustomerAndTheTherapistEachHearTheOthersMessageCreatedOnTheCollectionsChannel() throws Exception {
    String[] booking = accepted();
    Socket customer = subscribe("local:budi", MESSAGES);
    Socket therapist = subscribe(booking[1], MESSAGES);

    JsonObject mine = send(booking[0], "c-1", "I'm at the blue gate", "local:budi");
    JsonObject heard = therapist.next();
    JsonObject reply = send(booking[0], "t-1", "On my way", booking[1]);

    assertEquals("event", heard.get("type").getAsString());
    JsonObject event = heard.getAsJsonObject("data");
    JsonObject payload = event.getAsJsonObject("payload");
    String id = payload.get("$id").getAsString();
    assertEquals("I'm at the blue gate", payload.get("content").getAsString());
    assertEquals("chat_messages", payload.get("$collectionId").getAsString());
    assertEquals("marketplace", payload.get("$databaseId").getAsString());
    assertEquals(mine.get("id").getAsString(), id);
    assertEquals(List.of("documents", MESSAGES, MESSAGES + "." + id), strings(event.getAsJsonArray("channels")));
    assertEquals("databases.marketplace.collections.chat_messages.documents." + id + ".create",
        strings(event.getAsJsonArray("events")).get(0));
    assertEquals("2026-11-23T03:00:01.000+00:00", event.get("timestamp").getAsString());
    assertEquals("I'm at the blue gate", customer.next().getAsJsonObject("data").getAsJsonObject("payload").get("content").getAsString());
    assertEquals(reply.get("id").getAsString(),
        customer.next().getAsJsonObject("data").getAsJsonObject("payload").get("$id").getAsString());
  }

  @Test
  void sendsFromBothSidesAtOnceReachEachListenerOnceEachWholeAndNothingMore() throws Exception {
    String[] booking = accepted();
    Socket customer = subscribe("local:budi", MESSAGES);
    Socket therapist = subscribe(booking[1], MESSAGES);
    int each = 12;
    ExecutorService senders = Executors.newFixedThreadPool(4);
    List<Future<JsonObject>> sent = new ArrayList<>();
    for (int i = 0; i < each; i++) {
      String n = Integer.toString(i);
      sent.add(senders.submit(() -> send(booking[0], "c-" + n, "from the customer " + n, "local:budi")));
      sent.add(senders.submit(() -> send(booking[0], "t-" + n, "from the therapist " + n, booking[1])));
    }
    Set<String> ids = new HashSet<>();
    for (Future<JsonObject> message : sent) {
      ids.add(message.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).get("id").getAsString());
    }
    senders.shutdown();

    for (Socket socket : List.of(customer, therapist)) {
      Set<String> heard = new HashSet<>();
      for (int i = 0; i < 2 * each; i++) {
        heard.add(socket.next().getAsJsonObject("data").getAsJsonObject("payload").get("$id").getAsString());
      }
      assertEquals(ids, heard);
      assertEquals("pong", socket.nextBeforePong().get("type").getAsString());
    }
  }

  @Test
  void aStrangerAndAGuestOnTheSameChannelHearNothingOfTheRoom() throws Exception {
    String[] booking = accepted();
    Socket stranger = subscribe("local:eko", MESSAGES, "documents");
    Socket guest = subscribe(null, MESSAGES, "documents");
    Socket therapist = subscribe(booking[1], MESSAGES);

    send(booking[0], "c-1", "I'm at the blue gate", "local:budi");

    assertEquals("event", therapist.next().get("type").getAsString());
    assertEquals("pong", stranger.nextBeforePong().get("type").getAsString());
    assertEquals("pong", guest.nextBeforePong().get("type").getAsString());
  }

  @Test
  void aConnectionHearsOnlyTheChannelsItNamedAndOneDocumentsChannelNamesThatDocument() throws Exception {
    String[] booking = accepted();
    Socket booked = subscribe("local:budi", "databases.marketplace.collections.bookings.documents." + booking[0]);
    Socket otherBooking = subscribe("local:budi", "databases.marketplace.collections.bookings.documents.someone-else");

    send(booking[0], "c-1", "See you soon", "local:budi");
    client.execute("cancelBooking", "{\"bookingId\":\"" + booking[0] + "\"}", BUDI);

    JsonObject heard = booked.next().getAsJsonObject("data");
    assertEquals(booking[0], heard.getAsJsonObject("payload").get("$id").getAsString());
    assertTrue(strings(heard.getAsJsonArray("events")).contains("databases.marketplace.collections.bookings.documents." + booking[0] + ".update"));
    assertEquals("pong", otherBooking.nextBeforePong().get("type").getAsString());
  }

  @Test
  void aGuestWhoSignsInWithTheAuthenticationMessageHearsAsThatUserFromThen() throws Exception {
    String[] booking = accepted();
    Socket socket = subscribe(null, MESSAGES);

    socket.send("{\"type\":\"authentication\",\"data\":{\"session\":\"local:budi\"}}");
    JsonObject answer = socket.next();
    send(booking[0], "c-1", "Hello", "local:budi");

    assertEquals("response", answer.get("type").getAsString());
    assertEquals("authentication", answer.getAsJsonObject("data").get("to").getAsString());
    assertTrue(answer.getAsJsonObject("data").get("success").getAsBoolean());
    assertEquals("budi", answer.getAsJsonObject("data").getAsJsonObject("user").get("$id").getAsString());
    assertEquals("Hello", socket.next().getAsJsonObject("data").getAsJsonObject("payload").get("content").getAsString());
  }

  @Test
  void theSessionCookieSignsInOnTheUpgradeAsABrowsersCookieDoes() throws Exception {
    Socket socket = connect("project=pijat-booking&channels%5B%5D=documents", Map.of("Cookie", "a_session_pijat-booking=local:budi"));

    JsonObject connected = socket.next().getAsJsonObject("data");

    assertEquals("budi", connected.getAsJsonObject("user").get("$id").getAsString());
    assertEquals(List.of("documents"), strings(connected.getAsJsonArray("channels")));
  }

  /** A read of the Databases API as the SDK in a browser sends it. */
  private HttpResponse<String> browserRead(Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port()
            + "/v1/databases/marketplace/collections/chat_messages/documents"))
        .header("X-Appwrite-Project", "pijat-booking")
        .header("Origin", "http://localhost:5173");
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aBrowserSignedInWithTheJwtAloneIsHandedItsSessionAsAppwritesFallbackCookieWhichSignsItsRealtimeIn() throws Exception {
    String[] booking = accepted();
    HttpResponse<String> read = browserRead(Map.of("X-Appwrite-JWT", "local:budi"));
    String fallback = read.headers().firstValue("X-Fallback-Cookies").orElse("");
    // what the SDK then sends on every request, and to Realtime as its session
    HttpResponse<String> next = browserRead(Map.of("X-Appwrite-JWT", "local:budi", "X-Fallback-Cookies", fallback));
    Socket socket = subscribe(null, MESSAGES);
    String session = JsonParser.parseString(fallback).getAsJsonObject().get("a_session_pijat-booking").getAsString();
    socket.send("{\"type\":\"authentication\",\"data\":{\"session\":\"" + session + "\"}}");
    socket.next();
    send(booking[0], "c-1", "Hello", "local:budi");

    assertEquals("{\"a_session_pijat-booking\":\"local:budi\"}", fallback);
    assertEquals(200, next.statusCode());
    assertTrue(browserRead(Map.of()).headers().firstValue("X-Fallback-Cookies").isEmpty(), "a guest is handed nothing");
    assertEquals("Hello", socket.next().getAsJsonObject("data").getAsJsonObject("payload").get("content").getAsString());
  }

  @Test
  void aPingIsAnsweredWithAPongAndAnUnknownMessageWithAnErrorThatKeepsTheConnection() throws Exception {
    Socket socket = subscribe(null, MESSAGES);

    JsonObject pong = socket.nextBeforePong();
    socket.send("{\"type\":\"shout\"}");
    JsonObject unknown = socket.next();
    socket.send("not json");
    JsonObject malformed = socket.next();
    socket.send("{\"type\":\"authentication\",\"data\":{\"session\":\"alice\"}}");
    JsonObject badSession = socket.next();

    assertEquals("{\"type\":\"pong\"}", pong.toString());
    assertEquals("{\"type\":\"error\",\"data\":{\"code\":1003,\"message\":\"Message type is not valid.\"}}", unknown.toString());
    assertEquals("Message format is not valid.", malformed.getAsJsonObject("data").get("message").getAsString());
    assertEquals("Session is not valid.", badSession.getAsJsonObject("data").get("message").getAsString());
    assertEquals("pong", socket.nextBeforePong().get("type").getAsString());
  }

  @Test
  void withoutChannelsOrFromAnOriginNotAllowedOrWithABadJwtTheConnectionIsRefusedWithPolicyViolation() throws Exception {
    Socket noChannels = connect("project=pijat-booking", Map.of());
    Socket foreign = connect("project=pijat-booking&channels%5B%5D=documents", Map.of("Origin", "https://evil.example"));
    Socket badJwt = connect("project=pijat-booking&channels%5B%5D=documents&jwt=alice", Map.of());

    assertEquals("{\"type\":\"error\",\"data\":{\"code\":1008,\"message\":\"Missing channels\"}}", noChannels.next().toString());
    assertEquals(1008, noChannels.closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertTrue(foreign.next().getAsJsonObject("data").get("message").getAsString().startsWith("Invalid Origin."));
    assertEquals(1008, foreign.closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertEquals(1008, badJwt.next().getAsJsonObject("data").get("code").getAsInt());
    assertEquals(1008, badJwt.closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
  }

  @Test
  void aConnectionNamingAnotherProjectOrNoneIsRefusedAsAppwriteRefusesIt() throws Exception {
    Socket another = connect("project=someone-else&channels%5B%5D=documents", Map.of());
    Socket none = connect("channels%5B%5D=documents", Map.of());

    String refusal = "{\"type\":\"error\",\"data\":{\"code\":1008,\"message\":\"Missing or unknown project ID\"}}";
    assertEquals(refusal, another.next().toString());
    assertEquals(1008, another.closed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
    assertEquals(refusal, none.next().toString());
  }

  @Test
  void anOriginAllowedForTheBrowserConnects() throws Exception {
    Socket socket = connect("project=pijat-booking&channels%5B%5D=documents", Map.of("Origin", "http://localhost:5173"));

    assertEquals("connected", socket.next().get("type").getAsString());
  }

  @Test
  void aDocumentsChangeIsNamedWithEveryEventAppwriteGivesIt() {
    List<String> events = Realtime.events("marketplace", "chat_messages", "m1", Change.DELETE);

    assertEquals(List.of(
        "databases.marketplace.collections.chat_messages.documents.m1.delete",
        "databases.*.collections.*.documents.*.delete"), events.subList(0, 2));
    assertTrue(events.containsAll(List.of(
        "databases.marketplace.collections.chat_messages.documents.*.delete",
        "databases.marketplace.collections.*.documents.m1.delete",
        "databases.marketplace.collections.chat_messages.documents.m1",
        "databases.marketplace.collections.chat_messages.documents.*",
        "databases.marketplace.collections.chat_messages",
        "databases.*.collections.chat_messages",
        "databases.marketplace",
        "databases.*")));
    assertEquals(events.size(), events.stream().distinct().count());
  }
}
