package id.pijat.functions;

import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.HostileBodies;
import id.pijat.testing.MutableClock;
import id.pijat.testing.SafeAnswers;
import id.pijat.testing.TherapistFixtures;
import id.pijat.testing.WriteCountingStore;
import io.openruntimes.java.src.Main;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** setWeeklyHours against hostile bodies, methods and paths, signed in as a therapist: never a 5xx; a refusal writes nothing. */
class SetWeeklyHoursPropertiesTest {
  private static final String WEEK =
      "{\"timezone\":\"Europe/Berlin\",\"days\":["
          + "{\"dayOfWeek\":\"monday\",\"isAvailable\":true,\"startTime\":\"08:00\",\"endTime\":\"16:00\"},"
          + "{\"dayOfWeek\":\"tuesday\",\"isAvailable\":true,\"startTime\":\"20:00\",\"endTime\":\"04:00\"},"
          + "{\"dayOfWeek\":\"wednesday\",\"isAvailable\":false},"
          + "{\"dayOfWeek\":\"thursday\",\"isAvailable\":true,\"startTime\":\"00:00\",\"endTime\":\"24:00\"},"
          + "{\"dayOfWeek\":\"friday\",\"isAvailable\":true,\"startTime\":\"08:00\",\"endTime\":\"16:00\"},"
          + "{\"dayOfWeek\":\"saturday\",\"isAvailable\":true,\"startTime\":\"08:00\",\"endTime\":\"16:00\"},"
          + "{\"dayOfWeek\":\"sunday\",\"isAvailable\":false}]}";

  @Property(tries = 200)
  void anyRequestIsAnsweredWithTheEnvelopeAndARefusalWritesNothing(
      @ForAll("bodies") String body, @ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    InMemoryDocumentStore data = new InMemoryDocumentStore();
    new TherapistFixtures(data).add("ayu", new Coordinates(-8.718, 115.1686), 4.8);
    TherapistFixtures.belongsTo(data, "ayu", "therapist-ayu");
    WriteCountingStore store = new WriteCountingStore(data);
    Main main = new Main(Backends.of(new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()))));

    SafeAnswers.assertSafe(main::main, method, path, body, Map.of("x-appwrite-user-id", "therapist-ayu"), store);
  }

  @Provide
  Arbitrary<String> bodies() {
    return HostileBodies.around(WEEK);
  }

  @Provide
  Arbitrary<String> methods() {
    return HostileBodies.methods();
  }

  @Provide
  Arbitrary<String> paths() {
    return HostileBodies.paths();
  }
}
