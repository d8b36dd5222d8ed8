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

/** setTherapistPresence against hostile bodies, methods and paths, signed in as a therapist: never a 5xx; a refusal writes nothing. */
class SetTherapistPresencePropertiesTest {
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
    return HostileBodies.around("{\"status\":\"available\",\"coordinates\":{\"lat\":-8.6705,\"lng\":115.2126}}");
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
