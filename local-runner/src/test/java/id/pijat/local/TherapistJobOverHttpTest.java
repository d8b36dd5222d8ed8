package id.pijat.local;

import static id.pijat.local.RunnerClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job through the runner: Budi books in central Denpasar and accepts bali-01, who, signed in with
 * the JWT local:therapist-bali-01, reports each step; Budi's getBooking shows it, and the embedded
 * store takes each write only as appwrite.json declares its attributes.
 */
class TherapistJobOverHttpTest {
  private static final Map<String, String> BALI_01 = Map.of("X-Appwrite-JWT", "local:therapist-bali-01");
  private static final Map<String, String> BALI_02 = Map.of("X-Appwrite-JWT", "local:therapist-bali-02");
  private static final Map<String, String> BUDI = Map.of("X-Appwrite-JWT", "local:budi");
  private static final String IN_DENPASAR =
      "{\"status\":\"available\",\"coordinates\":{\"lat\":" + DemoData.DENPASAR.lat() + ",\"lng\":" + DemoData.DENPASAR.lng() + "}}";
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;
  private RunnerClient client;
  private String bookingId;

  @BeforeEach
  void budiAcceptsBali01() throws Exception {
    runner = RunnerClient.freshRunner(Map.of(), clock);
    client = new RunnerClient(runner);
    data(client.execute("setTherapistPresence", IN_DENPASAR, BALI_01));
    bookingId = data(client.execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, BUDI)).get("id").getAsString();
    JsonObject offer = data(client.execute("searchTherapists", "{\"bookingId\":\"" + bookingId + "\"}", BUDI));
    assertEquals("bali-01", offer.getAsJsonObject("therapist").get("id").getAsString());
    data(client.execute("acceptTherapist", "{\"bookingId\":\"" + bookingId + "\",\"therapistId\":\"bali-01\"}", BUDI));
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private JsonObject report(String fields, Map<String, String> who) throws Exception {
    return client.execute("reportJobProgress", "{\"bookingId\":\"" + bookingId + "\"" + fields + "}", who);
  }

  private JsonObject budisBooking() throws Exception {
    return data(client.execute("getBooking", "{\"bookingId\":\"" + bookingId + "\"}", BUDI));
  }

  @Test
  void bali01ReportsEachStepAndBudiSeesTheEtaChangeAndTheEnd() throws Exception {
    Instant t0 = clock.instant();
    report(",\"step\":\"on_the_way\",\"etaMinutes\":25", BALI_01);
    JsonObject onTheWay = budisBooking().getAsJsonObject("job");
    clock.advance(Duration.ofMinutes(20));
    report(",\"step\":\"delayed\",\"etaMinutes\":10", BALI_01);
    JsonObject delayed = budisBooking().getAsJsonObject("job");
    clock.advance(Duration.ofMinutes(10));
    report(",\"step\":\"arrived\"", BALI_01);
    report(",\"step\":\"started\"", BALI_01);
    clock.advance(Duration.ofMinutes(61));
    JsonObject completed = report(",\"step\":\"completed\"", BALI_01);
    JsonObject done = budisBooking();

    assertEquals(25, onTheWay.get("etaMinutes").getAsInt());
    assertEquals(t0.plus(Duration.ofMinutes(25)).toString(), onTheWay.get("expectedArrivalAt").getAsString());
    assertEquals("delayed", delayed.get("step").getAsString());
    assertEquals(t0.plus(Duration.ofMinutes(30)).toString(), delayed.get("expectedArrivalAt").getAsString());
    assertEquals(200, completed.get("responseStatusCode").getAsInt(), completed.toString());
    assertEquals("completed", done.get("status").getAsString());
    assertEquals("completed", done.getAsJsonObject("job").get("step").getAsString());
    assertEquals(61, done.getAsJsonObject("job").get("actualDuration").getAsInt());
  }

  @Test
  void aGuestMayNotRunItAnotherTherapistIsDeniedAndAStepOutOfOrderIsInvalidState() throws Exception {
    JsonObject guest = report(",\"step\":\"arrived\"", Map.of());
    JsonObject other = report(",\"step\":\"on_the_way\",\"etaMinutes\":5", BALI_02);
    JsonObject outOfOrder = report(",\"step\":\"arrived\"", BALI_01);

    assertEquals(401, guest.get("code").getAsInt());
    assertEquals(403, other.get("responseStatusCode").getAsInt());
    assertEquals(409, outOfOrder.get("responseStatusCode").getAsInt());
    assertEquals("INVALID_STATE", RunnerClient.envelope(outOfOrder).getAsJsonObject("error").get("code").getAsString());
  }
}
