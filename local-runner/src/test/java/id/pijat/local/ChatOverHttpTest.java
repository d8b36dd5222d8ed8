package id.pijat.local;

import static id.pijat.local.RunnerClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.chat.Chats;
import id.pijat.testing.MutableClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chat through the runner, on the embedded database with the real appwrite.json: after an
 * acceptance the customer and the engaged demo therapist write, a guest polls with the token, a
 * stranger is denied, both participants list the messages directly (Databases API), and the room
 * refuses messages once it is closed.
 */
class ChatOverHttpTest {
  private static final Map<String, String> BUDI = Map.of("X-Appwrite-JWT", "local:budi");
  private static final Map<String, String> STRANGER = Map.of("X-Appwrite-JWT", "local:eko");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;
  private RunnerClient client;

  @BeforeEach
  void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of("FAIR_USE", "off"), clock);
    client = new RunnerClient(runner);
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private static String code(JsonObject execution) {
    return RunnerClient.envelope(execution).getAsJsonObject("error").get("code").getAsString();
  }

  /** Books in Denpasar and accepts the therapist offered; the booking ID and the therapist's JWT. */
  private String[] accepted(Map<String, String> customer, String tokenField) throws Exception {
    JsonObject created = data(client.execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, customer));
    String bookingId = created.get("id").getAsString();
    String token = tokenField.isEmpty() ? "" : ",\"bookingToken\":\"" + created.get("bookingToken").getAsString() + "\"";
    JsonObject search = data(client.execute("searchTherapists", "{\"bookingId\":\"" + bookingId + "\"" + token + "}", customer));
    String therapistId = search.getAsJsonObject("therapist").get("id").getAsString();
    data(client.execute("acceptTherapist",
        "{\"bookingId\":\"" + bookingId + "\",\"therapistId\":\"" + therapistId + "\"" + token + "}", customer));
    clock.advance(Duration.ofSeconds(1));
    return new String[] {bookingId, "local:therapist-" + therapistId, token};
  }

  private JsonObject send(String bookingId, String clientId, String text, String token, Map<String, String> headers) throws Exception {
    return client.execute("sendMessage",
        "{\"bookingId\":\"" + bookingId + "\",\"clientMessageId\":\"" + clientId + "\",\"text\":\"" + text + "\"" + token + "}", headers);
  }

  private JsonObject read(String bookingId, String after, String token, Map<String, String> headers) throws Exception {
    String cursor = after == null ? "" : ",\"after\":\"" + after + "\"";
    return client.execute("readMessages", "GET", "{\"bookingId\":\"" + bookingId + "\"" + cursor + token + "}", headers);
  }

  private static List<String> texts(JsonObject page) {
    List<String> texts = new ArrayList<>();
    page.getAsJsonArray("messages").forEach(m -> texts.add(m.getAsJsonObject().get("text").getAsString()));
    return texts;
  }

  @Test
  void theCustomerAndTheEngagedTherapistExchangeMessagesAndAStrangerIsDenied() throws Exception {
    String[] booking = accepted(BUDI, "");
    Map<String, String> therapist = Map.of("X-Appwrite-JWT", booking[1]);

    JsonObject sent = send(booking[0], "c-1", "I'm at the blue gate", "", BUDI);
    clock.advance(Duration.ofSeconds(5));
    JsonObject reply = send(booking[0], "t-1", "On my way", "", therapist);
    JsonObject retried = send(booking[0], "c-1", "I'm at the blue gate", "", BUDI);

    assertEquals(201, sent.get("responseStatusCode").getAsInt());
    assertEquals("therapist", data(reply).get("senderRole").getAsString());
    assertEquals(200, retried.get("responseStatusCode").getAsInt());
    List<String> room = List.of(Chats.CONFIRMED, "I'm at the blue gate", "On my way");
    assertEquals(room, texts(data(read(booking[0], null, "", BUDI))));
    assertEquals(room, texts(data(read(booking[0], null, "", therapist))));
    assertEquals("PERMISSION_DENIED", code(send(booking[0], "s-1", "hi", "", STRANGER)));
    assertEquals("PERMISSION_DENIED", code(read(booking[0], null, "", STRANGER)));
  }

  @Test
  void aGuestPollsTheRoomWithTheTokenAndSeesTheTherapistsMessagesArrive() throws Exception {
    String[] booking = accepted(Map.of(), "token");
    String token = booking[2];
    JsonObject first = data(read(booking[0], null, token, Map.of()));

    send(booking[0], "t-1", "On my way", "", Map.of("X-Appwrite-JWT", booking[1]));
    JsonObject second = data(read(booking[0], first.get("next").getAsString(), token, Map.of()));
    JsonObject third = data(read(booking[0], second.get("next").getAsString(), token, Map.of()));
    JsonObject mine = send(booking[0], "g-1", "See you", token, Map.of());

    assertEquals(List.of(Chats.CONFIRMED), texts(first));
    assertEquals(List.of("On my way"), texts(second));
    assertEquals(List.of(), texts(third));
    assertEquals("active", third.getAsJsonObject("session").get("status").getAsString());
    assertEquals("guest-" + booking[0], data(mine).get("senderId").getAsString());
    assertEquals("PERMISSION_DENIED", code(read(booking[0], null, "", Map.of())));
  }

  @Test
  void aCancelledBookingsRoomEndsWithItsClosingMessageAndRefusesMore() throws Exception {
    String[] booking = accepted(BUDI, "");
    JsonObject open = data(read(booking[0], null, "", BUDI));
    client.execute("cancelBooking", "{\"bookingId\":\"" + booking[0] + "\"}", BUDI);

    JsonObject refused = send(booking[0], "t-1", "Hello?", "", Map.of("X-Appwrite-JWT", booking[1]));
    JsonObject closing = data(read(booking[0], open.get("next").getAsString(), "", BUDI));

    assertEquals(409, refused.get("responseStatusCode").getAsInt());
    assertTrue(RunnerClient.envelope(refused).getAsJsonObject("error").get("message").getAsString().startsWith("This chat closed at 2026-11-23 03:00"));
    assertEquals(List.of(Chats.CLOSED_CANCELLED), texts(closing));
    assertEquals("closed", closing.getAsJsonObject("room").get("status").getAsString());
    assertEquals("ended", closing.getAsJsonObject("session").get("status").getAsString());
  }

  /** listDocuments as the web SDK sends it, with the caller's JWT: the documents' IDs. */
  private List<String> listedMessages(String roomId, Map<String, String> headers) throws Exception {
    String query = "{\"method\":\"equal\",\"attribute\":\"roomId\",\"values\":[\"" + roomId + "\"]}";
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + runner.port() + "/v1/databases/marketplace/collections/chat_messages/documents?queries%5B%5D="
                + URLEncoder.encode(query, StandardCharsets.UTF_8)))
        .header("X-Appwrite-Project", "pijat-booking").GET();
    headers.forEach(request::header);
    String body = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    List<String> ids = new ArrayList<>();
    JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("documents")
        .forEach(d -> ids.add(d.getAsJsonObject().get("$id").getAsString()));
    return ids;
  }

  @Test
  void bothParticipantsReadTheMessagesDirectlyAsTheirPermissionsAllowAndAStrangerReadsNone() throws Exception {
    String[] booking = accepted(BUDI, "");
    Map<String, String> therapist = Map.of("X-Appwrite-JWT", booking[1]);
    String customerMessage = data(send(booking[0], "c-1", "Hello", "", BUDI)).get("id").getAsString();
    String roomId = data(read(booking[0], null, "", BUDI)).getAsJsonObject("room").get("id").getAsString();

    assertTrue(listedMessages(roomId, therapist).contains(customerMessage));
    assertTrue(listedMessages(roomId, BUDI).contains(customerMessage));
    assertEquals(List.of(), listedMessages(roomId, STRANGER));
  }
}
