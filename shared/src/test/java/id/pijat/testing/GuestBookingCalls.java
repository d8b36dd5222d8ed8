package id.pijat.testing;

import id.pijat.booking.Caller;
import id.pijat.booking.Coordinates;
import id.pijat.booking.CreateBooking;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.store.InMemoryDocumentStore;
import java.util.Map;

/**
 * The property tests of the functions that act on a guest's booking: a fresh booking near Kuta with
 * the therapist "ayu" beside it, and a request whose {@code @BID@} and {@code @TOKEN@} become that
 * booking's ID and token, checked by {@link SafeAnswers}.
 */
public final class GuestBookingCalls {
  private static final Coordinates KUTA = new Coordinates(-8.718, 115.1686);

  private GuestBookingCalls() {}

  /** @param offered whether "ayu" is offered to the booking before the call, or it is still searching */
  public static void assertSafe(SafeAnswers.Function function, String method, String path, String body, boolean offered)
      throws Exception {
    InMemoryDocumentStore data = new InMemoryDocumentStore();
    WriteCountingStore store = new WriteCountingStore(data);
    Backend backend = new Backend(store, MutableClock.at("2026-11-23T03:00:00Z"), Settings.from(Map.of()));
    Backends.install(request -> backend);
    new TherapistFixtures(data).add("ayu", TherapistFixtures.offset(KUTA, 1, 1), 4.8);
    CreateBooking.Created created = backend.createBooking().create(Caller.guest(null), BookingRequests.at(KUTA), null);
    if (offered) {
      backend.searchTherapists().search(Caller.guest(created.token()), created.booking().id(), SearchConfig.DEFAULT, null, false);
    }
    String request = body.replace("@BID@", created.booking().id()).replace("@TOKEN@", created.token().value());

    SafeAnswers.assertSafe(function, method, path, request, Map.of("x-appwrite-client-ip", "203.0.113.7"), store);
  }
}
