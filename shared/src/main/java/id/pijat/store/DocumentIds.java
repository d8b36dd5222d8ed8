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

  /** 20 random characters: about 103 bits, as unlikely to collide as Appwrite's ID.unique(). */
  public static String unique() {
    char[] id = new char[20];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
