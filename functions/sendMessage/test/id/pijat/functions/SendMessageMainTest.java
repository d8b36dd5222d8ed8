package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import id.pijat.testing.TherapistFixtures;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** sendMessage as the chat screen calls it: POST {bookingId, clientMessageId, text}, signed in or with the booking token. */
class SendMessageMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private static final Map<String, String> BUDI = Map.of("x-appwrite-user-id", "budi");
  private static final Map<String, String> AYU = Map.of("x-appwrite-user-id", "therapist-ayu");
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));
  private final Main main = new Main(Backends.of(backend));
  private Booking booking;

  @BeforeEach
  void budiAcceptedAyu() {
    new TherapistFixtures(store).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    TherapistFixtures.belongsTo(store, "ayu", "therapist-ayu");
    Caller budi = Caller.user("budi");
    Booking created = backend.createBooking().create(budi, BookingRequests.at(KUTA), null).booking();
    backend.searchTherapists().search(budi, created.id(), SearchConfig.DEFAULT, null, false);
    booking = backend.acceptTherapist().accept(budi, created.id(), "ayu");
    clock.advance(Duration.ofSeconds(1));
  }

  private RuntimeOutput send(String body, Map<String, String> headers) throws Exception {
    return main.main(RuntimeCalls.post(body, headers));
  }

  private String body(String clientMessageId, String text) {
    return "{\"bookingId\":\"" + booking.id() + "\",\"clientMessageId\":\"" + clientMessageId + "\",\"text\":\"" + text + "\"}";
  }

  private int messages() {
    return store.list("chat_messages", List.of(Query.equal("roomId", booking.chat().chatRoomId()))).size();
  }

  @Test
  void theCustomersMessageIsCreatedWithItsRoleAndTime() throws Exception {
    RuntimeOutput output = send(body("c-1", "I'm at the blue gate"), BUDI);

    assertEquals(201, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals("I'm at the blue gate", data.get("text").getAsString());
    assertEquals("customer", data.get("senderRole").getAsString());
    assertEquals("budi", data.get("senderId").getAsString());
    assertEquals("text", data.get("messageType").getAsString());
    assertEquals("c-1", data.get("clientMessageId").getAsString());
    assertEquals(booking.chat().chatRoomId(), data.get("roomId").getAsString());
    assertEquals("2026-11-23T03:00:01Z", data.get("createdAt").getAsString());
  }

  @Test
  void aRetryAnswersTheSameMessageWith200() throws Exception {
    JsonObject first = RuntimeCalls.json(send(body("c-1", "Hello"), BUDI)).getAsJsonObject("data");

    RuntimeOutput again = send(body("c-1", "Hello"), BUDI);

    assertEquals(200, again.getStatusCode());
    assertEquals(first, RuntimeCalls.json(again).getAsJsonObject("data"));
    assertEquals(2, messages());
  }

  @Test
  void theEngagedTherapistWritesAndAStrangerIsDenied() throws Exception {
    assertEquals(201, send(body("t-1", "On my way"), AYU).getStatusCode());

    RuntimeOutput stranger = send(body("s-1", "hi"), Map.of("x-appwrite-user-id", "eko"));

    assertEquals(403, stranger.getStatusCode());
    assertEquals("PERMISSION_DENIED", RuntimeCalls.json(stranger).getAsJsonObject("error").get("code").getAsString());
    assertEquals(2, messages());
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsWritten() throws Exception {
    RuntimeOutput output = send("{\"bookingId\":\"not/an id\",\"clientMessageId\":\"has space\",\"text\":\"   \",\"mood\":1}", BUDI);

    assertEquals(400, output.getStatusCode());
    assertEquals(List.of("mood", "bookingId", "clientMessageId", "text"), fields(output));
    assertEquals(1, messages());
  }

  @Test
  void aTextTooLongIsRefusedNamingItsLength() throws Exception {
    RuntimeOutput output = send(body("c-1", "x".repeat(2001)), BUDI);

    assertEquals(400, output.getStatusCode());
    JsonObject detail = RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details").get(0).getAsJsonObject();
    assertEquals("text", detail.get("field").getAsString());
    assertEquals("must be 1 to 2000 characters: 2001", detail.get("problem").getAsString());
    assertEquals("text must be 1 to 2000 characters: 2001", RuntimeCalls.json(output).getAsJsonObject("error").get("message").getAsString());
  }

  @Test
  void theLongestMessageIsTakenEvenWithEveryCharacterEscapedAsJsonAllowsAsPythonSendsIt() throws Exception {
    // 2 000 emoji as \\ud83d\\ude00: 24 000 bytes of body for a text of 2 000 characters
    RuntimeOutput output = send(body("c-1", "\\ud83d\\ude00".repeat(2_000)), BUDI);

    assertEquals(201, output.getStatusCode(), RuntimeCalls.json(output).toString().substring(0, 200));
    assertEquals(4_000, RuntimeCalls.json(output).getAsJsonObject("data").get("text").getAsString().length());
  }

  @Test
  void aMessageOfLineAndParagraphSeparatorsOnlyIsRefusedNamingTheText() throws Exception {
    RuntimeOutput output = send(body("c-1", "\u2028\u2029"), BUDI);

    assertEquals(400, output.getStatusCode());
    assertEquals(List.of("text"), fields(output));
    assertEquals(1, messages());
  }

  @Test
  void aClosedRoomIsInvalidStateNamingItsClosingTime() throws Exception {
    backend.cancelBooking().cancel(Caller.user("budi"), booking.id(), null);

    RuntimeOutput output = send(body("t-1", "Hello?"), AYU);

    assertEquals(409, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("INVALID_STATE", error.get("code").getAsString());
    assertEquals("This chat closed at 2026-11-23 03:00 UTC.", error.get("message").getAsString());
  }

  @Test
  void aGetIsRefusedNamingTheMethod() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.get(body("c-1", "Hello"), BUDI));

    assertEquals(400, output.getStatusCode());
    assertEquals(List.of("method"), fields(output));
  }

  private static List<String> fields(RuntimeOutput output) {
    JsonArray details = RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details");
    List<String> fields = new ArrayList<>();
    details.forEach(detail -> fields.add(detail.getAsJsonObject().get("field").getAsString()));
    return fields;
  }

  @Test
  void aBodyUserIdThatIsNotTheSignedInUserIsDeniedNamingTheField() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"b1\",\"userId\":\"someone-else\"}", Map.of("x-appwrite-user-id", "u1")));

    RuntimeCalls.assertRefusedNaming(output, 403, "PERMISSION_DENIED", "userId", "does not match the signed-in user");
  }
}
