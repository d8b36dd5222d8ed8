package id.pijat.local;

import static id.pijat.local.RunnerClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import id.pijat.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The React client's own protocol through the runner: its searchId on every start, checkSearchStatus
 * and getBooking polled with GET and a body, the booking token carried; and what a poll costs.
 */
class ClientProtocolOverHttpTest {
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;
  private RunnerClient client;
  private String bookingId;
  private String token;

  @BeforeEach
  void aGuestsBooking() throws Exception {
    runner = RunnerClient.freshRunner(Map.of(), clock);
    client = new RunnerClient(runner);
    JsonObject created = data(client.execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, Map.of()));
    bookingId = created.get("id").getAsString();
    token = ",\"bookingToken\":\"" + created.get("bookingToken").getAsString() + "\"";
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private String searchId(long epochMillis) {
    return "search_" + epochMillis + "_" + bookingId;
  }

  private JsonObject start(String searchId) throws Exception {
    return client.execute("searchTherapists", "POST", "{\"bookingId\":\"" + bookingId + "\",\"searchId\":\"" + searchId + "\"" + token + "}", Map.of());
  }

  private JsonObject poll(String searchId) throws Exception {
    return client.execute("checkSearchStatus", "GET", "{\"searchId\":\"" + searchId + "\",\"bookingId\":\"" + bookingId + "\"" + token + "}", Map.of());
  }

  @Test
  void theClientsSearchIdIsTakenAndItsPollFindsTheOffer() throws Exception {
    String searchId = searchId(1763866800000L);

    JsonObject started = data(start(searchId));
    JsonObject status = data(poll(searchId));

    assertEquals(searchId, started.get("searchId").getAsString());
    assertTrue(status.get("success").getAsBoolean());
    assertEquals(searchId, status.get("searchId").getAsString());
    assertEquals(started.getAsJsonObject("therapist").get("id"), status.getAsJsonObject("therapist").get("id"));
  }

  @Test
  void aNewStartAfterAnOfferMovesOnToAnotherTherapist() throws Exception {
    JsonObject first = data(start(searchId(1763866800000L)));

    JsonObject second = data(start(searchId(1763866860000L)));

    assertNotEquals(first.getAsJsonObject("therapist").get("id"), second.getAsJsonObject("therapist").get("id"));
    assertEquals(2, second.get("attempt").getAsInt());
  }

  @Test
  void aPollAndAReadEachCostOneStoreRequestAndWriteNothing() throws Exception {
    String searchId = searchId(1763866800000L);
    start(searchId);

    long before = runner.store().calls();
    poll(searchId);
    long afterPoll = runner.store().calls();
    JsonObject booking = data(client.execute("getBooking", "GET", "{\"bookingId\":\"" + bookingId + "\"" + token + "}", Map.of()));
    long afterRead = runner.store().calls();

    assertEquals(1, afterPoll - before, "the booking's newest claimed version");
    assertEquals(1, afterRead - afterPoll);
    assertEquals("pending_accept", booking.get("status").getAsString());
  }

  @Test
  void withoutTheTokenNeitherAnswers() throws Exception {
    JsonObject status = client.execute("checkSearchStatus", "GET", "{\"bookingId\":\"" + bookingId + "\"}", Map.of());
    JsonObject booking = client.execute("getBooking", "GET", "{\"bookingId\":\"" + bookingId + "\"}", Map.of());

    assertEquals(403, status.get("responseStatusCode").getAsInt());
    assertEquals(403, booking.get("responseStatusCode").getAsInt());
  }
}
