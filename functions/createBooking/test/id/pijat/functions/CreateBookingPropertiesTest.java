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

/** createBooking against hostile bodies, methods and paths: never a 5xx or a stack trace; a refusal writes nothing. */
class CreateBookingPropertiesTest {
  private static final String VALID =
      "{\"serviceDuration\":\"60\",\"location\":{\"address\":\"Jl. Sunset Road 88\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"0812 3456 7890\"},\"scheduledAt\":\"2026-11-22T10:00:00+08:00\","
          + "\"idempotencyKey\":\"3f1c9a0e-5b7d-4e2a-9c61-0d8e7f6a5b4c\"}";

  @Property(tries = 300)
  void anyRequestIsAnsweredWithTheEnvelopeAndARefusalWritesNothing(
      @ForAll("bodies") String body, @ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    WriteCountingStore store = new WriteCountingStore(new InMemoryDocumentStore());
    Main main = new Main(Backends.of(new Backend(store, MutableClock.at("2026-11-21T10:00:00Z"), Settings.from(Map.of()))));

    SafeAnswers.assertSafe(main::main, method, path, body, Map.of("x-appwrite-client-ip", "203.0.113.7"), store);
  }

  @Provide
  Arbitrary<String> bodies() {
    return HostileBodies.around(VALID);
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
