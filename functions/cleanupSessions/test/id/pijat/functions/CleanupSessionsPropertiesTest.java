package id.pijat.functions;

import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.HostileBodies;
import id.pijat.testing.MutableClock;
import id.pijat.testing.SafeAnswers;
import id.pijat.testing.WriteCountingStore;
import io.openruntimes.java.src.Main;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** cleanupSessions reads no body: whatever comes with it, methods and paths included, never a 5xx; a refusal writes nothing. */
class CleanupSessionsPropertiesTest {
  @Property(tries = 100)
  void anyRequestIsAnsweredWithTheEnvelopeAndARefusalWritesNothing(
      @ForAll("bodies") String body, @ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    WriteCountingStore store = new WriteCountingStore(new InMemoryDocumentStore());
    Main main = new Main(Backends.of(new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()))));

    SafeAnswers.assertSafe(main::main, method, path, body, Map.of("x-appwrite-trigger", "schedule"), store);
  }

  @Provide
  Arbitrary<String> bodies() {
    return HostileBodies.around("{\"run\":true}");
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
