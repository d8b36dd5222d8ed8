package id.pijat.local;

import static id.pijat.local.RunnerClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import id.pijat.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * setPaymentStatus in the runner, as appwrite.json's `execute: []` makes it: no guest or user may
 * execute it, a server call with the API key may, and the customer then sees the status on their
 * booking.
 */
class PaymentStatusOverHttpTest {
  private static final Map<String, String> ALICE = Map.of("X-Appwrite-JWT", "local:alice");
  private static final Map<String, String> SERVER = Map.of("X-Appwrite-Key", "server-secret");
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;
  private String bookingId;

  @BeforeEach
  void aliceHasABooking() throws Exception {
    runner = RunnerClient.freshRunner(Map.of("APPWRITE_API_KEY", "server-secret"), clock);
    bookingId = data(execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, ALICE)).get("id").getAsString();
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private JsonObject execute(String functionId, String body, Map<String, String> headers) throws Exception {
    return new RunnerClient(runner).execute(functionId, body, headers);
  }

  private String paid() {
    return "{\"bookingId\":\"" + bookingId + "\",\"paymentStatus\":\"paid\",\"reference\":\"midtrans-ORDER-1\"}";
  }

  @Test
  void noGuestAndNoUserMayExecuteIt() throws Exception {
    JsonObject guest = execute("setPaymentStatus", paid(), Map.of());
    JsonObject user = execute("setPaymentStatus", paid(), ALICE);

    assertEquals("user_unauthorized", guest.get("type").getAsString());
    assertEquals("user_unauthorized", user.get("type").getAsString());
    assertEquals("pending", data(execute("getBooking", "{\"bookingId\":\"" + bookingId + "\"}", ALICE)).get("paymentStatus").getAsString());
  }

  @Test
  void aServerCallSetsItAndTheCustomerSeesItOnTheirBooking() throws Exception {
    JsonObject set = execute("setPaymentStatus", paid(), SERVER);

    assertEquals(200, set.get("responseStatusCode").getAsInt(), set.toString());
    JsonObject seen = data(execute("getBooking", "{\"bookingId\":\"" + bookingId + "\"}", ALICE));
    assertEquals("paid", seen.get("paymentStatus").getAsString());
  }

  @Test
  void aPaidBookingTheCustomerCancelsShowsTheRefundDue() throws Exception {
    execute("setPaymentStatus", paid(), SERVER);

    JsonObject cancelled = data(execute("cancelBooking", "{\"bookingId\":\"" + bookingId + "\"}", ALICE));

    assertEquals("cancelled", cancelled.get("status").getAsString());
    assertEquals("paid", cancelled.get("paymentStatus").getAsString());
    assertEquals(true, cancelled.get("refundDue").getAsBoolean());
  }
}
