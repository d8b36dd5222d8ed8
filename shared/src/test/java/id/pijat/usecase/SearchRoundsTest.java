package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One search across its rounds. */
class SearchRoundsTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));

  @Test
  void aSearchKeepsItsIdFromRoundToRound() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();

    String first = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).progress().searchId();
    String second = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, true).progress().searchId();

    assertNotNull(first);
    assertEquals(first, second);
  }

  @Test
  void aTherapistWhoBooksIsNeverOfferedToHerself() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", SEMINYAK, 4.9);
    TherapistFixtures.belongsTo(store, "ayu", "ayu-user");
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    Caller ayu = Caller.user("ayu-user");
    Booking booking = backend.createBooking().create(ayu, BookingRequests.at(SEMINYAK), null).booking();

    Booking offered = backend.searchTherapists().search(ayu, booking.id(), SearchConfig.DEFAULT, null, false).booking();

    assertEquals("made", offered.therapistId());
  }

  @Test
  void aScheduledBookingWhoseTimeCameBeforeAnAcceptanceIsOverAndLetsItsTherapistGo() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.9);
    Instant soon = clock.instant().plus(Duration.ofMinutes(10));
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK, soon), null).booking();
    Booking offered = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    assertEquals("ayu", offered.therapistId());

    clock.advance(Duration.ofMinutes(10));

    Rejection late = assertThrows(Rejection.class, () -> backend.acceptTherapist().accept(BUDI, booking.id(), "ayu"));
    assertEquals(ErrorCode.OFFER_EXPIRED, late.code());
    Rejection over = assertThrows(Rejection.class,
        () -> backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false));
    assertEquals(ErrorCode.BOOKING_CANCELLED, over.code());
    Booking stored = backend.bookings().find(booking.id()).orElseThrow();
    assertEquals(BookingStatus.CANCELLED, stored.status());
    assertEquals(Cancellation.TIME_PASSED, stored.cancellation().reason());
    Caller siti = Caller.user("siti");
    Booking next = backend.createBooking().create(siti, BookingRequests.at(SEMINYAK), null).booking();
    assertEquals("ayu", backend.searchTherapists().search(siti, next.id(), SearchConfig.DEFAULT, null, false).booking().therapistId());
  }
}
