package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import id.pijat.model.geo.GeoCell;
import id.pijat.testing.MutableClock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A demo therapist through the runner: signed in with the JWT local:therapist-bali-01, she goes
 * offline and is not offered, then online in central Denpasar and is the one offered there.
 */
class TherapistPresenceOverHttpTest {
  private static final Map<String, String> BALI_01 = Map.of("X-Appwrite-JWT", "local:therapist-bali-01");
  private static final Map<String, String> BUDI = Map.of("X-Appwrite-JWT", "local:budi");
  private static final String ONLINE_IN_DENPASAR =
      "{\"status\":\"available\",\"coordinates\":{\"lat\":" + DemoData.DENPASAR.lat() + ",\"lng\":" + DemoData.DENPASAR.lng() + "}}";
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;
  private RunnerClient client;

  @BeforeEach
  void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of(), clock);
    client = new RunnerClient(runner);
  }

  @AfterEach
  void stop() {
    runner.close();
  }

  private JsonObject data(JsonObject execution) {
    return RunnerClient.envelope(execution).getAsJsonObject("data");
  }

  /** A booking in central Denpasar and its first search: the therapist offered. */
  private String offeredInDenpasar(Map<String, String> customer) throws Exception {
    String bookingId = data(client.execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, customer)).get("id").getAsString();
    JsonObject search = data(client.execute("searchTherapists", "{\"bookingId\":\"" + bookingId + "\"}", customer));
    return search.getAsJsonObject("therapist").get("id").getAsString();
  }

  @Test
  void sheGoesOfflineAndIsNotOfferedThenOnlineInDenpasarAndIsOfferedThere() throws Exception {
    JsonObject offline = data(client.execute("setTherapistPresence", "{\"status\":\"offline\"}", BALI_01));
    String whileOffline = offeredInDenpasar(Map.of("X-Appwrite-JWT", "local:sari"));

    JsonObject online = data(client.execute("setTherapistPresence", ONLINE_IN_DENPASAR, BALI_01));
    String whileOnline = offeredInDenpasar(BUDI);

    assertEquals("offline", offline.get("status").getAsString());
    assertNotEquals("bali-01", whileOffline);
    assertEquals("bali-01", online.get("id").getAsString());
    assertEquals("available", online.get("status").getAsString());
    assertEquals(GeoCell.of(DemoData.DENPASAR), online.get("geoCell").getAsString());
    assertEquals("bali-01", whileOnline, "she stands where the customer is: the nearest");
  }

  @Test
  void aGuestMayNotRunItAndACustomerWhoIsNoTherapistIsDenied() throws Exception {
    JsonObject guest = client.execute("setTherapistPresence", ONLINE_IN_DENPASAR, Map.of());
    JsonObject customer = client.execute("setTherapistPresence", ONLINE_IN_DENPASAR, BUDI);

    assertEquals(401, guest.get("code").getAsInt());
    assertEquals(403, customer.get("responseStatusCode").getAsInt());
    assertEquals("PERMISSION_DENIED", RunnerClient.envelope(customer).getAsJsonObject("error").get("code").getAsString());
  }
}
