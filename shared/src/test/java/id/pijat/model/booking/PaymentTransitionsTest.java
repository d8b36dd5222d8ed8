package id.pijat.model.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.geo.Coordinates;
import id.pijat.testing.BookingRequests;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The payment's life as the Booking enforces it: every move from every status, and the refund a paid cancelled booking is due. */
class PaymentTransitionsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(600);
  private static final Coordinates SANUR = new Coordinates(-8.6881, 115.2619);
  private static final Set<List<PaymentStatus>> LEGAL = Set.of(
      List.of(PaymentStatus.PENDING, PaymentStatus.PAID),
      List.of(PaymentStatus.PENDING, PaymentStatus.FAILED),
      List.of(PaymentStatus.FAILED, PaymentStatus.PAID),
      List.of(PaymentStatus.PAID, PaymentStatus.REFUNDED));

  private final Booking searching = Booking.open("b1", Owner.user("budi"), request(), NOW);

  private static BookingRequest request() {
    NewBooking asked = BookingRequests.at(SANUR);
    return new BookingRequest(asked.customer(), asked.duration(), 200_000, asked.location(), null);
  }

  /** A booking whose payment has reached {@code status} by legal moves. */
  private Booking paymentAt(PaymentStatus status) {
    return switch (status) {
      case PENDING -> searching;
      case PAID -> searching.withPayment(PaymentStatus.PAID, "ref-paid", NOW);
      case FAILED -> searching.withPayment(PaymentStatus.FAILED, "ref-failed", NOW);
      case REFUNDED -> paymentAt(PaymentStatus.PAID).withPayment(PaymentStatus.REFUNDED, "ref-refund", NOW);
    };
  }

  static List<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (PaymentStatus from : PaymentStatus.values()) {
      for (PaymentStatus to : PaymentStatus.values()) {
        if (from != to) {
          pairs.add(Arguments.of(from, to, LEGAL.contains(List.of(from, to))));
        }
      }
    }
    return pairs;
  }

  @ParameterizedTest(name = "{0} → {1}: legal {2}")
  @MethodSource("everyPair")
  void aMoveTheTableAllowsIsTheNextVersionAndAnyOtherIsRefusedNamingBoth(PaymentStatus from, PaymentStatus to, boolean legal) {
    Booking before = paymentAt(from);

    if (legal) {
      Booking after = before.withPayment(to, "ref-next", LATER);
      assertEquals(to, after.payment().status());
      assertEquals("ref-next", after.payment().reference());
      assertEquals(before.version() + 1, after.version());
      assertEquals(LATER, after.updatedAt());
      assertEquals(before.status(), after.status(), "the booking's own status is not the payment's");
    } else {
      IllegalPaymentChangeException illegal =
          assertThrows(IllegalPaymentChangeException.class, () -> before.withPayment(to, "ref-next", LATER));
      assertEquals(from, illegal.from());
      assertEquals(to, illegal.to());
      assertEquals("a " + from.code() + " payment cannot become " + to.code(), illegal.getMessage());
    }
  }

  @ParameterizedTest
  @MethodSource("statuses")
  void reportingTheStatusThePaymentHasChangesNothing(PaymentStatus status) {
    Booking booking = paymentAt(status);

    assertSame(booking, booking.withPayment(status, "ref-again", LATER));
  }

  static PaymentStatus[] statuses() {
    return PaymentStatus.values();
  }

  @Test
  void aChangeWithoutAReferenceKeepsTheLastOne() {
    assertEquals("ref-failed", paymentAt(PaymentStatus.FAILED).withPayment(PaymentStatus.PAID, null, LATER).payment().reference());
  }

  @Test
  void theTableIsExactlyTheFourMoves() {
    int legal = 0;
    for (PaymentStatus from : PaymentStatus.values()) {
      for (PaymentStatus to : from.next()) {
        assertTrue(LEGAL.contains(List.of(from, to)), from + " → " + to);
        legal++;
      }
    }
    assertEquals(LEGAL.size(), legal);
    assertTrue(PaymentStatus.REFUNDED.next().isEmpty(), "refunded is final");
  }

  @Test
  void everyBookingStartsPending() {
    assertEquals(Payment.PENDING, searching.payment());
    assertFalse(searching.payment().refundDue());
  }

  @Test
  void aPaidBookingThatIsCancelledIsDueARefundAndStaysPaid() {
    Booking cancelled = paymentAt(PaymentStatus.PAID).cancel("plans changed", "user:budi", LATER);

    assertEquals(PaymentStatus.PAID, cancelled.payment().status());
    assertEquals("ref-paid", cancelled.payment().reference());
    assertEquals(LATER, cancelled.payment().refundDueAt());
  }

  @Test
  void aPaymentThatArrivesAfterTheCancellationIsDueARefundAtOnce() {
    Booking cancelled = searching.cancel("plans changed", "user:budi", NOW);

    Booking paid = cancelled.withPayment(PaymentStatus.PAID, "ref-late", LATER);

    assertEquals(LATER, paid.payment().refundDueAt());
  }

  @Test
  void theRefundEndsWhatIsDue() {
    Booking due = paymentAt(PaymentStatus.PAID).cancel("plans changed", "user:budi", NOW);

    Booking refunded = due.withPayment(PaymentStatus.REFUNDED, "ref-refund", LATER);

    assertEquals(PaymentStatus.REFUNDED, refunded.payment().status());
    assertNull(refunded.payment().refundDueAt());
  }

  @Test
  void aBookingCancelledUnpaidOrAfterItsRefundIsDueNothing() {
    for (PaymentStatus status : List.of(PaymentStatus.PENDING, PaymentStatus.FAILED, PaymentStatus.REFUNDED)) {
      assertFalse(paymentAt(status).cancel("plans changed", "user:budi", LATER).payment().refundDue(), status.code());
    }
  }

  @Test
  void aRefundDueOutsideAPaidCancelledBookingCannotExist() {
    Booking paid = paymentAt(PaymentStatus.PAID);

    assertThrows(IllegalArgumentException.class, () -> new Payment(PaymentStatus.REFUNDED, null, NOW));
    assertThrows(IllegalArgumentException.class, () -> new Booking(paid.id(), paid.owner(), paid.request(), paid.status(),
        null, null, null, paid.search(), null, null, null, null, new Payment(PaymentStatus.PAID, null, NOW), null,
        paid.createdAt(), paid.updatedAt(), paid.version()));
  }

  @Test
  void aReferenceIsPrintableAndShort() {
    assertEquals("midtrans-ORDER-1", Payment.requireReference("midtrans-ORDER-1"));
    assertThrows(IllegalArgumentException.class, () -> Payment.requireReference(""));
    assertThrows(IllegalArgumentException.class, () -> Payment.requireReference("has space"));
    assertThrows(IllegalArgumentException.class, () -> Payment.requireReference("x".repeat(Payment.MAX_REFERENCE_LENGTH + 1)));
  }

  @Test
  void statusesReadBackFromTheirCodesAndAnUnknownCodeIsRefused() {
    for (PaymentStatus status : PaymentStatus.values()) {
      assertEquals(status, PaymentStatus.fromCode(status.code()));
    }
    assertEquals("must be one of pending, paid, failed, refunded",
        assertThrows(IllegalArgumentException.class, () -> PaymentStatus.fromCode("settled")).getMessage());
  }
}
