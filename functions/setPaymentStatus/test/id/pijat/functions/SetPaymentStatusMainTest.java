package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.gson.JsonArray;
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
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * setPaymentStatus as a payment provider's webhook function calls it: POST {bookingId,
 * paymentStatus, reference?} with an API key and no user. Appwrite lets no client execute it
 * (appwrite.json `execute: []`; the runner's test of that is PaymentStatusOverHttpTest); a call on
 * behalf of a user that gets here anyway is refused.
 */
class SetPaymentStatusMainTest {
  private static final Map<String, String> SERVER = Map.of("x-appwrite-key", "exec-key", "x-appwrite-user-id", "");
  private static final Caller BUDI = Caller.user("budi");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()));
  private final Main main = new Main(Backends.of(backend));
  private Booking booking;

  @BeforeEach
  void budiHasABooking() {
    booking = backend.createBooking().create(BUDI, BookingRequests.at(new Coordinates(-8.6881, 115.2619)), null).booking();
  }

  private RuntimeOutput set(String status, Map<String, String> headers) throws Exception {
    return main.main(RuntimeCalls.post(
        "{\"bookingId\":\"" + booking.id() + "\",\"paymentStatus\":\"" + status + "\",\"reference\":\"midtrans-ORDER-1\"}", headers));
  }

  private Booking stored() {
    return backend.bookings().find(booking.id()).orElseThrow();
  }

  private static JsonObject error(RuntimeOutput output) {
    return RuntimeCalls.json(output).getAsJsonObject("error");
  }

  @Test
  void aServerCallSetsTheStatusAndAnswersTheBookingAsItsCustomerSeesIt() throws Exception {
    RuntimeOutput output = set("paid", SERVER);

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals(booking.id(), data.get("id").getAsString());
    assertEquals("paid", data.get("paymentStatus").getAsString());
    assertFalse(data.has("refundDue"));
    assertFalse(data.has("paymentReference"), "the provider's reference stays on the server");
    assertEquals("paid", store.find("bookings", booking.id()).orElseThrow().string("paymentStatus"));
  }

  @Test
  void aSignedInUserIsRefusedAndNothingIsWritten() throws Exception {
    RuntimeOutput output = set("paid", Map.of("x-appwrite-key", "exec-key", "x-appwrite-user-id", "budi"));

    assertEquals(403, output.getStatusCode());
    assertEquals("PERMISSION_DENIED", error(output).get("code").getAsString());
    assertEquals("Only the server may make this call.", error(output).get("message").getAsString());
    assertEquals(booking, stored());
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsWritten() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post(
        "{\"bookingId\":\"not/an id\",\"paymentStatus\":\"settled\",\"reference\":\"has space\",\"amount\":1}", SERVER));

    assertEquals(400, output.getStatusCode());
    assertEquals(List.of("amount", "bookingId", "paymentStatus", "reference"), fields(output));
    assertEquals(booking, stored());
  }

  @Test
  void aMissingStatusIsNamed() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"" + booking.id() + "\"}", SERVER));

    assertEquals(400, output.getStatusCode());
    assertEquals(List.of("paymentStatus"), fields(output));
  }

  @Test
  void anIllegalMoveIsInvalidStateNamingBothStatuses() throws Exception {
    set("paid", SERVER);

    RuntimeOutput output = set("failed", SERVER);

    assertEquals(409, output.getStatusCode());
    assertEquals("INVALID_STATE", error(output).get("code").getAsString());
    assertEquals("A paid payment cannot become failed.", error(output).get("message").getAsString());
  }

  @Test
  void anUnknownBookingIsNotFound() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"bookingId\":\"nope\",\"paymentStatus\":\"paid\"}", SERVER));

    assertEquals(404, output.getStatusCode());
    assertEquals("BOOKING_NOT_FOUND", error(output).get("code").getAsString());
  }

  @Test
  void aPaymentReportedAfterTheCancellationIsDueARefundAndTheAnswerSaysSo() throws Exception {
    backend.cancelBooking().cancel(BUDI, booking.id(), null);

    JsonObject data = RuntimeCalls.json(set("paid", SERVER)).getAsJsonObject("data");

    assertEquals("cancelled", data.get("status").getAsString());
    assertEquals("paid", data.get("paymentStatus").getAsString());
    assertEquals(true, data.get("refundDue").getAsBoolean());
    assertEquals("2026-11-23T03:00:00Z", data.get("refundDueAt").getAsString());
  }

  private static List<String> fields(RuntimeOutput output) {
    JsonArray details = error(output).getAsJsonArray("details");
    List<String> fields = new ArrayList<>();
    details.forEach(detail -> fields.add(detail.getAsJsonObject().get("field").getAsString()));
    return fields;
  }
}
