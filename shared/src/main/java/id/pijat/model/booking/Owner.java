package id.pijat.model.booking;

import java.util.Set;

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

  /** Who may read this owner's booking documents directly (the booking, its versions, its chat). */
  public Set<String> readers() {
    return readersFor(userId);
  }

  /**
   * The one rule of direct reading: a signed-in customer reads their own documents through
   * Appwrite's document permissions; a guest has no user and reads only through the functions.
   *
   * @param userId the customer's user ID, or null for a guest
   */
  public static Set<String> readersFor(String userId) {
    return userId == null ? Set.of() : Set.of(userId);
  }
}
