package id.pijat.testing;

import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.usecase.CreateBooking;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A function that acts on a guest's booking, against hostile bodies, methods and paths: never a 5xx
 * or a stack trace, and a refusal writes nothing. Each try gets a fresh booking near Kuta with the
 * therapist "ayu" beside it; the body's {@code @BID@} and {@code @TOKEN@} become its ID and token.
 */
public abstract class GuestBookingProperties {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);

  /** The function's Main.main, on these backends. */
  protected abstract SafeAnswers.Function function(Backends backends);

  /** A valid request of the function, around which the hostile ones are made. */
  protected abstract String validBody();

  /** Whether "ayu" is offered to the booking before the call, or it is still searching. */
  protected boolean offered() {
    return true;
  }

  /** Whether the guest accepted "ayu" (whose user is "therapist-ayu") before the call: the booking's chat is open. */
  protected boolean accepted() {
    return false;
  }

  @Property(tries = 200)
  void anyRequestIsAnsweredWithTheEnvelopeAndARefusalWritesNothing(
      @ForAll("bodies") String body, @ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    InMemoryDocumentStore data = new InMemoryDocumentStore();
    WriteCountingStore store = new WriteCountingStore(data);
    Backend backend = new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()));
    new TherapistFixtures(data).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    CreateBooking.Created created = backend.createBooking().create(Caller.guest(null), BookingRequests.at(KUTA), null);
    if (offered()) {
      backend.searchTherapists().search(Caller.guest(created.token()), created.booking().id(), SearchConfig.DEFAULT, null, false);
    }
    if (accepted()) {
      TherapistFixtures.belongsTo(data, "ayu", "therapist-ayu");
      backend.acceptTherapist().accept(Caller.guest(created.token()), created.booking().id(), "ayu");
    }
    String request = body.replace("@BID@", created.booking().id()).replace("@TOKEN@", created.token().value());

    SafeAnswers.assertSafe(function(Backends.of(backend)), method, path, request, Map.of("x-appwrite-client-ip", "203.0.113.7"), store);
  }

  @Provide
  Arbitrary<String> bodies() {
    return HostileBodies.around(validBody());
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
