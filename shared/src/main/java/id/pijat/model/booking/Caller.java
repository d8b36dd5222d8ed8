package id.pijat.model.booking;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;

/**
 * Who is calling: a signed-in user (Appwrite sets the user ID; a client cannot forge it) or a
 * guest; either may show a booking token (a guest who booked, then signed in, still holds it); and
 * the network address they call from, where Appwrite reports it (null otherwise), which fair use
 * counts requests against.
 */
public record Caller(String userId, BookingToken bookingToken, String address) {
  public static Caller user(String userId) {
    return new Caller(userId, null, null);
  }

  public static Caller guest(BookingToken token) {
    return new Caller(null, token, null);
  }

  /** The same caller, calling from this address (null when unknown). */
  public Caller from(String address) {
    return new Caller(userId, bookingToken, address);
  }

  public boolean isGuest() {
    return userId == null;
  }

  /** The same answer whether the booking exists for someone else or the token is wrong. */
  public void requireOwns(Booking booking) {
    if (!owns(booking)) {
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "You are not the owner of this booking.");
    }
  }

  public boolean owns(Booking booking) {
    Owner owner = booking.owner();
    return owner.isGuest()
        ? bookingToken != null && bookingToken.matches(owner.guestTokenHash())
        : owner.userId().equals(userId);
  }

  /** Signed in as the user of the therapist the booking's acceptance engaged (from then on, for good). */
  public boolean isEngagedTherapistOf(Booking booking) {
    return userId != null && userId.equals(booking.therapistUserId());
  }

  /** How cancellations record who did it. */
  public String describe() {
    return isGuest() ? Cancellation.BY_GUEST : "user:" + userId;
  }
}
