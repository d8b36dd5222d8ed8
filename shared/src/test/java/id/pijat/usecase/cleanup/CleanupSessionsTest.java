package id.pijat.usecase.cleanup;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.chat.Chats;
import id.pijat.fairuse.Limit;
import id.pijat.fairuse.Rate;
import id.pijat.fairuse.RateCounters;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.ChatFixtures;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each duty of cleanupSessions just before and just after its boundary, with a clock the test moves. */
class CleanupSessionsTest {
  private static final Coordinates UBUD = new Coordinates(-8.5069, 115.2625);
  private static final Duration MILLI = Duration.ofMillis(1);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final MutableClock stopwatch = MutableClock.at("2026-01-01T00:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));

  @BeforeEach
  void twoTherapists() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", offset(UBUD, 1, 0), 4.8);
    therapists.add("made", offset(UBUD, 2, 0), 4.6);
  }

  private Map<String, Integer> cleanup() {
    return backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), stopwatch)).done();
  }

  private Booking book() {
    return backend.createBooking().create(BUDI,
        BookingRequests.at(UBUD), null).booking();
  }

  private Booking offered() {
    return backend.searchTherapists().search(BUDI, book().id(), SearchConfig.DEFAULT, null, false).booking();
  }

  private Booking active() {
    Booking offer = offered();
    return backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId());
  }

  private Booking stored(Booking booking) {
    return backend.bookings().find(booking.id()).orElseThrow();
  }

  private String offeredTherapistOfANewBooking() {
    return offered().therapistId();
  }

  @Test
  void anOfferExpiresAtTheEndOfItsWindowAndItsTherapistIsFree() {
    Booking offer = offered();

    clock.set(offer.offerExpiresAt().minus(MILLI));
    assertEquals(0, cleanup().get("offersExpired"));
    clock.set(offer.offerExpiresAt());
    assertEquals(1, cleanup().get("offersExpired"));

    Booking searching = stored(offer);
    assertEquals(BookingStatus.SEARCHING, searching.status());
    assertEquals(List.of("ayu"), searching.search().passedOver());
    assertEquals("ayu", offeredTherapistOfANewBooking(), "ayu is free again");
  }

  @Test
  void anAcceptanceThatDiedBeforeItsCommitLeavesNothingHeldOnceTheOfferExpires() {
    Booking offer = offered();
    Instant startsAt = clock.instant().plus(offer.travelTime());
    Instant spanEnd = BookingPolicy.DEFAULT.spanEnd(startsAt, offer.request().duration());
    backend.locks().engage(
        backend.locks().heads(TherapistLocks.offerKeys(offer.therapistId(), clock.instant(), spanEnd)),
        offer, clock.instant(), spanEnd, spanEnd.plus(Duration.ofMinutes(30)), clock.instant());

    clock.set(offer.offerExpiresAt());
    assertEquals(1, cleanup().get("offersExpired"));

    assertEquals("ayu", offeredTherapistOfANewBooking(), "neither ayu nor her time is held any more");
  }

  @Test
  void aSearchWithNoCallForTheAbandonmentTimeIsCancelled() {
    Booking booking = book();
    Instant abandonedAt = booking.updatedAt().plus(Duration.ofMinutes(30));

    clock.set(abandonedAt.minus(MILLI));
    assertEquals(0, cleanup().get("searchesAbandoned"));
    clock.set(abandonedAt);
    assertEquals(1, cleanup().get("searchesAbandoned"));

    Booking cancelled = stored(booking);
    assertEquals(BookingStatus.CANCELLED, cancelled.status());
    assertEquals(new Cancellation(Cancellation.ABANDONED, Cancellation.BY_SYSTEM, abandonedAt), cancelled.cancellation());
  }

  @Test
  void anActiveBookingCompletesAfterItsEndAndTheGraceAndFreesTheTherapist() {
    Booking active = active();
    Instant completesAt = active.endsAt().plus(Duration.ofMinutes(30));

    clock.set(completesAt.minus(MILLI));
    assertEquals(0, cleanup().get("bookingsCompleted"));
    clock.set(completesAt);
    assertEquals(1, cleanup().get("bookingsCompleted"));

    assertEquals(BookingStatus.COMPLETED, stored(active).status());
    assertEquals("ayu", offeredTherapistOfANewBooking());
  }

  @Test
  void aRoomClosesSixHoursAfterTheAppointmentsEndNotItsStart() {
    Booking active = active();
    Instant closesAt = active.endsAt().plus(Duration.ofHours(6));

    clock.set(active.startsAt().plus(Duration.ofHours(6)));
    assertEquals(0, cleanup().get("roomsClosed"), "six hours after the start is too early");
    clock.set(closesAt.minus(MILLI));
    assertEquals(0, cleanup().get("roomsClosed"));
    clock.set(closesAt);
    assertEquals(1, cleanup().get("roomsClosed"));

    assertEquals("closed", store.find(Chats.ROOMS, active.chat().chatRoomId()).orElseThrow().string("status"));
    List<String> messages = store.list(Chats.MESSAGES, List.of(Query.equal("roomId", active.chat().chatRoomId()), Query.orderAsc("createdAt")))
        .stream().map(m -> m.string("content")).toList();
    assertEquals(List.of(Chats.CONFIRMED, Chats.CLOSED_FINISHED), messages);
  }

  @Test
  void aSessionEndsTwentyFourHoursAfterItOpened() {
    Booking active = active();
    Instant expiresAt = clock.instant().plus(Duration.ofHours(24));

    clock.set(expiresAt.minus(MILLI));
    assertEquals(0, cleanup().get("sessionsDeactivated"));
    clock.set(expiresAt);
    assertEquals(1, cleanup().get("sessionsDeactivated"));

    assertFalse(store.find(Chats.SESSIONS, active.chat().chatSessionId()).orElseThrow().bool("isActive"));
  }

  @Test
  void aSessionReactivatedByTheNextBookingStaysActive() {
    Booking first = active();
    clock.advance(Duration.ofHours(25));
    String sessionId = first.chat().chatSessionId();
    store.update(Chats.SESSIONS, sessionId, Map.of("expiresAt", "2026-11-25T04:00:00.000+00:00"));

    assertFalse(backend.chats().endExpiredSession(sessionId, clock.instant()));
    assertTrue(store.find(Chats.SESSIONS, sessionId).orElseThrow().bool("isActive"));
  }

  @Test
  void aSessionTheNextBookingReactivatedWhileCleanupEndedItKeepsThatBookingsNumber() {
    Booking first = active();
    backend.cancelBooking().cancel(BUDI, first.id(), null);
    clock.advance(Duration.ofHours(25));
    // cleanup listed the expired session; before its update lands, Budi books Ayu again
    Booking next = active();
    assertEquals(first.chat().chatSessionId(), next.chat().chatSessionId());

    assertFalse(backend.chats().endExpiredSession(next.chat().chatSessionId(), clock.instant()));

    Document session = store.find(Chats.SESSIONS, next.chat().chatSessionId()).orElseThrow();
    assertTrue(session.bool("isActive"));
    assertEquals(next.id(), session.string("bookingId"));
    assertEquals("+6281234567890", session.string("customerWhatsApp"), "the active booking's number, which the therapist reads there");
  }

  @Test
  void aCancelThatDiedBeforeLettingGoIsFinished() {
    Booking active = active();
    backend.bookings().save(active, active.cancel("plans changed", "user:budi", clock.instant()));
    clock.advance(Bookings.SETTLE_AFTER);

    Map<String, Integer> done = cleanup();

    assertTrue(done.get("holdsReleased") > 0, done.toString());
    assertEquals("closed", store.find(Chats.ROOMS, active.chat().chatRoomId()).orElseThrow().string("status"));
    assertEquals("ayu", offeredTherapistOfANewBooking());
  }

  @Test
  void rateCountersArePurgedOnceTheirWindowCanNoLongerCount() {
    Rate perMinute = Rate.of(5, Duration.ofMinutes(1));
    new RateCounters(store).take(List.of(new RateCounters.Charge(Limit.ROUNDS_PER_ADDRESS, perMinute, "address:203.0.113.7")), clock.instant());
    Instant windowEnd = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));

    clock.set(windowEnd.plus(perMinute.per()).minus(MILLI));
    assertEquals(0, cleanup().get("rateCountersPurged"));
    clock.set(windowEnd.plus(perMinute.per()));
    assertEquals(1, cleanup().get("rateCountersPurged"));
    assertTrue(store.list(RateCounters.COLLECTION, List.of(Query.limit(10))).isEmpty());
  }

  @Test
  void idempotencyRecordsArePurgedAfterTheirLifetime() {
    backend.createBooking().create(BUDI,
        BookingRequests.at(UBUD), "tap-1");
    Instant expiresAt = clock.instant().plus(IdempotencyRecords.LIFETIME);

    clock.set(expiresAt.minus(MILLI));
    assertEquals(0, cleanup().get("idempotencyRecordsPurged"));
    clock.set(expiresAt);
    assertEquals(1, cleanup().get("idempotencyRecordsPurged"));
    assertTrue(store.list(IdempotencyRecords.COLLECTION, List.of(Query.limit(10))).isEmpty());
  }

  @Test
  void aSecondRunFindsNothingLeft() {
    Booking active = active();
    book();
    clock.set(active.endsAt().plus(Duration.ofDays(2)));

    Map<String, Integer> first = cleanup();
    Map<String, Integer> second = cleanup();

    assertEquals(1, first.get("bookingsCompleted"));
    assertEquals(1, first.get("searchesAbandoned"));
    assertEquals(1, first.get("roomsClosed"));
    assertEquals(1, first.get("sessionsDeactivated"));
    assertTrue(second.values().stream().allMatch(count -> count == 0), second.toString());
  }

  @Test
  void manyPagesAreCleanedInOneRunAndASpentBudgetLeavesTheRestForTheNext() {
    for (int n = 0; n < 250; n++) {
      ChatFixtures.activeSession(store, "s" + n, Instant.parse("2026-11-21T00:00:00Z"));
    }

    CleanupSessions.Report spent = backend.cleanupSessions().run(Budget.of(Duration.ZERO, stopwatch));
    CleanupSessions.Report full = backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), stopwatch));

    assertTrue(spent.more());
    assertEquals(0, spent.done().get("sessionsDeactivated"));
    assertEquals(250, full.done().get("sessionsDeactivated"));
    assertFalse(full.more());
  }
}
