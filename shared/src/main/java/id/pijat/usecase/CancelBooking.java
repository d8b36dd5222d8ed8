package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.hold.TherapistLocks;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.store.Document;
import id.pijat.store.Fanout;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cancels a booking from searching, pending_accept or active (cancelBooking; README, "The booking flow"). The cancelled
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
  private final Fanout fanout;

  public CancelBooking(Bookings bookings, TherapistLocks locks, Chats chats, Clock clock, Fanout fanout) {
    this.bookings = bookings;
    this.locks = locks;
    this.chats = chats;
    this.clock = clock;
    this.fanout = fanout;
  }

  /** @param reason null for the default */
  public Booking cancel(Caller caller, String bookingId, String reason) {
    Booking booking = bookings.findOwned(bookingId, caller);
    if (booking.status() == BookingStatus.CANCELLED) {
      letGo(booking, Chats.CLOSED_CANCELLED);
      return booking;
    }
    Fanout.Both<Leftovers, Booking> claimed;
    try {
      // the claim, and what letting go will need, at once; the reads are wasted only if it is lost
      claimed = fanout.both(() -> leftoversOf(booking), () -> claimCancel(booking, caller, reason));
    } catch (ConcurrentChangeException raced) {
      Booking current = bookings.findOwned(bookingId, caller);
      if (current.status() == BookingStatus.CANCELLED) {
        letGo(current, Chats.CLOSED_CANCELLED);
        return current;
      }
      claimed = new Fanout.Both<>(leftoversOf(current), claimCancel(current, caller, reason));
    }
    Booking cancelled = claimed.second();
    Leftovers leftovers = claimed.first();
    return bookings.saved(cancelled, List.of(
        () -> chats.close(cancelled, Chats.CLOSED_CANCELLED, clock.instant(), leftovers.room(), leftovers.session()),
        () -> locks.release(leftovers.lockKeys(), cancelled.id())));
  }

  /** What a cancelled booking may leave: its locks, its room and its session. */
  private record Leftovers(List<String> lockKeys, Optional<Document> room, Optional<Document> session) {}

  private Leftovers leftoversOf(Booking booking) {
    Booking.ChatRefs chat = booking.chat();
    if (chat == null) {
      return new Leftovers(locks.lockKeysOf(booking.id()), Optional.empty(), Optional.empty());
    }
    Fanout.Both<List<String>, Fanout.Both<Optional<Document>, Optional<Document>>> read =
        fanout.both(
            () -> locks.lockKeysOf(booking.id()),
            () -> fanout.both(() -> chats.room(chat.chatRoomId()), () -> chats.session(chat.chatSessionId())));
    return new Leftovers(read.first(), read.second().first(), read.second().second());
  }

  private Booking claimCancel(Booking booking, Caller caller, String reason) {
    if (booking.status() == BookingStatus.COMPLETED) {
      throw new Rejection(ErrorCode.INVALID_STATE, "A completed booking cannot be cancelled.");
    }
    Instant now = clock.instant();
    return bookings.claim(booking, booking.cancel(reason == null ? DEFAULT_REASON : reason, caller.describe(), now));
  }

  /**
   * Closes the chat and frees the therapist of a cancelled booking; safe to repeat. Every later
   * cancel call repeats it, and cleanup does it once a couple of minutes on, for a call that died.
   */
  public void letGo(Booking cancelled, String closingMessage) {
    fanout.run(List.of(() -> chats.close(cancelled, closingMessage, clock.instant()), () -> locks.releaseAll(cancelled.id())));
  }
}
