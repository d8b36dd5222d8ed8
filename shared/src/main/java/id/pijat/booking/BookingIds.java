package id.pijat.booking;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.store.DocumentIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * New booking IDs, and where a booking is as its ID tells it: a search reads the booking and the
 * therapists near it at once, a round sooner, instead of reading the booking first to learn where
 * to look (README "Holding a therapist without transactions", Round trips).
 *
 * <p>With a secret (BOOKING_PLACE_SECRET, the same on createBooking and searchTherapists), an ID is
 * 20 random characters and the booking's geohash cell of {@value #PLACE_PRECISION} characters (about
 * 150 m) sealed under the secret: each character XORed with a keystream of SHA-256(secret, the random
 * part). The random part is new for every booking, so the keystream never repeats, and without the
 * secret the 7 characters say nothing of where the booking is: the customer's place stays in the
 * documents only they and their therapist read (README "Who reads what"). Without a secret an ID is
 * the 20 random characters alone, and a search reads the booking first, as it always did.
 *
 * <p>The place is a guess, never a fact: a search uses it only to read ahead the cells it would
 * read from the booking's own position, and reads them again when they differ (an ID sealed under
 * another secret, a booking made before secrets, a place near the edge between two groups of cells).
 */
public final class BookingIds {
  /** No secret: plain random IDs, and no place read from them. */
  public static final BookingIds PLAIN = new BookingIds(null);
  static final int PLACE_PRECISION = 7;
  private static final int RANDOM_LENGTH = 20;
  private static final String SEALED_ALPHABET = "0123456789abcdefghijklmnopqrstuv";

  private final byte[] secret;

  /** @param secret at least 32 characters (Settings checks it), or null for plain IDs */
  public BookingIds(String secret) {
    this.secret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  /** A new ID for a booking at this place. */
  public String next(Coordinates place) {
    String random = DocumentIds.unique();
    if (secret == null) {
      return random;
    }
    String cell = GeoCell.encode(place.lat(), place.lng(), PLACE_PRECISION);
    byte[] stream = keystream(random);
    StringBuilder id = new StringBuilder(random);
    for (int i = 0; i < PLACE_PRECISION; i++) {
      id.append(SEALED_ALPHABET.charAt(GeoCell.bits(cell.charAt(i)) ^ (stream[i] & 31)));
    }
    return id.toString();
  }

  /** The centre of the cell this ID was sealed with, when it is one of ours and there is a secret. */
  public Optional<Coordinates> place(String bookingId) {
    if (secret == null || bookingId == null || bookingId.length() != RANDOM_LENGTH + PLACE_PRECISION) {
      return Optional.empty();
    }
    String random = bookingId.substring(0, RANDOM_LENGTH);
    byte[] stream = keystream(random);
    StringBuilder cell = new StringBuilder(PLACE_PRECISION);
    for (int i = 0; i < PLACE_PRECISION; i++) {
      int sealed = SEALED_ALPHABET.indexOf(bookingId.charAt(RANDOM_LENGTH + i));
      if (sealed < 0) {
        return Optional.empty();
      }
      cell.append(GeoCell.character(sealed ^ (stream[i] & 31)));
    }
    return Optional.of(GeoCell.centre(cell.toString()));
  }

  private byte[] keystream(String random) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(secret);
      sha256.update((byte) 0);
      return sha256.digest(random.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
