package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.error.Rejection;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import java.time.Clock;

/**
 * The client's poll of its search (checkSearchStatus, every 2 s while the chat window counts down):
 * where the search stands, read from the booking alone. It runs no round and writes nothing, so a
 * poll costs the booking's read and nothing more; the next round runs when the client starts again.
 */
public final class CheckSearchStatus {
  private final Bookings bookings;
  private final Clock clock;

  public CheckSearchStatus(Bookings bookings, Clock clock) {
    this.bookings = bookings;
    this.clock = clock;
  }

  /**
   * Where a search stands. {@code ended} says why no offer can come any more (cancelled, out of
   * attempts, or accepted already), or is null while the search goes on.
   */
  public record Status(Booking booking, boolean offerOpen, Rejection ended) {}

  public Status check(Caller caller, String bookingId) {
    Booking booking = bookings.readOwned(bookingId, caller);
    Rejection ended = switch (booking.status()) {
      case CANCELLED -> SearchTherapists.cancelled(booking);
      case ACTIVE -> SearchTherapists.settled();
      case COMPLETED -> SearchTherapists.completed();
      case SEARCHING, PENDING_ACCEPT -> null;
    };
    return new Status(booking, booking.isOfferOpen(clock.instant()), ended);
  }
}
