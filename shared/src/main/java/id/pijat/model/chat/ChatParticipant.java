package id.pijat.model.chat;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;

/**
 * One of the two people of a booking's room: the customer (the signed-in owner, or the guest with
 * the booking token) or the engaged therapist's user.
 *
 * @param senderId how messages name them: the user ID, or for a guest "guest-" and the booking ID
 *     (as the room names its customer)
 * @param reader what a read cursor is bound to: "user:" and the user ID, or "guest:" and the hash
 *     of the booking token (see {@link #mayRead})
 */
public record ChatParticipant(ChatRole role, String senderId, String reader) {
  public static final String GUEST_PREFIX = "guest-";

  /** @throws Rejection PERMISSION_DENIED for anyone else, the same answer whoever they are */
  public static ChatParticipant of(Booking booking, Caller caller) {
    String ownerId = booking.owner().userId();
    if (caller.userId() != null) {
      if (caller.userId().equals(ownerId)) {
        return new ChatParticipant(ChatRole.CUSTOMER, ownerId, "user:" + ownerId);
      }
      if (caller.userId().equals(booking.therapistUserId())) {
        return new ChatParticipant(ChatRole.THERAPIST, caller.userId(), "user:" + caller.userId());
      }
    }
    // a guest's token, whether or not they have signed in since they booked
    if (booking.owner().isGuest()
        && caller.bookingToken() != null
        && caller.bookingToken().matches(booking.owner().guestTokenHash())) {
      return new ChatParticipant(ChatRole.CUSTOMER, GUEST_PREFIX + booking.id(), "guest:" + booking.owner().guestTokenHash());
    }
    throw new Rejection(ErrorCode.PERMISSION_DENIED, "You are not a participant of this booking's chat.");
  }

  /** Whether the caller is the one a cursor was given to. */
  public static boolean mayRead(String reader, Caller caller) {
    if (reader.startsWith("guest:")) {
      return caller.bookingToken() != null && caller.bookingToken().matches(reader.substring("guest:".length()));
    }
    return caller.userId() != null && reader.equals("user:" + caller.userId());
  }
}
