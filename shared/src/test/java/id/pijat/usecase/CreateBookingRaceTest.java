package id.pijat.usecase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.booking.Bookings;
import id.pijat.fairuse.RateCounters;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Two requests with one idempotency key at once: the one that writes the booking second answers the first's. */
class CreateBookingRaceTest {
  private static final Coordinates KUTA = new Coordinates(-8.7180, 115.1686);

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));

  @Test
  void aRetryThatFinishesFirstWhileTheOriginalIsWritingLeavesOneBookingBothAnswer() {
    Caller guest = Caller.guest(null);
    NewBooking request = BookingRequests.at(KUTA);
    AtomicReference<CreateBooking.Created> retry = new AtomicReference<>();
    // the retry claims the same key, finds no booking yet and writes it, just before the original does
    store.beforeNextCreate(Bookings.COLLECTION, (id, data) -> retry.set(backend.createBooking().create(guest, request, "tap-1")));

    CreateBooking.Created original = backend.createBooking().create(guest, request, "tap-1");

    assertEquals(retry.get().booking(), original.booking());
    assertEquals(retry.get().token(), original.token(), "the guest keeps one token whichever answer arrives");
    assertEquals(1, store.list(Bookings.COLLECTION, List.of(Query.limit(10))).size());
  }

  @Test
  void aRetryOfARequestStillUnderWayIsNotChargedAsANewBooking() {
    Caller budi = Caller.user("budi").from("10.0.0.7");
    NewBooking request = BookingRequests.at(KUTA);
    store.beforeNextCreate(Bookings.COLLECTION, (id, data) -> backend.createBooking().create(budi, request, "tap-1-5f0e2a9c41d7"));

    backend.createBooking().create(budi, request, "tap-1-5f0e2a9c41d7");

    // one booking charged once: a counter per rate of a create (the customer's, the address's)
    assertEquals(2, store.list(RateCounters.COLLECTION, List.of(Query.limit(10))).size());
  }
}
