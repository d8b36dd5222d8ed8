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
import id.pijat.model.booking.Cancellation;
import id.pijat.store.Document;
import id.pijat.store.Fanout;
import id.pijat.store.StoreUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cancels a booking from searching, pending_accept or active (cancelBooking; README, "The booking flow"): the
 * customer's call, or the engaged therapist's when they can no longer come (a withdrawal, refunded
 * as any cancellation but a no-show). The cancelled version is the commit; releasing the therapist and closing the chat follow it and are repeated by
 * every later cancel call, so a call that fails half-way is finished by the next one (or lapses with
 * the holds' expiry).
 */
public final class CancelBooking {
  public static final String DEFAULT_REASON = "cancelled_by_customer";
  /** The closing message of a therapist's withdrawal; the customer's cancellation closes with {@link Chats#CLOSED_CANCELLED}. */
  public static final String WITHDRAWN =
      "Your therapist can no longer come, so this booking is cancelled and this chat is now closed. Anything you paid will be refunded.";
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

  /**
   * @param caller the booking's customer, or the therapist engaged for it
   * @param reason null for the default; a therapist's withdrawal is always {@value Cancellation#THERAPIST_WITHDREW}
   */
  public Booking cancel(Caller caller, String bookingId, String reason) {
    Booking booking = bookings.findOwnedOrEngaged(bookingId, caller);
    if (booking.status() == BookingStatus.CANCELLED) {
      fanout.run(lettingGo(booking));
      return booking;
    }
    Fanout.Both<Leftovers, Booking> claimed;
    try {
      // the claim, and what letting go will need, at once; the reads are wasted only if it is lost
      claimed = fanout.both(() -> leftoversIfReadable(booking), () -> claimCancel(booking, caller, reason));
    } catch (ConcurrentChangeException raced) {
      Booking current = bookings.findOwnedOrEngaged(bookingId, caller);
      if (current.status() == BookingStatus.CANCELLED) {
        fanout.run(lettingGo(current));
        return current;
      }
      claimed = new Fanout.Both<>(leftoversOf(current), claimCancel(current, caller, reason));
    }
    Booking cancelled = claimed.second();
    Leftovers leftovers = claimed.first();
    // a chat read before the claim and found unopened may be an acceptance's still being written:
    // read afresh after the claim (see AcceptTherapist, which reads the booking after writing it)
    if (leftovers == null || cancelled.chat() != null && !Chats.isOpened(cancelled, leftovers.room(), leftovers.session())) {
      return bookings.saved(cancelled, lettingGo(cancelled));
    }
    return bookings.saved(cancelled, List.of(
        () -> chats.close(cancelled, closingMessageOf(cancelled), clock.instant(), leftovers.room(), leftovers.session()),
        () -> locks.release(leftovers.lockKeys(), cancelled.id())));
  }

  /**
   * Null when a read failed: the claim beside it may have landed, and the booking's document and
   * chat must then follow it in this call; letting go reads for itself after the commit.
   */
  private Leftovers leftoversIfReadable(Booking booking) {
    try {
      return leftoversOf(booking);
    } catch (StoreUnavailableException unreadable) {
      return null;
    }
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
    // the customer's own call counts as theirs, should they be a therapist engaged for their own booking;
    // a therapist is engaged from acceptance on, so what is left to withdraw from here is active
    if (caller.isEngagedTherapistOf(booking) && !caller.owns(booking)) {
      return bookings.claim(booking, booking.cancel(Cancellation.THERAPIST_WITHDREW, Cancellation.BY_THERAPIST, now));
    }
    return bookings.claim(booking, booking.cancel(reason == null ? DEFAULT_REASON : reason, caller.describe(), now));
  }

  /**
   * What the room's last message says, whoever closes it (this call, a retry, cleanup for a call
   * that died): a withdrawal and a no-show say what happened, any other cancellation that it was one.
   */
  public static String closingMessageOf(Booking cancelled) {
    Cancellation cancellation = cancelled.cancellation();
    if (cancellation != null && cancellation.isWithdrawalByTherapist()) {
      return WITHDRAWN;
    }
    return cancellation != null && cancellation.isNoShow() ? ReportJobProgress.NO_SHOW : Chats.CLOSED_CANCELLED;
  }

  /**
   * Closing the chat and freeing the therapist of a cancelled booking, each reading what it needs;
   * safe to repeat. Every later cancel call repeats it, and cleanup does it once a couple of minutes
   * on, for a call that died.
   */
  private List<Runnable> lettingGo(Booking cancelled) {
    return List.of(() -> chats.close(cancelled, closingMessageOf(cancelled), clock.instant()), () -> locks.releaseAll(cancelled.id()));
  }
}
