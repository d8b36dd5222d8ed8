package id.pijat.usecase.cleanup;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.booking.Bookings;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cleanupSessions when the customer acts in the middle of one of its changes. */
class CleanupRacesTest {
  private static final Coordinates UBUD = new Coordinates(-8.5069, 115.2625);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));

  @Test
  void anExpiredOfferLetsGoOfItsTherapistOnlyNotOfTheOfferTheCustomersNextRoundJustMade() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", offset(UBUD, 1, 0), 4.8);
    therapists.add("made", offset(UBUD, 2, 0), 4.6);
    Booking offer = backend.searchTherapists()
        .search(BUDI, backend.createBooking().create(BUDI, BookingRequests.at(UBUD), null).booking().id(), SearchConfig.DEFAULT, null, false)
        .booking();
    clock.set(offer.offerExpiresAt());
    // the customer searches again between cleanup's change of the booking and its letting go of ayu
    store.afterNextUpdate(Bookings.COLLECTION, () -> backend.searchTherapists().search(BUDI, offer.id(), SearchConfig.DEFAULT, null, false));

    backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), MutableClock.at("2026-01-01T00:00:00Z")));

    Booking active = backend.acceptTherapist().accept(BUDI, offer.id(), "made");
    assertEquals(BookingStatus.ACTIVE, active.status());
  }
}
