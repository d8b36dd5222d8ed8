package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** acceptTherapist as Appwrite's runtime calls it. */
class AcceptTherapistMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()));
  private final Main main = new Main(Backends.of(backend));
  private Booking offered;

  @BeforeEach
  void anOffer() {
    new TherapistFixtures(store).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    Booking booking = backend.createBooking().create(Caller.user("u1"),
        BookingRequests.at(KUTA), null).booking();
    offered = backend.searchTherapists().search(Caller.user("u1"), booking.id(), SearchConfig.DEFAULT, null, false).booking();
  }

  private RuntimeOutput call(String body) throws Exception {
    return main.main(RuntimeCalls.post(body, Map.of("x-appwrite-user-id", "u1")));
  }

  @Test
  void answersTheActiveBookingWithItsChat() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + offered.id() + "\",\"therapistId\":\"ayu\"}");

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals("active", data.get("status").getAsString());
    assertEquals("ayu", data.get("therapistId").getAsString());
    assertEquals("room-" + offered.id(), data.get("chatRoomId").getAsString());
    assertEquals("2026-11-23T03:05:00Z", data.get("startsAt").getAsString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "{\"bookingId\":\"BID\"}                                     | 400 | INVALID_INPUT",
    "{\"bookingId\":\"BID\",\"therapistId\":\"a b\"}            | 400 | INVALID_INPUT",
    "{\"bookingId\":\"BID\",\"therapistId\":[\"ayu\"]}          | 400 | INVALID_INPUT",
    "{\"bookingId\":\"BID\",\"therapistId\":\"made\"}           | 404 | THERAPIST_NOT_FOUND",
    "{\"bookingId\":\"unknownbooking\",\"therapistId\":\"ayu\"} | 404 | BOOKING_NOT_FOUND",
    "not json                                                  | 400 | INVALID_INPUT",
  })
  void refusalsChangeNothing(String body, int status, String code) throws Exception {
    RuntimeOutput output = call(body.replace("BID", offered.id()));

    assertEquals(status, output.getStatusCode());
    assertEquals(code, RuntimeCalls.json(output).getAsJsonObject("error").get("code").getAsString());
    assertEquals(offered, backend.bookings().find(offered.id()).orElseThrow());
  }

  @Test
  void theActiveBookingShowsTheTherapistsAreaNeverTheirPosition() throws Exception {
    Coordinates exact = TherapistFixtures.offset(KUTA, 1, 1);

    JsonObject therapist = RuntimeCalls.json(call("{\"bookingId\":\"" + offered.id() + "\",\"therapistId\":\"ayu\"}"))
        .getAsJsonObject("data").getAsJsonObject("therapist");
    JsonObject location = therapist.getAsJsonObject("location");

    assertEquals(Math.round(exact.lat() * 100) / 100.0, location.get("lat").getAsDouble());
    assertEquals(Math.round(exact.lng() * 100) / 100.0, location.get("lng").getAsDouble());
    assertEquals(false, therapist.get("isAvailable").getAsBoolean(), "engaged by this booking, busy for anyone else");
  }

  @Test
  void aBodyUserIdThatIsNotTheSignedInUserIsDeniedNamingTheField() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"b1\",\"userId\":\"someone-else\"}", Map.of("x-appwrite-user-id", "u1")));

    RuntimeCalls.assertRefusedNaming(output, 403, "PERMISSION_DENIED", "userId", "does not match the signed-in user");
  }
}
