package id.pijat.hold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.store.DocumentTimes;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Locks when other executions write in between, and when a lock's history outgrows one page. */
class HoldRacesTest {
  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private final InMemoryDocumentStore memory = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(memory);
  private final Holds holds = new Holds(store, clock);
  /** Another execution on the same database, which the interceptions do not see. */
  private final Holds racer = new Holds(memory, clock);

  private Instant in(int seconds) {
    return clock.instant().plusSeconds(seconds);
  }

  private HoldEntry head(String lockKey) {
    return holds.head(lockKey).orElseThrow();
  }

  /** Before every create of this execution, another writes the same entry first, as {@code kind} for {@code bookingId}. */
  private void othersKeepWriting(HoldEntry.Kind kind, String bookingId) {
    store.beforeEveryCreate(Holds.COLLECTION, (id, data) -> {
      Map<String, Object> theirs = new HashMap<>();
      theirs.put("lockKey", data.get("lockKey"));
      theirs.put("sequence", data.get("sequence"));
      theirs.put("kind", kind.code());
      theirs.put("bookingId", bookingId);
      theirs.put("expiresAt", DocumentTimes.format(in(3600)));
      theirs.put("createdAt", DocumentTimes.format(clock.instant()));
      memory.create(Holds.COLLECTION, id, theirs, Set.of());
    });
  }

  @Test
  void theHeadsOfLocksCrowdedOutOfAFullPageAreStillRead() {
    for (int n = 0; n < 60; n++) {
      holds.offer("t1", "b" + n, in(60));
      holds.release("t1", "b" + n);
    }
    HoldSteps.engageFree(holds, "t1@1", "b1", in(3600));

    int listsBefore = store.lists(Holds.COLLECTION);

    Heads heads = holds.heads(List.of("t1", "t1@1", "t1@2"));

    assertEquals(120, heads.of("t1").orElseThrow().sequence());
    assertEquals("b1", heads.of("t1@1").orElseThrow().bookingId(), "t1's 120 entries fill the page before t1@1's one");
    assertTrue(heads.of("t1@2").isEmpty());
    assertEquals(1 + 1, store.lists(Holds.COLLECTION) - listsBefore, "the page, then one read of the locks it crowded out");
  }

  @Test
  void locksCrowdedOutOfTheNextPageTooAreReadEachAlone() {
    // t1's 300 entries fill the first page; t2's and t3's 150 each the next; t1@1's one entry is in neither
    for (int n = 0; n < 150; n++) {
      holds.offer("t1", "b" + n, in(60));
      holds.release("t1", "b" + n);
    }
    for (String lock : List.of("t2", "t3")) {
      for (int n = 0; n < 75; n++) {
        holds.offer(lock, "c" + n, in(60));
        holds.release(lock, "c" + n);
      }
    }
    HoldSteps.engageFree(holds, "t1@1", "b1", in(3600));
    int listsBefore = store.lists(Holds.COLLECTION);

    Heads heads = holds.heads(List.of("t1", "t2", "t3", "t1@1", "t1@2"));

    assertEquals(300, heads.of("t1").orElseThrow().sequence());
    assertEquals(150, heads.of("t2").orElseThrow().sequence());
    assertEquals(150, heads.of("t3").orElseThrow().sequence());
    assertEquals("b1", heads.of("t1@1").orElseThrow().bookingId());
    assertTrue(heads.of("t1@2").isEmpty());
    assertEquals(2 + 2, store.lists(Holds.COLLECTION) - listsBefore, "two full pages, then one read for each lock left out");
  }

  @Test
  void aReleaseThatLosesTheRaceForTheNextEntryReadsTheLockAgain() {
    holds.offer("t1", "b1", in(60));
    // b1's acceptance engages the therapist between this release's read and its write
    store.beforeNextCreate(Holds.COLLECTION, (id, data) -> racer.engageOffered("t1", "b1", in(3600)));

    assertTrue(holds.release("t1", "b1"));

    assertEquals(HoldEntry.Kind.RELEASED, head("t1").kind());
    assertEquals(3, head("t1").sequence());
  }

  @Test
  void aSearchThatMovedOnDoesNotReleaseTheEngagementThatWonTheRace() {
    holds.offer("t1", "b1", in(60));
    store.beforeNextCreate(Holds.COLLECTION, (id, data) -> racer.engageOffered("t1", "b1", in(3600)));

    assertFalse(holds.release("t1", "b1", Set.of(HoldEntry.Kind.OFFER)));

    assertEquals(HoldEntry.Kind.ENGAGED, head("t1").kind());
  }

  @Test
  void aReleaseAnswersWhetherItGaveTheLockBack() {
    holds.offer("t1", "b1", in(60));

    assertFalse(holds.release("t1", "b2"), "b2 does not hold it");
    assertTrue(holds.release("t1", "b1"));
    assertFalse(holds.release("t1", "b1"), "already given back");
    assertFalse(holds.release("t2", "b1"), "never held");
  }

  @Test
  void releasingEachCountsOnlyTheLocksThisBookingHeld() {
    holds.offer("a", "b1", in(60));
    holds.offer("b", "b2", in(60));
    HoldSteps.engageFree(holds, "c", "b1", in(3600));

    assertEquals(2, holds.releaseEach(List.of("a", "b", "c", "d"), "b1"));

    assertEquals(HoldEntry.Kind.RELEASED, head("c").kind());
    assertTrue(head("b").isHeldBy("b2", clock.instant()));
  }

  @Test
  void engagingAtOnceTakesTheOfferedLockAndEveryFreeLockAndSaysWhichItGot() {
    holds.offer("t1", "b1", in(60));
    holds.offer("s2", "b2", in(60));
    List<String> slots = List.of("s1", "s2", "s3");

    assertEquals(
        List.of("t1", "s1", "s3"),
        holds.engageOfferedWithEach("t1", in(3600), slots, "b1", in(3600), holds.heads(List.of("t1", "s1", "s2", "s3"))));
    assertTrue(head("s2").isHeldBy("b2", clock.instant()), "the lock another booking holds stays theirs");
  }

  @Test
  void anOfferOnALockOthersKeepMovingIsGivenUpNotFoughtOverForever() {
    othersKeepWriting(HoldEntry.Kind.RELEASED, "b9");

    assertFalse(holds.offer("t1", "b1", in(60)));
  }

  @Test
  void aReleaseOnALockOthersKeepMovingIsGivenUpNotFoughtOverForever() {
    holds.offer("t1", "b1", in(60));
    othersKeepWriting(HoldEntry.Kind.ENGAGED, "b1");

    assertFalse(holds.release("t1", "b1"));
  }
}
