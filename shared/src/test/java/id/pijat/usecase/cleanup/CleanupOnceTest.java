package id.pijat.usecase.cleanup;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.CountingStore;
import id.pijat.store.Document;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Cleanup does each piece of work once, and what it keeps of a finished booking is bounded. */
class CleanupOnceTest {
  private static final Coordinates UBUD = new Coordinates(-8.5069, 115.2625);
  private static final Caller BUDI = Caller.user("budi");
  private static final int DUTIES = 10;

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final MutableClock stopwatch = MutableClock.at("2026-01-01T00:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final CountingStore store = new CountingStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()), store.fanout());

  @BeforeEach
  void threeTherapists() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", offset(UBUD, 1, 0), 4.8);
    therapists.add("made", offset(UBUD, 2, 0), 4.6);
    therapists.add("komang", offset(UBUD, 3, 0), 4.9);
  }

  private Map<String, Integer> cleanup() {
    return backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), stopwatch)).done();
  }

  /** Searched, passed over once, accepted, cancelled: a booking that left entries in many logs. */
  private Booking cancelledAfterAFullJourney() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(UBUD), null).booking();
    backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false);
    Booking offer = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, true).booking();
    backend.acceptTherapist().accept(BUDI, booking.id(), offer.therapistId());
    return backend.cancelBooking().cancel(BUDI, booking.id(), null);
  }

  private List<Document> all(String collection) {
    return data.list(collection, List.of(Query.limit(100)));
  }

  @Test
  void aSettledCancellationIsNotSettledAgain() {
    cancelledAfterAFullJourney();
    clock.advance(Bookings.SETTLE_AFTER);
    cleanup();
    clock.advance(Duration.ofMinutes(5));

    store.reset();
    Map<String, Integer> second = cleanup();

    assertTrue(second.values().stream().allMatch(count -> count == 0), second.toString());
    assertEquals(DUTIES, store.requests(), "only each duty's list: " + store.log());
    assertEquals(1, store.rounds(), "the duties' lists at once");
    assertTrue(store.log().stream().allMatch(request -> request.startsWith("list ")), store.log().toString());
  }

  @Test
  void aFinishedBookingKeepsItsNewestVersionAndEachLockOnlyItsHeadAnHourOn() {
    Booking cancelled = cancelledAfterAFullJourney();
    int versionsBefore = all(Bookings.CHANGES).size();
    int entriesBefore = all(TherapistLocks.COLLECTION).size();
    clock.advance(Bookings.COMPACT_AFTER);

    Map<String, Integer> done = cleanup();
    Map<String, Integer> again = cleanup();

    assertEquals(4, versionsBefore, "versions 2 to 5: offer, next offer, active, cancelled");
    assertEquals(List.of(cancelled.id() + "." + cancelled.version()), all(Bookings.CHANGES).stream().map(Document::id).toList());
    Map<String, Long> entriesPerLock =
        all(TherapistLocks.COLLECTION).stream().collect(Collectors.groupingBy(entry -> entry.string("lockKey"), Collectors.counting()));
    assertTrue(entriesPerLock.values().stream().allMatch(count -> count == 1), entriesPerLock.toString());
    assertEquals(entriesBefore - entriesPerLock.size() + versionsBefore - 1, done.get("logsCompacted"));
    assertEquals(0, again.get("logsCompacted"), "compacted once");
    assertEquals(cancelled, backend.bookings().find(cancelled.id()).orElseThrow());
    assertEquals(1, all(Chats.ROOMS).size());
  }
}
