package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.hold.Heads;
import id.pijat.hold.TherapistLocks;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.chat.ChatParticipant;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Document;
import id.pijat.store.Fanout;
import id.pijat.therapist.Therapists;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The customer takes the offered therapist (acceptTherapist; README, "Holding a therapist"). The
 * order makes it safe without transactions: first the therapist's lock and time slots (the atomic
 * step that decides who gets the therapist), then the booking's next version (the commit), then the
 * chat, whose IDs are derived from the booking so a retry finishes what a failed call began.
 */
public final class AcceptTherapist {
  private final Bookings bookings;
  private final TherapistLocks locks;
  private final Chats chats;
  private final Therapists therapists;
  private final BookingPolicy policy;
  private final Clock clock;
  private final Fanout fanout;

  public AcceptTherapist(
      Bookings bookings,
      TherapistLocks locks,
      Chats chats,
      Therapists therapists,
      BookingPolicy policy,
      Clock clock,
      Fanout fanout) {
    this.bookings = bookings;
    this.locks = locks;
    this.chats = chats;
    this.therapists = therapists;
    this.policy = policy;
    this.clock = clock;
    this.fanout = fanout;
  }

  /** How often an acceptance starts again when a change that kept the offer open (a payment) committed first. */
  private static final int ATTEMPTS = 2;

  public Booking accept(Caller caller, String bookingId, String therapistId) {
    return accept(caller, bookingId, therapistId, ATTEMPTS);
  }

  private Booking accept(Caller caller, String bookingId, String therapistId, int attempts) {
    Instant now = clock.instant();
    // read with the booking what an immediate booking's acceptance decides on: the heads of the
    // therapist's lock and of every slot its span can take (it starts now and ends at most the
    // longest journey, massage and buffer on), the therapist and the pair's session, as the caller
    // would be its customer; a guess the booking does not bear out is read again below
    Instant widestEnd = policy.spanEnd(now.plus(BookingRequest.IMMEDIATE_ARRIVAL), ServiceDuration.LONGEST);
    List<String> widestKeys = TherapistLocks.offerKeys(therapistId, now, widestEnd);
    String guessedSession = Chats.sessionIdOf(caller.userId() != null ? caller.userId() : ChatParticipant.GUEST_PREFIX + bookingId, therapistId);
    Fanout.Both<Booking, Fanout.Both<Heads, ChatReads>> opened = fanout.both(
        () -> bookings.findOwned(bookingId, caller),
        () -> fanout.both(() -> locks.headsApart(therapistId, now, widestEnd), () -> readForChat(therapistId, guessedSession)));
    Booking booking = opened.first();
    switch (booking.status()) {
      case ACTIVE -> {
        if (booking.search().passedOver().contains(therapistId)) {
          // a stale card from before the acceptance: searching again is not open to this booking
          throw SearchTherapists.settled();
        }
        requireOffered(booking, therapistId);
        ChatReads read = guessedSession.equals(booking.chat().chatSessionId()) ? opened.second().second() : readForChat(booking);
        openChat(booking, read, now);
        return booking;
      }
      case CANCELLED -> throw lost(booking);
      case COMPLETED -> throw SearchTherapists.completed();
      case SEARCHING -> {
        requireOffered(booking, therapistId);
        throw expired();
      }
      case PENDING_ACCEPT -> requireOffered(booking, therapistId);
    }
    if (booking.request().isPastItsTime(now)) {
      // the offer went with it, open window or not
      throw new Rejection(ErrorCode.OFFER_EXPIRED, "This booking's time has passed. Please book again.");
    }
    if (!booking.isOfferOpen(now)) {
      throw expired();
    }
    // the same span the search found free: from now for an immediate booking, the journey included
    Instant spanStart = booking.request().takenFrom(now);
    Instant startsAt = booking.request().startsAt(now, booking.travelTime());
    Instant spanEnd = policy.spanEnd(startsAt, booking.request().duration());
    Booking.ChatRefs chat = Chats.refsFor(booking);
    List<String> keys = TherapistLocks.offerKeys(therapistId, spanStart, spanEnd);
    // what the locks decide on, and what the chat will need: as read with the booking where the
    // guess covers them (a scheduled booking's span lies ahead), the rest read now, at once
    Heads guessedHeads = widestKeys.containsAll(keys) ? opened.second().first() : null;
    ChatReads guessedChat = guessedSession.equals(chat.chatSessionId()) ? opened.second().second() : null;
    Fanout.Both<Heads, ChatReads> read = fanout.both(
        () -> guessedHeads != null ? guessedHeads : locks.heads(keys),
        () -> guessedChat != null ? guessedChat : readForChat(therapistId, chat.chatSessionId()));
    // from here on the therapist's user may read the booking and its chat
    String therapistUserId = read.second().therapist().map(Therapist::userId).orElse(null);
    Booking accepted = booking.accept(startsAt, chat, therapistUserId, now);
    Instant holdUntil = policy.holdsLapse(startsAt, booking.request().duration());
    switch (locks.engage(read.first(), booking, spanStart, spanEnd, holdUntil, now)) {
      case OFFER_LOST -> throw lost(bookings.findOwned(bookingId, caller));
      case TIME_TAKEN -> throw new Rejection(
          ErrorCode.THERAPIST_UNAVAILABLE, "This therapist was just booked for that time. Please find another.");
      case ENGAGED -> { }
    }
    try {
      // the commit; then, at once, the booking document, the chat, and the fence of a scheduled booking
      bookings.save(booking, accepted, List.of(() -> openChat(accepted, read.second(), now), () -> locks.releaseFence(accepted)));
    } catch (ConcurrentChangeException raced) {
      Booking current = bookings.findOwned(bookingId, caller);
      if (current.status() == BookingStatus.ACTIVE && therapistId.equals(current.therapistId())) {
        openChat(current, readForChat(current), now);
        return current;
      }
      if (attempts > 1 && current.status() == BookingStatus.PENDING_ACCEPT
          && therapistId.equals(current.therapistId()) && current.isOfferOpen(now)) {
        // the offer stands (its payment changed meanwhile): accept it as it is now; what this
        // attempt engaged is the booking's already, and is engaged again as is
        return accept(caller, bookingId, therapistId, attempts - 1);
      }
      locks.disengage(booking, spanStart, spanEnd);
      throw lost(current);
    }
    return accepted;
  }

  /**
   * Why an acceptance that lost its race cannot go on, from the booking as the winner left it:
   * cancelled, or moved on from this offer (Find Another, a lapse), which to the customer is an
   * offer that has passed. Never "try again": trying again would meet the same answer.
   */
  private static Rejection lost(Booking current) {
    return current.status() == BookingStatus.CANCELLED
        ? new Rejection(ErrorCode.BOOKING_CANCELLED, "This booking was cancelled.")
        : expired();
  }

  /** What opening the chat needs to know: the therapist's profile and the pair's session, if any. */
  private record ChatReads(Optional<Therapist> therapist, Optional<Document> session) {}

  private ChatReads readForChat(Booking booking) {
    return readForChat(booking.therapistId(), booking.chat().chatSessionId());
  }

  private ChatReads readForChat(String therapistId, String sessionId) {
    Fanout.Both<Optional<Therapist>, Optional<Document>> read =
        fanout.both(() -> therapists.find(therapistId), () -> chats.session(sessionId));
    return new ChatReads(read.first(), read.second());
  }

  /**
   * Opens the chat, then reads the booking again: a cancel that committed meanwhile may have read
   * the room and session before they were written, and closed nothing, which would leave the
   * customer's number on a session the therapist reads. The cancel claims before it reads the chat
   * (afresh when it found it unopened), and this reads after writing it, so one of the two closes it.
   */
  private void openChat(Booking booking, ChatReads reads, Instant now) {
    Therapist therapist = reads.therapist().orElse(Therapist.from(booking.therapist()));
    chats.open(booking, therapist, policy.chatClosesAt(booking), now, reads.session());
    bookings.find(booking.id())
        .filter(current -> current.status() == BookingStatus.CANCELLED)
        .ifPresent(cancelled -> chats.close(cancelled, CancelBooking.closingMessageOf(cancelled), clock.instant()));
  }

  private static void requireOffered(Booking booking, String therapistId) {
    if (therapistId.equals(booking.therapistId())) {
      return;
    }
    if (booking.search().passedOver().contains(therapistId)) {
      throw expired();
    }
    throw new Rejection(ErrorCode.THERAPIST_NOT_FOUND, "This therapist was not offered for this booking.");
  }

  private static Rejection expired() {
    return new Rejection(ErrorCode.OFFER_EXPIRED, "The time to accept this therapist has passed. Please search again.");
  }
}
