package id.pijat.store;

import java.security.SecureRandom;
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

  /**
   * An ID made from others, the same every time: {@code prefix + source} when that fits, else the
   * prefix and a hash of the source. Executions that race on such an ID meet on it.
   */
  public static String derived(String prefix, String source) {
    String id = prefix + source;
    if (isValid(id)) {
      return id;
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return prefix + java.util.HexFormat.of().formatHex(digest).substring(0, MAX_LENGTH - prefix.length());
    } catch (java.security.NoSuchAlgorithmException e) {
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
