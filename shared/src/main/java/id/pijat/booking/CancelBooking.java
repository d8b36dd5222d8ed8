package id.pijat.booking;

import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.hold.TherapistLocks;
import java.time.Clock;
import java.time.Instant;

/**
 * Cancels a booking from searching, pending_accept or active (contract section 4). The cancelled
 * version is the commit; releasing the therapist and closing the chat follow it and are repeated by
 * every later cancel call, so a call that fails half-way is finished by the next one (or lapses with
 * the holds' expiry).
 */
public final class CancelBooking {
  public static final String DEFAULT_REASON = "cancelled_by_customer";
  public static final int MAX_REASON_LENGTH = 200;

  private final Bookings bookings;
  private final TherapistLocks locks;
  private final Chats chats;
  private final Clock clock;

  public CancelBooking(Bookings bookings, TherapistLocks locks, Chats chats, Clock clock) {
    this.bookings = bookings;
    this.locks = locks;
    this.chats = chats;
    this.clock = clock;
  }

  /** @param reason null for the default */
  public Booking cancel(Caller caller, String bookingId, String reason) {
    Booking booking = bookings.findOwned(bookingId, caller);
    Booking cancelled;
    try {
      cancelled = cancelFrom(booking, caller, reason);
    } catch (ConcurrentChangeException raced) {
      cancelled = cancelFrom(bookings.findOwned(bookingId, caller), caller, reason);
    }
    letGo(cancelled, Chats.CLOSED_CANCELLED);
    return cancelled;
  }

  private Booking cancelFrom(Booking booking, Caller caller, String reason) {
    if (booking.status() == BookingStatus.CANCELLED) {
      return booking;
    }
    if (booking.status() == BookingStatus.COMPLETED) {
      throw new Rejection(ErrorCode.INVALID_STATE, "A completed booking cannot be cancelled.");
    }
    Instant now = clock.instant();
    return bookings.save(booking, booking.cancel(reason == null ? DEFAULT_REASON : reason, caller.describe(), now));
  }

  /**
   * Closes the chat and frees the therapist of a cancelled booking; safe to repeat. The chat goes
   * first: a booking whose holds are released has its chat closed, which is what cleanup relies on.
   */
  public void letGo(Booking cancelled, String closingMessage) {
    chats.close(cancelled, closingMessage, clock.instant());
    locks.releaseAll(cancelled.id());
  }
}
