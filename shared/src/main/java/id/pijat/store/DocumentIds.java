package id.pijat.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Document IDs as Appwrite accepts them: at most 36 of [a-zA-Z0-9._-], not starting with a special character. */
public final class DocumentIds {
  public static final int MAX_LENGTH = 36;
  private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}");
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz".toCharArray();

  private DocumentIds() {}

  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /** An ID a client names, refused with the whole rule, so that what it sent cannot seem to meet it. */
  public static String require(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("must be 1 to " + MAX_LENGTH + " letters, digits, '.', '-' or '_', starting with a letter or digit");
    }
    return id;
  }

  /**
   * An ID made from others, the same every time: {@code prefix + source} when that fits, else the
   * prefix and a hash of the source. Executions that race on such an ID meet on it.
   */
  public static String derived(String prefix, String source) {
    String id = prefix + source;
    return isValid(id) ? id : prefix + hashed(source, MAX_LENGTH - prefix.length());
  }

  /** The first {@code length} hex digits of the source's SHA-256: an ID part of a fixed size. */
  public static String hashed(String source, int length) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** 20 random characters: about 103 bits, as unlikely to collide as Appwrite's ID.unique(). */
  public static String unique() {
    char[] id = new char[20];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
