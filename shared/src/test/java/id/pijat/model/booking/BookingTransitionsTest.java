package id.pijat.model.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.geo.Coordinates;
import id.pijat.testing.BookingRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The status machine as the Booking itself enforces it: every transition, from every status it may not start from. */
class BookingTransitionsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
  private static final Coordinates SANUR = new Coordinates(-8.6881, 115.2619);
  private static final TherapistMatch AYU =
      new TherapistMatch("ayu", "Ayu", null, 4.8, 3.2, 10, List.of("balinese"), SANUR);

  private final Booking searching = Booking.open("b1", Owner.user("budi"), request(), NOW);
  private final Booking offered = searching.offer(AYU, NOW.plusSeconds(60), searching.search(), NOW);
  private final Booking active = offered.accept(NOW.plus(Duration.ofMinutes(10)), new Booking.ChatRefs("r1", "s1"), "user-ayu", NOW);
  private final Booking completed = active.complete(NOW);
  private final Booking cancelled = searching.cancel("plans changed", "user:budi", NOW);

  private static BookingRequest request() {
    NewBooking asked = BookingRequests.at(SANUR);
    return new BookingRequest(asked.customer(), asked.duration(), 200_000, asked.location(), null);
  }

  private static void assertIllegal(Booking from, BookingStatus to, UnaryOperator<Booking> move) {
    IllegalTransitionException illegal = assertThrows(IllegalTransitionException.class, () -> move.apply(from));
    assertEquals(from.status(), illegal.from());
    assertEquals(to, illegal.to());
  }

  @Test
  void aScheduledBookingsOfferIsOverOnceItsTherapistMustSetOutInsideTheWindow() {
    NewBooking asked = BookingRequests.at(SANUR);
    Instant setOut = NOW.plusSeconds(30);
    Instant time = setOut.plus(Duration.ofMinutes(AYU.etaMinutes()));
    Booking scheduled = Booking.open("b3", Owner.user("budi"),
        new BookingRequest(asked.customer(), asked.duration(), 200_000, asked.location(), time), NOW);
    Booking offer = scheduled.offer(AYU, NOW.plusSeconds(60), scheduled.search(), NOW);

    assertEquals(setOut, offer.offerExpiresAt(), "the window shown ends then too");
    assertTrue(offer.isOfferOpen(setOut.minusMillis(1)));
    assertFalse(offer.isOfferOpen(setOut), "acceptance refuses it from then on: Ayu would arrive after the time");
    assertEquals(BookingStatus.SEARCHING, offer.asSeenAt(setOut).status());
    assertEquals(setOut, offer.asSeenAt(setOut).search().nextRetryAt(), "search again at once");
  }

  @Test
  void theEngagedTherapistReadsTheBookingOnlyWhileItIsActive() {
    assertEquals(Set.of("budi"), searching.readers());
    assertEquals(Set.of("budi"), offered.readers());
    assertEquals(Set.of("budi", "user-ayu"), active.readers());
    assertEquals(Set.of("budi"), completed.readers());
    assertEquals(Set.of("budi"), active.cancel("plans changed", "user:budi", NOW).readers());
  }

  @Test
  void theEngagedTherapistReadsTheChatFromAcceptanceOn() {
    assertEquals(Set.of("budi"), offered.chatReaders());
    assertEquals(Set.of("budi", "user-ayu"), active.chatReaders());
    assertEquals(Set.of("budi", "user-ayu"), completed.chatReaders());
    assertEquals(Set.of("budi", "user-ayu"), active.cancel("plans changed", "user:budi", NOW).chatReaders());
  }

  @Test
  void aGuestsBookingIsReadDirectlyByTheEngagedTherapistAlone() {
    Booking guest = Booking.open("b2", Owner.guest(BookingToken.generate()), request(), NOW);
    Booking accepted = guest.offer(AYU, NOW.plusSeconds(60), guest.search(), NOW)
        .accept(NOW.plus(Duration.ofMinutes(10)), new Booking.ChatRefs("r2", "s2"), "user-ayu", NOW);

    assertEquals(Set.of(), guest.readers());
    assertEquals(Set.of("user-ayu"), accepted.readers());
    assertEquals(Set.of("user-ayu"), accepted.chatReaders());
  }

  @Test
  void aTherapistWithoutAUserAddsNoReader() {
    Booking accepted = offered.accept(NOW.plus(Duration.ofMinutes(10)), new Booking.ChatRefs("r1", "s1"), null, NOW);

    assertEquals(Set.of("budi"), accepted.readers());
    assertEquals(Set.of("budi"), accepted.chatReaders());
  }

  @Test
  void aBookingIsOfferedFromSearchingOrStraightOnFromAnOfferButNotOnceAcceptedOrOver() {
    UnaryOperator<Booking> offer = booking -> booking.offer(AYU, NOW.plusSeconds(60), booking.search(), NOW);

    assertEquals(BookingStatus.PENDING_ACCEPT, offer.apply(offered).status());
    assertIllegal(active, BookingStatus.PENDING_ACCEPT, offer);
    assertIllegal(completed, BookingStatus.PENDING_ACCEPT, offer);
    assertIllegal(cancelled, BookingStatus.PENDING_ACCEPT, offer);
  }

  @Test
  void aBookingGoesBackToSearchingOnlyFromSearchingOrAnOffer() {
    UnaryOperator<Booking> keepSearching = booking -> booking.keepSearching(booking.search(), NOW);

    assertEquals(BookingStatus.SEARCHING, keepSearching.apply(searching).status());
    assertEquals(BookingStatus.SEARCHING, keepSearching.apply(offered).status());
    assertIllegal(active, BookingStatus.SEARCHING, keepSearching);
    assertIllegal(completed, BookingStatus.SEARCHING, keepSearching);
    assertIllegal(cancelled, BookingStatus.SEARCHING, keepSearching);
  }

  @Test
  void onlyAnOfferedBookingIsAccepted() {
    UnaryOperator<Booking> accept = booking -> booking.accept(NOW, new Booking.ChatRefs("r2", "s2"), "user-ayu", NOW);

    assertIllegal(searching, BookingStatus.ACTIVE, accept);
    assertIllegal(active, BookingStatus.ACTIVE, accept);
    assertIllegal(completed, BookingStatus.ACTIVE, accept);
  }

  @Test
  void aBookingIsCancelledUntilItIsOver() {
    UnaryOperator<Booking> cancel = booking -> booking.cancel("again", "user:budi", NOW);

    assertEquals(BookingStatus.CANCELLED, cancel.apply(offered).status());
    assertEquals(BookingStatus.CANCELLED, cancel.apply(active).status());
    assertIllegal(completed, BookingStatus.CANCELLED, cancel);
    assertIllegal(cancelled, BookingStatus.CANCELLED, cancel);
  }

  @Test
  void aCancelledBookingKeepsTheTherapistItEngagedButNotOneOnlyOffered() {
    assertNull(offered.cancel("plans changed", "user:budi", NOW).therapistId(), "never this booking's therapist");
    assertEquals("ayu", active.cancel("plans changed", "user:budi", NOW).therapistId());
  }

  @Test
  void onlyAnActiveBookingCompletes() {
    UnaryOperator<Booking> complete = booking -> booking.complete(NOW);

    assertIllegal(searching, BookingStatus.COMPLETED, complete);
    assertIllegal(offered, BookingStatus.COMPLETED, complete);
    assertIllegal(completed, BookingStatus.COMPLETED, complete);
    assertIllegal(cancelled, BookingStatus.COMPLETED, complete);
  }

  @Test
  void completedAndCancelledAreFinalAndNothingElse() {
    assertTrue(BookingStatus.COMPLETED.isFinal());
    assertTrue(BookingStatus.CANCELLED.isFinal());
    assertFalse(BookingStatus.SEARCHING.isFinal());
    assertFalse(BookingStatus.PENDING_ACCEPT.isFinal());
    assertFalse(BookingStatus.ACTIVE.isFinal());
  }

  @Test
  void statusesAndModesReadBackFromTheirCodesAndAnUnknownCodeIsRefused() {
    for (BookingStatus status : BookingStatus.values()) {
      assertEquals(status, BookingStatus.fromCode(status.code()));
    }
    assertEquals("unknown booking status: done", assertThrows(IllegalArgumentException.class, () -> BookingStatus.fromCode("done")).getMessage());
    assertEquals(List.of("immediate", "scheduled"), List.of(BookingMode.IMMEDIATE.code(), BookingMode.SCHEDULED.code()));
    for (BookingMode mode : BookingMode.values()) {
      assertEquals(mode, BookingMode.fromCode(mode.code()));
    }
    assertThrows(IllegalArgumentException.class, () -> BookingMode.fromCode("later"));
  }

  @Test
  void travelTimeIsTheTherapistsEtaAndNothingBeforeOneIsOffered() {
    assertEquals(Duration.ZERO, searching.travelTime());
    assertEquals(Duration.ofMinutes(10), offered.travelTime());
  }
}
