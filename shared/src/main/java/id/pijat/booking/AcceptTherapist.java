package id.pijat.booking;

import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.Therapist;
import id.pijat.store.DocumentStore;
import java.time.Clock;
import java.time.Instant;

/**
 * The customer takes the offered therapist (contract section 4). The order makes it safe without
 * transactions: first the therapist's lock and time slots (the atomic step that decides who gets
 * the therapist), then the booking's next version (the commit), then the chat, whose IDs are derived
 * from the booking so a retry finishes what a failed call began.
 */
public final class AcceptTherapist {
  private final Bookings bookings;
  private final TherapistLocks locks;
  private final Chats chats;
  private final DocumentStore store;
  private final BookingPolicy policy;
  private final Clock clock;

  public AcceptTherapist(
      Bookings bookings, TherapistLocks locks, Chats chats, DocumentStore store, BookingPolicy policy, Clock clock) {
    this.bookings = bookings;
    this.locks = locks;
    this.chats = chats;
    this.store = store;
    this.policy = policy;
    this.clock = clock;
  }

  public Booking accept(Caller caller, String bookingId, String therapistId) {
    Booking booking = bookings.findOwned(bookingId, caller);
    Instant now = clock.instant();
    switch (booking.status()) {
      case ACTIVE -> {
        requireOffered(booking, therapistId);
        return openChat(booking, now);
      }
      case CANCELLED -> throw new Rejection(ErrorCode.BOOKING_CANCELLED, "This booking was cancelled.");
      case COMPLETED -> throw new Rejection(ErrorCode.INVALID_STATE, "This booking is already completed.");
      case SEARCHING -> {
        requireOffered(booking, therapistId);
        throw expired();
      }
      case PENDING_ACCEPT -> requireOffered(booking, therapistId);
    }
    if (!booking.isOfferOpen(now)) {
      throw expired();
    }
    // the same span the search found free: from now for an immediate booking, the journey included
    Instant spanStart = booking.request().takenFrom(now);
    Instant startsAt = booking.request().startsAt(now, booking.travelTime());
    Instant spanEnd = policy.spanEnd(startsAt, booking.request().duration());
    switch (locks.engage(booking, spanStart, spanEnd, policy.holdsLapse(startsAt, booking.request().duration()), now)) {
      case OFFER_LOST -> throw expired();
      case TIME_TAKEN -> throw new Rejection(
          ErrorCode.THERAPIST_UNAVAILABLE, "This therapist was just booked for that time. Please find another.");
      case ENGAGED -> { }
    }
    Booking accepted = booking.accept(startsAt, Chats.refsFor(booking), now);
    try {
      bookings.save(booking, accepted);
    } catch (ConcurrentChangeException raced) {
      Booking current = bookings.findOwned(bookingId, caller);
      if (current.status() == BookingStatus.ACTIVE && therapistId.equals(current.therapistId())) {
        return openChat(current, now);
      }
      locks.disengage(booking, spanStart, spanEnd);
      throw current.status() == BookingStatus.CANCELLED
          ? new Rejection(ErrorCode.BOOKING_CANCELLED, "This booking was cancelled.")
          : raced;
    }
    locks.releaseFence(accepted);
    return openChat(accepted, now);
  }

  private Booking openChat(Booking booking, Instant now) {
    Therapist therapist =
        store.find(Therapist.COLLECTION, booking.therapistId()).map(Therapist::fromDocument).orElse(null);
    chats.open(booking, therapist != null ? therapist : Therapist.from(booking.therapist()), policy.chatClosesAt(booking), now);
    return booking;
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
