package id.pijat.functions;

import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
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

/**
 * reportJobProgress against hostile bodies, methods and paths, signed in as the engaged therapist of
 * an accepted booking: never a 5xx; a refusal writes nothing.
 */
class ReportJobProgressPropertiesTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");

  @Property(tries = 200)
  void anyRequestIsAnsweredWithTheEnvelopeAndARefusalWritesNothing(
      @ForAll("bodies") String body, @ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    InMemoryDocumentStore data = new InMemoryDocumentStore();
    MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
    new TherapistFixtures(data).add("ayu", TherapistFixtures.offset(SEMINYAK, 1, 0), 4.8);
    TherapistFixtures.belongsTo(data, "ayu", "therapist-ayu");
    Backend setUp = new Backend(data, clock, Settings.from(Map.of("FAIR_USE", "off")));
    Booking booking = setUp.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
    setUp.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false);
    setUp.acceptTherapist().accept(BUDI, booking.id(), "ayu");
    WriteCountingStore store = new WriteCountingStore(data);
    Main main = new Main(Backends.of(new Backend(store, clock, Settings.from(Map.of()))));

    SafeAnswers.assertSafe(
        main::main, method, path, body.replace("@BID@", booking.id()), Map.of("x-appwrite-user-id", "therapist-ayu"), store);
  }

  @Provide
  Arbitrary<String> bodies() {
    return HostileBodies.around("{\"bookingId\":\"@BID@\",\"step\":\"on_the_way\",\"etaMinutes\":25}");
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
