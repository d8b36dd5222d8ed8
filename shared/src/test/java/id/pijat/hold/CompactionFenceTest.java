package id.pijat.hold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.booking.Bookings;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.Owner;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compacting the logs keeps them a fence: an execution that read an old head still cannot win. */
class CompactionFenceTest {
  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Holds holds = new Holds(store, clock);
  private final Bookings bookings = new Bookings(store, clock);

  private Instant in(Duration duration) {
    return clock.instant().plus(duration);
  }

  private Instant compactionBound() {
    return clock.instant().minus(Bookings.COMPACT_AFTER);
  }

  private long entriesOf(String lockKey) {
    return store.list(Holds.COLLECTION, List.of(Query.equal("lockKey", lockKey), Query.limit(100))).size();
  }

  /** Entry 1 a lapsed offer (the lock free, as a stalled execution reads it), entries 2 and 3 another booking's offer and engagement. */
  private Heads aStaleReadThenTwoNewerEntries() {
    holds.offer("t1", "b1", in(Duration.ofSeconds(10)));
    clock.advance(Duration.ofSeconds(11));
    Heads staleRead = holds.heads(List.of("t1"));
    holds.offer("t1", "b2", in(Duration.ofSeconds(60)));
    holds.engageOffered("t1", "b2", in(Duration.ofHours(3)));
    return staleRead;
  }

  @Test
  void anExecutionThatReadAHeadBeforeCompactionCannotTakeTheLockAfterIt() {
    Heads staleRead = aStaleReadThenTwoNewerEntries();
    clock.advance(Duration.ofSeconds(30));

    holds.compact(List.of("t1"), compactionBound());

    assertFalse(holds.offer("t1", "b3", in(Duration.ofSeconds(60)), staleRead), "the stale reader meets entry 2 and loses");
    assertEquals("b2", holds.head("t1").orElseThrow().bookingId());
    assertEquals(HoldEntry.Kind.ENGAGED, holds.head("t1").orElseThrow().kind());
  }

  @Test
  void compactionKeepsOnlyTheHeadOnceEntriesAreOldAndTheHeadStillFences() {
    aStaleReadThenTwoNewerEntries();
    clock.advance(Duration.ofHours(2));

    int deleted = holds.compact(List.of("t1"), compactionBound());

    assertFalse(holds.offer("t1", "b3", in(Duration.ofSeconds(60))), "still engaged by b2: the head decides");
    assertEquals(3, holds.head("t1").orElseThrow().sequence());
    assertEquals(2, deleted);
    assertEquals(1, entriesOf("t1"));
  }

  @Test
  void aSlotLongPastIsDroppedEntirely() {
    String slot = TherapistLocks.slotKeys("t1", clock.instant(), in(Duration.ofMinutes(15))).get(0);
    HoldSteps.engageFree(holds, slot, "b1", in(Duration.ofMinutes(45)));
    holds.release(slot, "b1");
    clock.advance(Duration.ofHours(3));

    new TherapistLocks(holds, clock).compact("b1", compactionBound());

    assertEquals(0, entriesOf(slot));
  }

  @Test
  void compactingABookingDropsItsEndedSlotsKeepsEveryOtherHeadAndSparesWhatIsNewerThanTheBound() {
    Instant ten = clock.instant();
    List<String> slots = TherapistLocks.slotKeys("t1", ten, ten.plus(Duration.ofMinutes(45)));
    holds.offer("t1", "b1", in(Duration.ofMinutes(1)));
    holds.engageOffered("t1", "b1", in(Duration.ofHours(2)));
    slots.forEach(slot -> HoldSteps.engageFree(holds, slot, "b1", in(Duration.ofHours(2))));
    holds.release("t1", "b1");
    holds.release(slots.get(1), "b1");
    holds.release(slots.get(2), "b1");
    clock.advance(Duration.ofMinutes(25));
    holds.release(slots.get(0), "b1");
    Instant bound = ten.plus(Duration.ofMinutes(20));

    int deleted = new TherapistLocks(holds, clock).compact("b1", bound);

    assertEquals(1, entriesOf("t1"), "the therapist's lock keeps its head");
    assertEquals(1, entriesOf(slots.get(0)), "10:00-10:15 ended before the bound: all of it goes but its newer release");
    assertEquals(1, entriesOf(slots.get(1)), "10:15-10:30 runs past the bound: its head stays");
    assertEquals(1, entriesOf(slots.get(2)));
    assertEquals(2 + 1 + 1 + 1, deleted);
  }

  @Test
  void aWriterThatReadAnOldVersionBeforeCompactionCannotClaimTheNextAfterIt() {
    Booking v1 = Booking.open("b1", Owner.user("u1"), new BookingRequest(
        new CustomerDetails("Budi", WhatsAppNumber.parse("081234567890")), ServiceDuration.MINUTES_60, 200_000,
        new Location("Jl. Sunset Road 88", new Coordinates(-8.68, 115.17)), null), clock.instant());
    bookings.insert(v1);
    Instant now = clock.instant();
    Booking v2 = bookings.save(v1, v1.keepSearching(v1.search().nextAttempt("s1", now).waitUntil(now), now));
    Booking v3 = bookings.save(v2, v2.cancel("changed my mind", "user:u1", now));
    clock.advance(Duration.ofSeconds(30));

    bookings.compact("b1", compactionBound());

    assertThrows(ConcurrentChangeException.class, () -> bookings.save(v1, v1.cancel("stale", "user:u1", clock.instant())));
    clock.advance(Duration.ofHours(2));
    assertEquals(1, bookings.compact("b1", compactionBound()));
    assertEquals(v3, bookings.find("b1").orElseThrow(), "the newest version stays");
    assertThrows(ConcurrentChangeException.class, () -> bookings.save(v2, v2.cancel("stale", "user:u1", clock.instant())),
        "the head still fences the version after it");
  }
}
