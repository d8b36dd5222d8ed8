package id.pijat.model.booking;

/**
 * Who may act on a booking: a signed-in user, or a guest who holds the booking token whose hash is
 * kept here. Exactly one of the two is set.
 */
public record Owner(String userId, String guestTokenHash) {
  public Owner {
    if ((userId == null) == (guestTokenHash == null)) {
      throw new IllegalArgumentException("an owner is either a user or a guest token, not both or neither");
    }
  }

  public static Owner user(String userId) {
    return new Owner(userId, null);
  }

  public static Owner guest(BookingToken token) {
    return new Owner(null, token.hash());
  }

  public boolean isGuest() {
    return userId == null;
  }
}
