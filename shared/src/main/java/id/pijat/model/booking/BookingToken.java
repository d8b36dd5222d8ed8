package id.pijat.model.booking;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The secret a guest gets once, in createBooking's answer, and shows on every later call. 256
 * random bits; only its SHA-256 is stored, and comparison takes the same time wherever it differs.
 */
public record BookingToken(String value) {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

  public BookingToken {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("is not a booking token");
    }
  }

  public static BookingToken generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new BookingToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public String hash() {
    return HexFormat.of().formatHex(sha256(value));
  }

  public boolean matches(String storedHash) {
    if (storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash().getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "BookingToken[redacted]";
  }
}
