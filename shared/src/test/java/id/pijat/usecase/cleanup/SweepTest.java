package id.pijat.usecase.cleanup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.store.Document;
import id.pijat.store.Due;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

/** Paging through a duty's due documents: full pages it cannot change, documents that move in the order, a budget that runs out. */
class SweepTest {
  private static final String ITEMS = "items";
  private static final List<Query> DUE = List.of(Query.equal("state", "due"));

  private final InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());
  /** Moves on a millisecond at every reading, so a sweep that would go round forever spends its budget instead. */
  private final Clock ticking = new Clock() {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      now = now.plusMillis(1);
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  };

  /** Due items, in the order of their "at": {@code count} of them from {@code first} on, named by prefix. */
  private void items(String prefix, int first, int count) {
    for (int n = first; n < first + count; n++) {
      store.create(ITEMS, prefix + n, Map.of("state", "due", "at", (long) n), Set.of());
    }
  }

  private long stillDue() {
    return store.list(ITEMS, List.of(Query.equal("state", "due"), Query.limit(Query.MAX_LIMIT))).size();
  }

  /** Handles every item but the stuck ones (another run or a customer got there first), moving it to {@code at}. */
  private ToIntFunction<Document> handleAllBut(String stuckPrefix, long movedTo) {
    return item -> {
      if (item.id().startsWith(stuckPrefix)) {
        return 0;
      }
      store.update(ITEMS, item.id(), Map.of("state", "done", "at", movedTo));
      return 1;
    };
  }

  private Budget aMinute() {
    return Budget.of(Duration.ofMinutes(1), ticking);
  }

  @Test
  void anUpdatingSweepStepsPastAFullPageItCannotChangeReadingEachPageOnce() {
    items("stuck", 0, Sweep.PAGE);
    items("item", Sweep.PAGE, 30);

    Sweep.Outcome outcome = Sweep.updating(store, new Due(ITEMS, DUE, "at"), aMinute(), handleAllBut("stuck", 0));

    assertEquals(new Sweep.Outcome(30, false), outcome);
    assertEquals(2, store.lists(ITEMS), "each page read once");
    assertEquals(Sweep.PAGE, stillDue());
  }

  @Test
  void aSweepDoesNotStepPastAPageItChangedSoNothingSlipsBehindItsCursor() {
    items("item", 0, Sweep.PAGE + 30);

    // handling moves an item to the end of the order, as clearing the attribute that made it due can
    Sweep.Outcome outcome = Sweep.updating(store, new Due(ITEMS, DUE, "at"), aMinute(), handleAllBut("none", 10_000));

    assertEquals(new Sweep.Outcome(Sweep.PAGE + 30, false), outcome);
    assertEquals(0, stillDue());
  }

  @Test
  void aDeletingSweepStopsAtAFullPageItCannotChangeAndSaysMoreAreLeft() {
    items("stuck", 0, Sweep.PAGE);
    items("item", Sweep.PAGE, 30);

    Sweep.Outcome outcome = Sweep.deleting(store, new Due(ITEMS, DUE, "at"), aMinute(), item -> {
      if (item.id().startsWith("stuck")) {
        return 0;
      }
      store.delete(ITEMS, item.id());
      return 1;
    });

    assertEquals(new Sweep.Outcome(0, true), outcome, "a deleted item cannot be a cursor, so the next run goes on");
  }

  @Test
  void aBudgetSpentPartWayThroughAPageStopsTheDutyThereAndTheNextRunGoesOn() {
    items("item", 0, 50);
    MutableClock stopwatch = MutableClock.at("2026-01-01T00:00:00Z");
    ToIntFunction<Document> aSecondEach = item -> {
      stopwatch.advance(Duration.ofSeconds(1));
      return handleAllBut("none", 0).applyAsInt(item);
    };

    Sweep.Outcome first = Sweep.updating(store, new Due(ITEMS, DUE, "at"), Budget.of(Duration.ofSeconds(20), stopwatch), aSecondEach);
    Sweep.Outcome next = Sweep.updating(store, new Due(ITEMS, DUE, "at"), Budget.of(Duration.ofSeconds(60), stopwatch), aSecondEach);

    assertEquals(new Sweep.Outcome(20, true), first);
    assertEquals(new Sweep.Outcome(30, false), next);
  }

  @Test
  void aBudgetSpentBeforeTheDutyBeginsReadsNothing() {
    items("item", 0, 5);

    Sweep.Outcome outcome = Sweep.updating(store, new Due(ITEMS, DUE, "at"), Budget.of(Duration.ZERO, ticking), handleAllBut("none", 0));

    assertEquals(new Sweep.Outcome(0, true), outcome);
    assertEquals(0, store.lists(ITEMS));
  }
}
