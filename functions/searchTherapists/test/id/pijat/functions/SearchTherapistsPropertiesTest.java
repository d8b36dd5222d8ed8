package id.pijat.functions;

import id.pijat.booking.Caller;
import id.pijat.booking.Coordinates;
import id.pijat.booking.CreateBooking;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
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

/** searchTherapists against hostile bodies, methods and paths: never a 5xx or a stack trace; a refusal writes nothing. */
class SearchTherapistsPropertiesTest {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);
  /** A guest's request on their booking; @BID@ and @TOKEN@ become the booking of each try. */
  private static final String VALID = "{\"bookingId\":\"@BID@\",\"bookingToken\":\"@TOKEN@\",\"searchConfig\":{\"maxRadius\":10,\"maxSearchTime\":60,\"retryAttempts\":3,\"serviceDuration\":\"60\",\"userLocation\":{\"lat\":-8.7,\"lng\":115.17}},\"declineCurrent\":false}";

  @Property(tries = 200)
  void anyRequestIsAnsweredWithTheEnvelopeAndARefusalWritesNothing(
      @ForAll("bodies") String body, @ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    InMemoryDocumentStore data = new InMemoryDocumentStore();
    WriteCountingStore store = new WriteCountingStore(data);
    Backend backend = new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()));
    Backends.install(request -> backend);
    new TherapistFixtures(data).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    CreateBooking.Created created = backend.createBooking().create(Caller.guest(null), BookingRequests.at(KUTA), null);
    String request = body.replace("@BID@", created.booking().id()).replace("@TOKEN@", created.token().value());

    SafeAnswers.assertSafe(new Main()::main, method, path, request, Map.of("x-appwrite-client-ip", "203.0.113.7"), store);
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
