package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.hold.TherapistLocks;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import id.pijat.testing.TherapistFixtures;
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** searchTherapists as Appwrite's runtime calls it. */
class SearchTherapistsMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));
  private Main main = new Main(Backends.of(backend));
  private Booking booking;

  @BeforeEach
  void aBookingAndATherapist() {
    new TherapistFixtures(store).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    booking = backend.createBooking().create(Caller.user("u1"),
        BookingRequests.at(KUTA), null).booking();
  }

  private RuntimeOutput call(String body) throws Exception {
    return main.main(RuntimeCalls.post(body, Map.of("x-appwrite-user-id", "u1")));
  }

  @Test
  void answersTheOfferInTheContractsShape() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + booking.id() + "\",\"searchConfig\":{\"maxRadius\":10,\"maxSearchTime\":45,\"retryAttempts\":3}}");

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals(booking.id(), data.get("bookingId").getAsString());
    assertEquals("pending_accept", data.get("status").getAsString());
    assertEquals(1, data.get("attempt").getAsInt());
    assertEquals(3, data.get("maxAttempts").getAsInt());
    assertEquals("ayu", data.getAsJsonObject("therapist").get("id").getAsString());
    // to ayu's position as shown (rounded to 0.01°), to 100 m: 1.4 km to where she really is
    assertEquals(1.5, data.getAsJsonObject("therapist").get("distance").getAsDouble());
    assertEquals(5, data.getAsJsonObject("therapist").get("eta").getAsInt());
    assertEquals(true, data.getAsJsonObject("therapist").get("isAvailable").getAsBoolean(), "offered: still to be had");
    assertEquals("2026-11-23T03:00:45Z", data.get("offerExpiresAt").getAsString());
    // untagged by the client, tagged as the client tags its own: search_<epoch ms>_<bookingId>
    assertEquals("search_" + clock.instant().toEpochMilli() + "_" + booking.id(), data.get("searchId").getAsString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "{}                                                                  | bookingId",
    "{\"bookingId\":\"0123456789012345678901234567890123456\"}          | bookingId",
    "{\"bookingId\":\"../bookings\"}                                     | bookingId",
    "{\"bookingId\":42}                                                  | bookingId",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"maxRadius\":51}}         | searchConfig.maxRadius",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"maxRadius\":0}}          | searchConfig.maxRadius",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"maxSearchTime\":5}}      | searchConfig.maxSearchTime",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"maxSearchTime\":45.5}}   | searchConfig.maxSearchTime",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"maxSearchTime\":1e300}}  | searchConfig.maxSearchTime",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"retryAttempts\":4294967297}} | searchConfig.retryAttempts",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"retryAttempts\":6}}      | searchConfig.retryAttempts",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"retryAttempts\":2.5}}    | searchConfig.retryAttempts",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"serviceDuration\":45}}   | searchConfig.serviceDuration",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"userLocation\":{\"lat\":91,\"lng\":0}}} | searchConfig.userLocation.lat",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"userLocation\":{\"lat\":0,\"lng\":181}}} | searchConfig.userLocation.lng",
    "{\"bookingId\":\"BID\",\"searchConfig\":\"wide\"}                   | searchConfig",
    "{\"bookingId\":\"BID\",\"declineCurrent\":\"yes\"}                  | declineCurrent",
    "{\"bookingId\":\"BID\",\"radius\":5}                                | radius",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"serviceDuration\":1e100000}} | searchConfig.serviceDuration",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"maxRadius\":1e100000}}   | searchConfig.maxRadius",
    "{\"bookingId\":\"BID\",\"searchConfig\":{\"maxSearchTime\":-1e100000}} | searchConfig.maxSearchTime",
  })
  void badInputNamesTheFieldAndChangesNothing(String body, String field) throws Exception {
    RuntimeOutput output = call(body.replace("BID", booking.id()));

    assertEquals(400, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("INVALID_INPUT", error.get("code").getAsString());
    assertEquals(field, error.getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
    assertEquals(booking, backend.bookings().find(booking.id()).orElseThrow());
    assertTrue(store.list(TherapistLocks.COLLECTION, List.of(Query.limit(100))).isEmpty());
  }

  @Test
  void anUnknownBookingIsNotFound() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"nosuchbooking\"}");

    assertEquals(404, output.getStatusCode());
    assertEquals("BOOKING_NOT_FOUND", RuntimeCalls.json(output).getAsJsonObject("error").get("code").getAsString());
  }

  @Test
  void anOfferWindowAskedLongerThanTheCapIsCutToIt() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + booking.id() + "\",\"searchConfig\":{\"maxSearchTime\":600}}");

    assertEquals(200, output.getStatusCode());
    assertEquals("2026-11-23T03:01:00Z", RuntimeCalls.json(output).getAsJsonObject("data").get("offerExpiresAt").getAsString());
  }

  @Test
  void theOfferShowsTheTherapistsAreaNeverTheirPosition() throws Exception {
    Coordinates exact = TherapistFixtures.offset(KUTA, 1, 1);

    JsonObject location = RuntimeCalls.json(call("{\"bookingId\":\"" + booking.id() + "\"}"))
        .getAsJsonObject("data").getAsJsonObject("therapist").getAsJsonObject("location");

    double lat = location.get("lat").getAsDouble();
    double lng = location.get("lng").getAsDouble();
    assertEquals(Math.round(exact.lat() * 100) / 100.0, lat);
    assertEquals(Math.round(exact.lng() * 100) / 100.0, lng);
    assertNotEquals(exact.lat(), lat);
    assertTrue(new Coordinates(lat, lng).kilometresTo(exact) < 0.8, "within about a kilometre");
  }

  @Test
  void aWrongMethodIs400NamingTheMethodAndRunsNoRound() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.request("GET", "/", "{\"bookingId\":\"" + booking.id() + "\"}",
        Map.of("x-appwrite-user-id", "u1"), new RuntimeLogger()));

    assertEquals(400, output.getStatusCode());
    assertEquals("method", RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
    assertEquals(booking, backend.bookings().find(booking.id()).orElseThrow());
  }

  /** Main on a backend with these fair-use variables, on a store with three therapists near Kuta. */
  private Backend limitedTo(Map<String, String> env) {
    Backend limited = new Backend(store, clock, Settings.from(env));
    main = new Main(Backends.of(limited));
    new TherapistFixtures(store).add("made", TherapistFixtures.offset(KUTA, 2, 1), 4.5);
    new TherapistFixtures(store).add("komang", TherapistFixtures.offset(KUTA, 3, 1), 4.5);
    return limited;
  }

  @Test
  void aCustomerWhoKeepsDecliningIsSlowedDownWithWhenToRetry() throws Exception {
    limitedTo(Map.of("RATE_PASSES_PER_CUSTOMER", "2/1800"));
    String me = "{\"bookingId\":\"" + booking.id() + "\"";
    call(me + "}");
    call(me + ",\"declineCurrent\":true}");
    Booking third = backend.bookings().find(booking.id()).orElseThrow();
    call(me + ",\"declineCurrent\":true}");
    Booking fourth = backend.bookings().find(booking.id()).orElseThrow();

    RuntimeOutput output = call(me + ",\"declineCurrent\":true}");

    assertNotEquals(third.therapistId(), fourth.therapistId());
    assertEquals(429, output.getStatusCode());
    assertEquals("RATE_LIMITED", RuntimeCalls.json(output).getAsJsonObject("error").get("code").getAsString());
    assertTrue(Long.parseLong(output.getHeaders().get("retry-after")) > 0);
    assertEquals(fourth, backend.bookings().find(booking.id()).orElseThrow(), "the offer stands");
  }

  @Test
  void lettingOffersLapseCountsAsPassingThemOver() throws Exception {
    limitedTo(Map.of("RATE_PASSES_PER_CUSTOMER", "1/1800"));
    String me = "{\"bookingId\":\"" + booking.id() + "\"}";
    call(me);
    clock.advance(Duration.ofSeconds(61));
    assertEquals(200, call(me).getStatusCode());
    clock.advance(Duration.ofSeconds(61));

    assertEquals(429, call(me).getStatusCode());
  }

  @Test
  void searchesFromOneAddressAreCountedAcrossNumbers() throws Exception {
    Backend limited = limitedTo(Map.of("RATE_ROUNDS_PER_ADDRESS", "1/60"));
    Booking other = limited.createBooking().create(Caller.user("u2"), BookingRequests.at(KUTA), null).booking();

    RuntimeOutput first = main.main(RuntimeCalls.post("{\"bookingId\":\"" + booking.id() + "\"}",
        Map.of("x-appwrite-user-id", "u1", "x-appwrite-client-ip", "203.0.113.7")));
    RuntimeOutput second = main.main(RuntimeCalls.post("{\"bookingId\":\"" + other.id() + "\"}",
        Map.of("x-appwrite-user-id", "u2", "x-appwrite-client-ip", "203.0.113.7")));

    assertEquals(200, first.getStatusCode());
    assertEquals(429, second.getStatusCode());
  }

  @Test
  void aBodyUserIdThatIsNotTheSignedInUserIsDeniedNamingTheField() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"b1\",\"userId\":\"someone-else\"}", Map.of("x-appwrite-user-id", "u1")));

    RuntimeCalls.assertRefusedNaming(output, 403, "PERMISSION_DENIED", "userId", "does not match the signed-in user");
  }
}
