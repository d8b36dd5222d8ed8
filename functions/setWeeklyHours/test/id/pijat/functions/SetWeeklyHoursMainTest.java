package id.pijat.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
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

/** setWeeklyHours as a therapist's app calls it: POST {timezone, days} with the whole week, signed in as the therapist. */
class SetWeeklyHoursMainTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  private static final Map<String, String> AYU = Map.of("x-appwrite-user-id", "therapist-ayu");
  private static final String BY_DAY =
      "{\"timezone\":\"Asia/Makassar\",\"days\":["
          + "{\"dayOfWeek\":\"monday\",\"isAvailable\":true,\"startTime\":\"08:00\",\"endTime\":\"16:00\"},"
          + "{\"dayOfWeek\":\"tuesday\",\"isAvailable\":true,\"startTime\":\"20:00\",\"endTime\":\"04:00\"},"
          + "{\"dayOfWeek\":\"wednesday\",\"isAvailable\":false},"
          + "{\"dayOfWeek\":\"thursday\",\"isAvailable\":true,\"startTime\":\"00:00\",\"endTime\":\"24:00\"},"
          + "{\"dayOfWeek\":\"friday\",\"isAvailable\":true,\"startTime\":\"08:00\",\"endTime\":\"16:00\"},"
          + "{\"dayOfWeek\":\"saturday\",\"isAvailable\":true,\"startTime\":\"08:00\",\"endTime\":\"16:00\"},"
          + "{\"dayOfWeek\":\"sunday\",\"isAvailable\":false}]}";

  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Main main =
      new Main(Backends.of(new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()))));
  private String weekBefore;

  @BeforeEach
  void ayuIsATherapistUser() {
    new TherapistFixtures(store).add("ayu", KUTA, 4.8);
    TherapistFixtures.belongsTo(store, "ayu", "therapist-ayu");
    weekBefore = weekOfAyu();
  }

  private String weekOfAyu() {
    return store.find("therapists", "ayu").orElseThrow().string("weekVersion");
  }

  @Test
  void sheSetsHerWeekAndGetsItBackAsStored() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post(BY_DAY, AYU));

    assertEquals(200, output.getStatusCode());
    JsonObject data = RuntimeCalls.json(output).getAsJsonObject("data");
    assertEquals("Asia/Makassar", data.get("timezone").getAsString());
    JsonArray days = data.getAsJsonArray("days");
    assertEquals(7, days.size());
    assertEquals("04:00", days.get(1).getAsJsonObject().get("endTime").getAsString());
    assertEquals("24:00", days.get(3).getAsJsonObject().get("endTime").getAsString());
    assertEquals(false, days.get(6).getAsJsonObject().get("isAvailable").getAsBoolean());
    String week = weekOfAyu();
    assertEquals(7, store.list("provider_availability", List.of(Query.equal("weekVersion", week), Query.limit(100))).size());
  }

  @Test
  void everyBadFieldIsNamedAndNothingIsWritten() throws Exception {
    String bad = BY_DAY.replace("Asia/Makassar", "Bali/Kuta").replace("\"20:00\"", "\"8pm\"").replace("\"sunday\"", "\"monday\"");

    RuntimeOutput output = main.main(RuntimeCalls.post(bad, AYU));

    assertEquals(400, output.getStatusCode());
    assertEquals(List.of("timezone", "days[1].startTime", "days[6].dayOfWeek", "days"), fields(output));
    assertEquals(weekBefore, weekOfAyu());
    assertEquals(7, store.list("provider_availability", List.of(Query.limit(100))).size());
  }

  @Test
  void aSignedInUserWhoIsNoTherapistIsDeniedSayingWhy() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post(BY_DAY, Map.of("x-appwrite-user-id", "budi")));

    assertEquals(403, output.getStatusCode());
    JsonObject error = RuntimeCalls.json(output).getAsJsonObject("error");
    assertEquals("PERMISSION_DENIED", error.get("code").getAsString());
    assertEquals("This account has no therapist profile.", error.get("message").getAsString());
    assertEquals(7, store.list("provider_availability", List.of(Query.limit(100))).size());
  }

  @Test
  void aGuestIsDenied() throws Exception {
    RuntimeOutput output = main.main(RuntimeCalls.post(BY_DAY, Map.of()));

    assertEquals(403, output.getStatusCode());
    assertEquals(weekBefore, weekOfAyu());
  }

  private static List<String> fields(RuntimeOutput output) {
    JsonArray details = RuntimeCalls.json(output).getAsJsonObject("error").getAsJsonArray("details");
    List<String> fields = new ArrayList<>();
    details.forEach(detail -> fields.add(detail.getAsJsonObject().get("field").getAsString()));
    return fields;
  }
}
