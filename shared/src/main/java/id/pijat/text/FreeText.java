package id.pijat.text;

/**
 * The one rule for text a customer types (a name, an address, a cancel reason): trimmed, its length
 * counted in characters as Appwrite counts them (code points, PHP's mb_strlen), and nothing a
 * person cannot see or that changes how the text around it reads. Refused: C0 and C1 control
 * characters (NUL, a newline), bidi embeddings, overrides and isolates (U+202E shows a name
 * backwards to the therapist), unpaired surrogates, and text made only of invisible characters
 * (zero-width spaces, fillers). Zero-width joiners inside visible text stay: emoji need them.
 */
public final class FreeText {
  private FreeText() {}

  /**
   * @param what how the message names the text ("name")
   * @return the text trimmed
   * @throws IllegalArgumentException naming what is wrong
   */
  public static String within(String text, String what, int min, int max) {
    return checked(text, what, min, max, false);
  }

  /**
   * As {@link #within}, with line breaks allowed inside the text (a chat message): "\r\n" and "\r"
   * become "\n"; every other control character is refused as there.
   */
  public static String withLines(String text, String what, int min, int max) {
    return checked(text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n'), what, min, max, true);
  }

  private static String checked(String text, String what, int min, int max, boolean lines) {
    if (text == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    String trimmed = text.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      throw new IllegalArgumentException(what + " must be " + min + " to " + max + " characters: " + length);
    }
    boolean visible = false;
    for (int i = 0; i < trimmed.length(); ) {
      int c = trimmed.codePointAt(i);
      if (Character.isISOControl(c) && !(lines && c == '\n')) {
        throw new IllegalArgumentException(what + " must not contain control characters");
      }
      if (isBidiControl(c)) {
        throw new IllegalArgumentException(what + " must not contain text direction controls");
      }
      if (Character.isSurrogate((char) c)) {
        throw new IllegalArgumentException(what + " must be valid Unicode text");
      }
      visible |= !isInvisible(c);
      i += Character.charCount(c);
    }
    if (!visible) {
      throw new IllegalArgumentException(what + " must contain visible characters");
    }
    return trimmed;
  }

  /** The explicit embeddings, overrides, isolates and marks (Unicode's Bidi_Control property). */
  private static boolean isBidiControl(int c) {
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  /** White space, format characters (zero-width space, joiners, BOM) and the blank fillers some scripts have. */
  private static boolean isInvisible(int c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT
        || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800 || c == 0x034F;
  }
}
