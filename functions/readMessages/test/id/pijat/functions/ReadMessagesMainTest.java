package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import id.pijat.chat.Chats;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.chat.ClientMessageId;
import id.pijat.model.chat.MessageText;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import id.pijat.testing.TherapistFixtures;
import id.pijat.usecase.CreateBooking;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** readMessages as a guest's chat screen polls it: GET with a body and the x-booking-token header, the cursor carried on. */
class ReadMessagesMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend =
      new Backend(store, clock, Settings.from(Map.of("CHAT_CURSOR_SECRET", "a-secret-of-at-least-thirty-two-characters")));
  private final Main main = new Main(Backends.of(backend));
  private Booking booking;
  private Map<String, String> guest;

  @BeforeEach
  void aGuestAcceptedAyu() {
    new TherapistFixtures(store).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    TherapistFixtures.belongsTo(store, "ayu", "therapist-ayu");
    CreateBooking.Created created = backend.createBooking().create(Caller.guest(null), BookingRequests.at(KUTA), null);
    Caller caller = Caller.guest(created.token());
    backend.searchTherapists().search(caller, created.booking().id(), SearchConfig.DEFAULT, null, false);
    booking = backend.acceptTherapist().accept(caller, created.booking().id(), "ayu");
    guest = Map.of("x-booking-token", created.token().value());
    clock.advance(Duration.ofSeconds(1));
  }

  private JsonObject get(String body, Map<String, String> headers) throws Exception {
    return RuntimeCalls.json(main.main(RuntimeCalls.get(body, headers)));
  }

  private void ayuWrites(String clientId, String text) {
    backend.sendMessage().send(Caller.user("therapist-ayu"), booking.id(), new ClientMessageId(clientId), new MessageText(text));
  }

  private static List<String> texts(JsonObject data) {
    List<String> texts = new ArrayList<>();
    data.getAsJsonArray("messages").forEach(m -> texts.add(m.getAsJsonObject().get("text").getAsString()));
    return texts;
  }

  @Test
  void theGuestReadsTheRoomItsSessionAndACursorThenPollsOnlyWhatIsNew() throws Exception {
    ayuWrites("t-1", "On my way");
    JsonObject first = get("{\"bookingId\":\"" + booking.id() + "\"}", guest).getAsJsonObject("data");

    assertEquals(List.of(Chats.CONFIRMED, "On my way"), texts(first));
    assertEquals("active", first.getAsJsonObject("room").get("status").getAsString());
    assertEquals(booking.chat().chatRoomId(), first.getAsJsonObject("room").get("id").getAsString());
    JsonObject session = first.getAsJsonObject("session");
    assertEquals("active", session.get("status").getAsString());
    assertEquals(1, session.get("activeBlocks").getAsInt());
    assertFalse(session.get("customerWrote").getAsBoolean());
    assertFalse(first.get("more").getAsBoolean());

    ayuWrites("t-2", "Five minutes");
    String next = first.get("next").getAsString();
    JsonObject second = get("{\"bookingId\":\"" + booking.id() + "\",\"after\":\"" + next + "\"}", guest).getAsJsonObject("data");

    assertEquals(List.of("Five minutes"), texts(second));
  }

  @Test
  void aPostReadsTheSameWithTheTokenInTheBody() throws Exception {
    String token = guest.get("x-booking-token");
    RuntimeOutput output = main.main(RuntimeCalls.post(
        "{\"bookingId\":\"" + booking.id() + "\",\"bookingToken\":\"" + token + "\",\"limit\":1}", Map.of()));

    assertEquals(200, output.getStatusCode());
    assertEquals(List.of(Chats.CONFIRMED), texts(RuntimeCalls.json(output).getAsJsonObject("data")));
  }

  @Test
  void withoutTheTokenTheGuestIsDenied() throws Exception {
    JsonObject answer = get("{\"bookingId\":\"" + booking.id() + "\"}", Map.of());

    assertEquals("PERMISSION_DENIED", answer.getAsJsonObject("error").get("code").getAsString());
  }

  @Test
  void everyBadFieldIsNamed() throws Exception {
    JsonObject answer = get("{\"bookingId\":\"" + booking.id() + "\",\"limit\":101,\"after\":\"\",\"since\":1}", guest);

    assertEquals("INVALID_INPUT", answer.getAsJsonObject("error").get("code").getAsString());
    assertEquals(List.of("since", "after", "limit"), fields(answer));
  }

  @Test
  void aCursorThatIsNoCursorIsRefusedNamingAfter() throws Exception {
    JsonObject answer = get("{\"bookingId\":\"" + booking.id() + "\",\"after\":\"bm90LWEtY3Vyc29yLWF0LWFsbC1ub3QtYXQtYWxs\"}", guest);

    assertEquals(List.of("after"), fields(answer));
  }

  private static List<String> fields(JsonObject answer) {
    JsonArray details = answer.getAsJsonObject("error").getAsJsonArray("details");
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
