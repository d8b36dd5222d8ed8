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
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.Therapists;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One search across its rounds. */
class SearchRoundsTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));

  /** Budi's booking in Seminyak, Ayu a kilometre away and Made two. */
  private Booking bookedWithAyuAndMadeNearby() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    return backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
  }

  @Test
  void aSearchKeepsItsIdFromRoundToRound() {
    Booking booking = bookedWithAyuAndMadeNearby();

    String first = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).progress().searchId();
    String second = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, true).progress().searchId();

    assertNotNull(first);
    assertEquals(first, second);
  }

  @Test
  void twoStartsAtOnceWithTheirOwnTagsMakeOneOfferAndPassNobodyOver() {
    // a double tap, or React running an effect twice: each start tags itself with its own millisecond
    Booking booking = bookedWithAyuAndMadeNearby();
    AtomicReference<SearchTherapists.Outcome> first = new AtomicReference<>();
    // the other start reads the same version and claims the next one while this one looks for therapists
    store.beforeNextList(Therapists.COLLECTION, () -> first.set(
        backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, "search_1_" + booking.id(), false)));

    SearchTherapists.Outcome second =
        backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, "search_2_" + booking.id(), false);

    String offered = first.get().booking().therapistId();
    assertEquals(offered, second.booking().therapistId(), "the offer the first start made, not the next one");
    assertEquals("search_2_" + booking.id(), second.searchId());
    Booking stored = backend.bookings().find(booking.id()).orElseThrow();
    assertEquals(offered, stored.therapistId());
    assertEquals(1, stored.search().attempts());
    assertEquals(List.of(), stored.search().passedOver());
    Caller siti = Caller.user("siti");
    Booking other = backend.createBooking().create(siti, BookingRequests.at(SEMINYAK), null).booking();
    assertNotNull(backend.searchTherapists().search(siti, other.id(), SearchConfig.DEFAULT, null, false).booking().therapistId(),
        "what the call that lost held is free again");
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

  @Test
  void aCustomerWhoSearchesAgainAtEachNextRetryAtUsesUpTheAttemptsWithoutBeingRateLimited() {
    // from one phone: five empty rounds, each started when the last one said, within the address's rounds per minute
    Caller phone = BUDI.from("203.0.113.7");
    Booking booking = backend.createBooking().create(phone, BookingRequests.at(SEMINYAK), null).booking();
    for (int round = 1; round < SearchConfig.DEFAULT.maxAttempts(); round++) {
      SearchTherapists.Outcome empty = backend.searchTherapists().search(phone, booking.id(), SearchConfig.DEFAULT, null, false);
      assertEquals(round, empty.progress().attempts());
      clock.set(empty.progress().nextRetryAt());
    }

    Rejection last = assertThrows(Rejection.class,
        () -> backend.searchTherapists().search(phone, booking.id(), SearchConfig.DEFAULT, null, false));
    assertEquals(ErrorCode.SEARCH_TIMEOUT, last.code(), last.getMessage());
  }
}
