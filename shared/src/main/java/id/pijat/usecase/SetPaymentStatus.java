package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.PaymentStatus;
import java.time.Clock;
import java.time.Instant;

/**
 * Records what the payment provider reports of a booking's payment (setPaymentStatus; README,
 * "Payment"). Only a server call gets here: the function is executable by no client. The change is
 * the booking's next version, so it and a cancellation at the same moment never lose one another:
 * whichever claims second re-reads the other's version and decides on it (a paid booking that is
 * cancelled is due a refund, in either order).
 */
public final class SetPaymentStatus {
  /** Tries in all against other changes of the booking before answering SERVICE_UNAVAILABLE (a webhook retries). */
  static final int ATTEMPTS = 3;

  private final Bookings bookings;
  private final Clock clock;

  public SetPaymentStatus(Bookings bookings, Clock clock) {
    this.bookings = bookings;
    this.clock = clock;
  }

  /**
   * @param reference the provider's reference, or null to keep the last one
   * @return the booking as its customer sees it now (getBooking): an offer whose window has passed is over
   */
  public Booking set(String bookingId, PaymentStatus status, String reference) {
    for (int attempt = 1; ; attempt++) {
      Booking current = bookings.find(bookingId)
          .orElseThrow(() -> new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID."));
      Instant now = clock.instant();
      Booking next = current.withPayment(status, reference, now);
      if (next == current) {
        return current.asSeenAt(now);
      }
      try {
        return bookings.save(current, next).asSeenAt(now);
      } catch (ConcurrentChangeException raced) {
        if (attempt == ATTEMPTS) {
          throw raced;
        }
      }
    }
  }
}
