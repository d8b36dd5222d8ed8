package id.pijat.hold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HoldsTest {
  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  private final Holds holds = new Holds(store, clock);

  private Instant in(int seconds) {
    return clock.instant().plusSeconds(seconds);
  }

  @Test
  void anOfferedLockIsNotOfferedToAnotherBookingUntilItExpires() {
    assertTrue(holds.offer("t1", "b1", in(60)));
    assertTrue(holds.offer("t1", "b1", in(60)), "offering again to the same booking is a no-op");
    assertFalse(holds.offer("t1", "b2", in(60)));

    clock.advance(Duration.ofSeconds(60));
    assertTrue(holds.offer("t1", "b2", in(60)), "an expired offer is free");
    assertEquals(2, holds.head("t1").orElseThrow().sequence());
  }

  @Test
  void aStaleHolderCannotEngageAfterTakeover() {
    holds.offer("t1", "b1", in(60));
    clock.advance(Duration.ofSeconds(61));
    holds.offer("t1", "b2", in(60));

    assertFalse(holds.engageOffered("t1", "b1", in(3600)));
    assertEquals("b2", holds.head("t1").orElseThrow().bookingId());
  }

  @Test
  void engagingNeedsTheBookingsOwnLiveOffer() {
    assertFalse(holds.engageOffered("t1", "b1", in(3600)), "never offered");
    holds.offer("t1", "b1", in(60));
    assertTrue(holds.engageOffered("t1", "b1", in(3600)));
    assertTrue(holds.engageOffered("t1", "b1", in(3600)), "engaging twice is a no-op");
    assertFalse(holds.offer("t1", "b2", in(60)), "an engaged therapist is not offered");
    assertEquals(2, holds.head("t1").orElseThrow().sequence());
  }

  @Test
  void anEngagementIsExtendedOnlyByItsOwnBookingAndOnlyLater() {
    holds.offer("t1", "b1", in(60));
    assertFalse(holds.extendEngagement("t1", "b1", in(7200), holds.head("t1")), "an offer is not an engagement");
    holds.engageOffered("t1", "b1", in(3600));

    assertFalse(holds.extendEngagement("t1", "b2", in(7200), holds.head("t1")), "another booking's engagement");
    assertTrue(holds.extendEngagement("t1", "b1", in(1800), holds.head("t1")), "lasting long enough already");
    assertEquals(2, holds.head("t1").orElseThrow().sequence(), "nothing written for it");
    assertTrue(holds.extendEngagement("t1", "b1", in(7200), holds.head("t1")));
    assertEquals(in(7200), holds.head("t1").orElseThrow().expiresAt());
    clock.advance(Duration.ofSeconds(3601));
    assertFalse(holds.offer("t1", "b2", in(60)), "still engaged past the first end");
    clock.advance(Duration.ofSeconds(3600));
    assertFalse(holds.extendEngagement("t1", "b1", in(7200), holds.head("t1")), "a lapsed engagement is not revived");
  }

  @Test
  void releaseLeavesALockThatMovedOnAlone() {
    holds.offer("t1", "b1", in(60));
    clock.advance(Duration.ofSeconds(61));
    holds.offer("t1", "b2", in(60));

    holds.release("t1", "b1");

    assertTrue(holds.head("t1").orElseThrow().isHeldBy("b2", clock.instant()));
    holds.release("t1", "b2");
    assertEquals(HoldEntry.Kind.RELEASED, holds.head("t1").orElseThrow().kind());
    assertTrue(holds.offer("t1", "b3", in(60)));
  }

  @Test
  void aLostRaceForTheNextEntryIsTakenNotAnError() {
    holds.offer("t1", "b1", in(60));
    clock.advance(Duration.ofSeconds(61));
    // another execution read the same head and created entry 2 for b2 first
    new Holds(store, clock).offer("t1", "b2", in(60));

    assertFalse(holds.offer("t1", "b3", in(60)));
  }

  @Test
  void aTherapistIsOfferedOnlyWhenNoOtherBookingHoldsASlotOfTheSpan() {
    TherapistLocks locks = new TherapistLocks(holds, clock);
    Instant ten = Instant.parse("2026-11-22T10:00:00Z");
    List<String> slots = TherapistLocks.slotKeys("t1", ten, ten.plus(Duration.ofMinutes(90)));
    assertEquals(6, slots.size());
    HoldSteps.engageFree(holds, slots.get(5), "b1", in(7200));
    Instant eleven = ten.plus(Duration.ofHours(1));
    Instant noon = ten.plus(Duration.ofHours(2));

    assertFalse(offerIfFree(locks, "t1", "b2", eleven, noon, in(60)), "11:15 to 11:30 is b1's");
    assertTrue(holds.head("t1").isEmpty(), "nothing offered");
    assertTrue(offerIfFree(locks, "t1", "b1", eleven, noon, in(60)), "its own slot does not stop b1");
    holds.release("t1", "b1");
    assertTrue(offerIfFree(locks, "t1", "b2", eleven.plus(Duration.ofMinutes(30)), noon, in(60)), "touching at 11:30 is not overlapping");
    holds.release("t1", "b2");
    holds.release(slots.get(5), "b1");
    assertTrue(offerIfFree(locks, "t1", "b3", eleven, noon, in(60)), "a released slot is free");
  }

  @Test
  void entryIdsFitAppwritesLimitWhateverTheKey() {
    String id = Holds.entryId("a-therapist-id-of-thirty-six-chars-x@2147483647", Integer.MAX_VALUE);
    assertTrue(id.length() <= 36, id);
    assertTrue(id.matches("[0-9a-f]{24}\\.2147483647"), id);
  }

  @Test
  void releasingATherapistFreesTheirLockAndSlotsForThisBookingOnly() {
    List<String> t1Slots = TherapistLocks.slotKeys("t1", Instant.parse("2026-11-22T10:00:00Z"), Instant.parse("2026-11-22T10:30:00Z"));
    holds.offer("t1", "b1", in(60));
    List<String> t1Locks = new java.util.ArrayList<>(t1Slots);
    t1Locks.add("t1");
    holds.engageOfferedWithEach("t1", in(3600), t1Slots, "b1", in(3600), holds.heads(t1Locks));
    holds.offer("t10", "b1", in(60));
    holds.offer("t2", "b2", in(60));

    new TherapistLocks(holds, clock).releaseTherapist("b1", "t1");

    assertEquals(HoldEntry.Kind.RELEASED, holds.head("t1").orElseThrow().kind());
    t1Slots.forEach(slot -> assertEquals(HoldEntry.Kind.RELEASED, holds.head(slot).orElseThrow().kind(), slot));
    assertTrue(holds.head("t10").orElseThrow().isHeldBy("b1", clock.instant()), "t10 is another therapist, though its ID starts alike");
    assertTrue(holds.head("t2").orElseThrow().isHeldBy("b2", clock.instant()));
  }

  /** Reads the heads of the offer's locks, then offers: what a search does for one candidate. */
  private static boolean offerIfFree(
      TherapistLocks locks, String therapistId, String bookingId, Instant spanStart, Instant spanEnd, Instant offerEnds) {
    return locks.offer(
        locks.heads(TherapistLocks.offerKeys(therapistId, spanStart, spanEnd)), therapistId, bookingId, spanStart, spanEnd, offerEnds);
  }
}
