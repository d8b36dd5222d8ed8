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
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** cancelBooking as Appwrite's runtime calls it, by a guest with their booking token. */
class CancelBookingMainTest {
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()));
  private final Main main = new Main(Backends.of(backend));
  private CreateBooking.Created created;

  @BeforeEach
  void aGuestBooking() {
    created = backend.createBooking().create(Caller.guest(null),
        BookingRequests.at(new Coordinates(-8.718, 115.1686)), null);
  }

  private RuntimeOutput call(String body, Map<String, String> headers) throws Exception {
    return main.main(RuntimeCalls.post(body, headers));
  }

  @Test
  void theGuestCancelsWithTheTokenInTheHeader() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + created.booking().id() + "\",\"reason\":\"  plans changed \"}",
        Map.of("x-booking-token", created.token().value()));

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals("cancelled", data.get("status").getAsString());
    JsonObject metadata = data.getAsJsonObject("metadata");
    assertEquals("plans changed", metadata.get("cancellationReason").getAsString());
    assertEquals("guest", metadata.get("cancelledBy").getAsString());
    assertEquals("2026-11-23T03:00:00Z", metadata.get("cancelledAt").getAsString());
  }

  @Test
  void withoutTheTokenItIsDeniedAndNothingChanges() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + created.booking().id() + "\"}", Map.of());

    assertEquals(403, output.getStatusCode());
    assertEquals("PERMISSION_DENIED", RuntimeCalls.json(output).getAsJsonObject("error").get("code").getAsString());
    assertEquals(created.booking(), backend.bookings().find(created.booking().id()).orElseThrow());
  }

  @Test
  void anOverlongReasonIsRefusedByName() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + created.booking().id() + "\",\"reason\":\"" + "x".repeat(201) + "\"}",
        Map.of("x-booking-token", created.token().value()));

    assertEquals(400, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("reason", error.getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
    assertEquals("reason must be 1 to 200 characters: 201", error.get("message").getAsString());
    Booking stored = backend.bookings().find(created.booking().id()).orElseThrow();
    assertEquals(created.booking(), stored);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"plans\\u0000changed", "\\u202Edegnahc snalp", "\\u200B\\u200B", "a\\u001Bb", "line\\nbreak"})
  void aReasonWithControlsBidiOverridesOrNothingVisibleIsRefusedByName(String reason) throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + created.booking().id() + "\",\"reason\":\"" + reason + "\"}",
        Map.of("x-booking-token", created.token().value()));

    assertEquals(400, output.getStatusCode());
    assertEquals("reason", RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
    assertEquals(created.booking(), backend.bookings().find(created.booking().id()).orElseThrow());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GET", "DELETE", "BREW"})
  void onlyPostCancels(String method) throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.request(method, "/", "{\"bookingId\":\"" + created.booking().id() + "\"}",
        Map.of("x-booking-token", created.token().value()), new RuntimeLogger()));

    assertEquals(400, output.getStatusCode());
    assertEquals(created.booking(), backend.bookings().find(created.booking().id()).orElseThrow());
  }

  @Test
  void aTokenInTheBodyThatDiffersFromTheHeadersIsRefusedByNameAndNothingChanges() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + created.booking().id() + "\",\"bookingToken\":\"" + created.token().value() + "\"}",
        Map.of("x-booking-token", "another-guests-token-0123456789abcdef"));

    RuntimeCalls.assertRefusedNaming(output, 400, "INVALID_INPUT", "bookingToken", "differs from the x-booking-token header: send one token, or the same token in both");
    assertEquals(created.booking(), backend.bookings().find(created.booking().id()).orElseThrow());
  }

  @Test
  void theSameTokenInTheBodyAndTheHeaderCancels() throws Exception {
    RuntimeOutput output = call("{\"bookingId\":\"" + created.booking().id() + "\",\"bookingToken\":\"" + created.token().value() + "\"}",
        Map.of("x-booking-token", created.token().value()));

    assertEquals(200, output.getStatusCode());
    assertEquals("cancelled", RuntimeCalls.json(output).getAsJsonObject("data").get("status").getAsString());
  }

  @Test
  void aBodyUserIdThatIsNotTheSignedInUserIsDeniedNamingTheField() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"b1\",\"userId\":\"someone-else\"}", Map.of("x-appwrite-user-id", "u1")));

    RuntimeCalls.assertRefusedNaming(output, 403, "PERMISSION_DENIED", "userId", "does not match the signed-in user");
  }
}
