package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.RuntimeCalls;
import id.pijat.testing.TherapistFixtures;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.src.Main;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** setTherapistPresence as a therapist's app calls it: POST {status, coordinates?} signed in as the therapist. */
class SetTherapistPresenceMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private static final Map<String, String> AYU = Map.of("x-appwrite-user-id", "therapist-ayu");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Main main =
      new Main(Backends.of(new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()))));

  @BeforeEach
  void ayuIsATherapistUser() {
    new TherapistFixtures(store).add("ayu", KUTA, 4.8);
    store.update("therapists", "ayu", Map.of("userId", "therapist-ayu", "status", "offline"));
  }

  @Test
  void sheGoesOnlineInDenpasarAndGetsHerOwnProfileWithTheCellTheServerComputed() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post(
        "{\"status\":\"available\",\"coordinates\":{\"lat\":-8.6705,\"lng\":115.2126}}", AYU));

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals("ayu", data.get("id").getAsString());
    assertEquals("available", data.get("status").getAsString());
    assertEquals(-8.6705, data.getAsJsonObject("coordinates").get("lat").getAsDouble());
    String cell = GeoCell.of(new Coordinates(-8.6705, 115.2126));
    assertEquals(cell, data.get("geoCell").getAsString());
    assertEquals(cell, store.find("therapists", "ayu").orElseThrow().string("geoCell"));
  }

  @Test
  void aStatusAloneLeavesHerWhereSheWas() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"status\":\"busy\"}", AYU));

    assertEquals(200, output.getStatusCode());
    assertEquals("busy", store.find("therapists", "ayu").orElseThrow().string("status"));
    assertEquals(KUTA.lat(), store.find("therapists", "ayu").orElseThrow().doubleValue("lat"));
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsWritten() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post(
        "{\"status\":\"asleep\",\"coordinates\":{\"lat\":-91,\"lng\":181},\"mood\":1}", AYU));

    assertEquals(400, output.getStatusCode());
    assertEquals(List.of("mood", "status", "coordinates.lat", "coordinates.lng"), fields(output));
    assertEquals("offline", store.find("therapists", "ayu").orElseThrow().string("status"));
  }

  @Test
  void aSignedInUserWhoIsNoTherapistIsDeniedSayingWhy() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"status\":\"available\"}", Map.of("x-appwrite-user-id", "budi")));

    assertEquals(403, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("PERMISSION_DENIED", error.get("code").getAsString());
    assertEquals("This account has no therapist profile.", error.get("message").getAsString());
  }

  @Test
  void aGuestIsDenied() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post("{\"status\":\"available\"}", Map.of()));

    assertEquals(403, output.getStatusCode());
    assertEquals("offline", store.find("therapists", "ayu").orElseThrow().string("status"));
  }

  private static List<String> fields(RuntimeOutput output) {
    JsonArray details = RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details");
    List<String> fields = new ArrayList<>();
    details.forEach(detail -> fields.add(detail.getAsJsonObject().get("field").getAsString()));
    return fields;
  }
}
