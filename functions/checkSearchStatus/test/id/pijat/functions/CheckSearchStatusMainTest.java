package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import id.pijat.testing.TherapistFixtures;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** checkSearchStatus as the client polls it: GET with a body, every 2 s, reading its TherapistSearchResult. */
class CheckSearchStatusMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private static final String SEARCH_ID = "search_1763899200000_";
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));
  private final Main main = new Main(Backends.of(backend));
  private Booking booking;

  @BeforeEach
  void aBookingAndATherapist() {
    new TherapistFixtures(store).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    booking = backend.createBooking().create(Caller.user("u1"), BookingRequests.at(KUTA), null).booking();
  }

  private JsonObject poll(String userId) throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.get(
        "{\"searchId\":\"" + SEARCH_ID + booking.id() + "\",\"bookingId\":\"" + booking.id() + "\"}",
        Map.of("x-appwrite-user-id", userId)));
    return RuntimeCalls.json(output);
  }

  private void search(String searchId, SearchConfig config) {
    backend.searchTherapists().search(Caller.user("u1"), booking.id(), config, searchId, false);
  }

  @Test
  void anOpenOfferIsASuccessWithTheTherapistAndTheClientsSearchIdEchoed() throws Exception {
    search(SEARCH_ID + booking.id(), SearchConfig.DEFAULT);

    JsonObject data = poll("u1").getAsJsonObject("data");

    assertTrue(data.get("success").getAsBoolean());
    assertEquals(SEARCH_ID + booking.id(), data.get("searchId").getAsString());
    assertEquals("ayu", data.getAsJsonObject("therapist").get("id").getAsString());
    assertEquals("2026-11-23T03:01:00Z", data.get("offerExpiresAt").getAsString());
  }

  @Test
  void beforeAnyOfferThePollIsNoSuccessAndWritesNothing() throws Exception {
    JsonObject data = poll("u1").getAsJsonObject("data");

    assertFalse(data.get("success").getAsBoolean());
    assertEquals("searching", data.get("status").getAsString());
    assertFalse(data.has("therapist"));
    assertEquals(booking, backend.bookings().find(booking.id()).orElseThrow());
  }

  @Test
  void anEmptyRoundAnswersWhenToLookAgain() throws Exception {
    search(null, new SearchConfig(0.5, SearchConfig.DEFAULT_OFFER_WINDOW, 5, null, null));

    JsonObject data = poll("u1").getAsJsonObject("data");

    assertFalse(data.get("success").getAsBoolean());
    assertEquals("2026-11-23T03:00:20Z", data.get("nextRetryAt").getAsString());
  }

  @Test
  void anOfferWhoseWindowPassedIsNoLongerASuccess() throws Exception {
    search(null, SearchConfig.DEFAULT);
    clock.advance(Duration.ofSeconds(60));

    JsonObject data = poll("u1").getAsJsonObject("data");

    assertFalse(data.get("success").getAsBoolean());
    assertFalse(data.has("therapist"));
  }

  @Test
  void aCancelledBookingEndsTheSearchWithItsError() throws Exception {
    backend.cancelBooking().cancel(Caller.user("u1"), booking.id(), null);

    JsonObject data = poll("u1").getAsJsonObject("data");

    assertFalse(data.get("success").getAsBoolean());
    assertEquals("BOOKING_CANCELLED", data.getAsJsonObject("error").get("code").getAsString());
  }

  @Test
  void aBookingCancelledWhileItsSearchWaitedSaysNoMoreWhenToLookAgain() throws Exception {
    search(null, new SearchConfig(0.5, SearchConfig.DEFAULT_OFFER_WINDOW, 5, null, null));
    backend.cancelBooking().cancel(Caller.user("u1"), booking.id(), null);

    JsonObject data = poll("u1").getAsJsonObject("data");

    assertEquals("BOOKING_CANCELLED", data.getAsJsonObject("error").get("code").getAsString());
    assertFalse(data.has("nextRetryAt"), "no search is coming: " + data);
  }

  @Test
  void onlyTheOwnerMayPoll() throws Exception {
    JsonObject envelope = poll("mallory");

    assertEquals("PERMISSION_DENIED", envelope.getAsJsonObject("error").get("code").getAsString());
  }

  @Test
  void aSearchIdOutsideTheTagsCharactersIsRefusedByName() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.get(
        "{\"searchId\":\"search 1\",\"bookingId\":\"" + booking.id() + "\"}", Map.of("x-appwrite-user-id", "u1")));

    assertEquals(400, output.getStatusCode());
    assertEquals("searchId",
        RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void aBodyUserIdThatIsNotTheSignedInUserIsDeniedNamingTheField() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"b1\",\"userId\":\"someone-else\"}", Map.of("x-appwrite-user-id", "u1")));

    RuntimeCalls.assertRefusedNaming(output, 403, "PERMISSION_DENIED", "userId", "does not match the signed-in user");
  }
}
