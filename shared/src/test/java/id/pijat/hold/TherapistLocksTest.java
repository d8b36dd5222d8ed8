package id.pijat.hold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.Owner;
import id.pijat.model.booking.TherapistMatch;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an acceptance holds of a therapist: their own lock for an immediate booking or as a brief fence, and the slots of the span. */
class TherapistLocksTest {
  private static final Coordinates SANUR = new Coordinates(-8.6881, 115.2619);
  private static final TherapistMatch AYU =
      new TherapistMatch("ayu", "Ayu", null, 4.8, 3.2, 10, List.of("balinese"), SANUR);

  private final MutableClock clock = MutableClock.at("2026-11-21T10:00:00Z");
  private final Holds holds = new Holds(new InMemoryDocumentStore(), clock);
  private final TherapistLocks locks = new TherapistLocks(holds, clock);
  private final Instant now = clock.instant();
  private final Instant tomorrow = now.plus(Duration.ofDays(1));

  /** A booking offered ayu, holding her offer for a minute: its span starts now, or at {@code scheduledAt}. */
  private Booking offeredAyu(String id, Instant scheduledAt) {
    NewBooking asked = BookingRequests.at(SANUR, scheduledAt);
    BookingRequest request = new BookingRequest(asked.customer(), asked.duration(), 200_000, asked.location(), scheduledAt);
    Booking booking = Booking.open(id, Owner.user("budi"), request, now);
    Instant from = request.takenFrom(now);
    assertTrue(offerIfFree("ayu", id, from, from.plus(Duration.ofHours(2)), now.plusSeconds(60)));
    return booking.offer(AYU, now.plusSeconds(60), booking.search(), now);
  }

  /** Reads the heads of the offer's locks, then offers: what a search does for one candidate. */
  private boolean offerIfFree(String therapistId, String bookingId, Instant spanStart, Instant spanEnd, Instant offerEnds) {
    return locks.offer(
        locks.heads(TherapistLocks.offerKeys(therapistId, spanStart, spanEnd)), therapistId, bookingId, spanStart, spanEnd, offerEnds);
  }

  private TherapistLocks.Engagement engage(Booking booking) {
    Instant from = booking.request().takenFrom(now);
    Instant to = from.plus(Duration.ofHours(2));
    return locks.engage(locks.heads(TherapistLocks.offerKeys("ayu", from, to)), booking, from, to, from.plus(Duration.ofHours(3)), now);
  }

  @Test
  void anImmediateBookingHoldsItsTherapistUntilItsHoldsLapseNotJustForTheFence() {
    assertEquals(TherapistLocks.Engagement.ENGAGED, engage(offeredAyu("b1", null)));
    clock.advance(TherapistLocks.ACCEPT_FENCE.plus(Duration.ofMinutes(1)));

    assertFalse(offerIfFree("ayu", "b2", tomorrow, tomorrow.plus(Duration.ofHours(2)), clock.instant().plusSeconds(60)),
        "ayu is on her way to b1, not to be offered even for tomorrow");
  }

  @Test
  void aScheduledAcceptanceHoldsTheTherapistOnlyForTheFenceEvenIfItDiesBeforeLettingGo() {
    assertEquals(TherapistLocks.Engagement.ENGAGED, engage(offeredAyu("b1", tomorrow)));

    assertFalse(offerIfFree("ayu", "b2", now, now.plus(Duration.ofHours(2)), now.plusSeconds(60)), "inside the fence");
    clock.advance(TherapistLocks.ACCEPT_FENCE);
    assertTrue(offerIfFree("ayu", "b2", now, now.plus(Duration.ofHours(2)), clock.instant().plusSeconds(60)),
        "today is free; only tomorrow's slots are b1's");
  }

  @Test
  void anOfferThatRanOutAndWentToAnotherBookingIsLost() {
    Booking late = offeredAyu("b1", null);
    clock.advance(Duration.ofSeconds(61));
    assertTrue(offerIfFree("ayu", "b2", clock.instant(), clock.instant().plus(Duration.ofHours(2)), clock.instant().plusSeconds(60)));

    assertEquals(TherapistLocks.Engagement.OFFER_LOST, engage(late));
    assertTrue(holds.head("ayu").orElseThrow().isHeldBy("b2", clock.instant()));
  }

  @Test
  void anEngagementThatFindsItsTimeTakenLeavesNothingHeld() {
    Booking booking = offeredAyu("b1", null);
    List<String> slots = TherapistLocks.slotKeys("ayu", now, now.plus(Duration.ofHours(2)));
    // another booking took the last slot of the span after the offer was made
    HoldSteps.engageFree(holds, slots.get(slots.size() - 1), "b2", now.plus(Duration.ofHours(5)));

    assertEquals(TherapistLocks.Engagement.TIME_TAKEN, engage(booking));

    assertFalse(holds.head("ayu").orElseThrow().isLive(now), "ayu's own lock is given back");
    slots.subList(0, slots.size() - 1).forEach(slot -> assertFalse(holds.head(slot).orElseThrow().isLive(now), slot));
    assertTrue(holds.head(slots.get(slots.size() - 1)).orElseThrow().isHeldBy("b2", now));
  }

  @Test
  void aLongHistoryOnTheTherapistsLockDoesNotHideAnotherBookingsSlot() {
    for (int n = 0; n < 60; n++) {
      holds.offer("ayu", "old" + n, now.plusSeconds(60));
      holds.release("ayu", "old" + n);
    }
    List<String> slots = TherapistLocks.slotKeys("ayu", tomorrow, tomorrow.plus(Duration.ofHours(2)));
    HoldSteps.engageFree(holds, slots.get(0), "b1", tomorrow.plus(Duration.ofHours(3)));

    assertFalse(offerIfFree("ayu", "b2", tomorrow, tomorrow.plus(Duration.ofHours(2)), now.plusSeconds(60)));
  }
}
