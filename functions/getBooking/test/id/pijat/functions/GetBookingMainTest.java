package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import id.pijat.usecase.CreateBooking;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** getBooking as the client calls it: GET (or POST) with {bookingId}, the guest's token carried. */
class GetBookingMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()));
  private final Main main = new Main(Backends.of(backend));
  private CreateBooking.Created guests;

  @BeforeEach
  void aGuestsBooking() {
    guests = backend.createBooking().create(Caller.guest(null), BookingRequests.at(KUTA), null);
  }

  private String body() {
    return "{\"bookingId\":\"" + guests.booking().id() + "\"}";
  }

  @Test
  void theGuestWithTheTokenReadsTheBooking() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.get(body(), Map.of("x-booking-token", guests.token().value())));

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    Booking booking = guests.booking();
    assertEquals(booking.id(), data.get("id").getAsString());
    assertEquals("guest-" + booking.id(), data.get("userId").getAsString(), "a guest, named as the chat names them");
    assertEquals("searching", data.get("status").getAsString());
    assertEquals(200_000, data.get("price").getAsLong());
  }

  @Test
  void aPostReadsTheSame() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post(
        body().replace("}", ",\"bookingToken\":\"" + guests.token().value() + "\"}"), Map.of()));

    assertEquals(guests.booking().id(), RuntimeCalls.json(output).getAsJsonObject("data").get("id").getAsString());
  }

  @Test
  void theGuestWhoSignedInSinceStillReadsTheirGuestBookingWithItsToken() throws Exception {
    Map<String, String> headers = Map.of("x-booking-token", guests.token().value(), "x-appwrite-user-id", "signed-in-since");

    RuntimeOutput output = main.main(RuntimeCalls.get(body(), headers));

    assertEquals(200, output.getStatusCode());
    assertEquals(guests.booking().id(), RuntimeCalls.json(output).getAsJsonObject("data").get("id").getAsString());
    assertEquals(403, main.main(RuntimeCalls.get(body(), Map.of("x-appwrite-user-id", "signed-in-since"))).getStatusCode());
  }

  @Test
  void withoutTheTokenItIsDenied() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.get(body(), Map.of()));

    assertEquals(403, output.getStatusCode());
    assertEquals("PERMISSION_DENIED", RuntimeCalls.json(output).getAsJsonObject("error").get("code").getAsString());
  }

  @Test
  void anUnknownBookingIsNotFoundAndABadIdIsNamed() throws Exception {
    RuntimeOutput missing = main.main(RuntimeCalls.get("{\"bookingId\":\"nosuchbooking\"}", Map.of("x-appwrite-user-id", "u1")));
    RuntimeOutput bad = main.main(RuntimeCalls.get("{\"bookingId\":\"../x\"}", Map.of("x-appwrite-user-id", "u1")));

    assertEquals(404, missing.getStatusCode());
    assertEquals(400, bad.getStatusCode());
    assertEquals("bookingId",
        RuntimeCalls.json(bad).getAsJsonObject("error").getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void anEmptyIdIsToldItNeedsAtLeastOneCharacter() throws Exception {
    RuntimeOutput empty = main.main(RuntimeCalls.get("{\"bookingId\":\"\"}", Map.of("x-appwrite-user-id", "u1")));

    assertEquals(400, empty.getStatusCode());
    assertEquals("bookingId must be 1 to 36 letters, digits, '.', '-' or '_', starting with a letter or digit",
        RuntimeCalls.json(empty).getAsJsonObject("error").get("message").getAsString());
  }

  @Test
  void anIdStartingWithAPunctuationMarkIsToldTheRuleItBreaks() throws Exception {
    // "-abc" is letters and a '-': a message without the first character's rule would read as met
    RuntimeOutput dashed = main.main(RuntimeCalls.get("{\"bookingId\":\"-abc\"}", Map.of("x-appwrite-user-id", "u1")));

    RuntimeCalls.assertRefusedNaming(dashed, 400, "INVALID_INPUT", "bookingId",
        "must be 1 to 36 letters, digits, '.', '-' or '_', starting with a letter or digit");
  }

  @Test
  void aBodyUserIdThatIsNotTheSignedInUserIsDeniedNamingTheField() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"b1\",\"userId\":\"someone-else\"}", Map.of("x-appwrite-user-id", "u1")));

    RuntimeCalls.assertRefusedNaming(output, 403, "PERMISSION_DENIED", "userId", "does not match the signed-in user");
  }
}
