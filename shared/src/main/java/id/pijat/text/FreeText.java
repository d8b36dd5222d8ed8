package id.pijat.text;

/**
 * The one rule for text a customer types (a name, an address, a cancel reason): trimmed, its length
 * counted in characters as Appwrite counts them (code points, PHP's mb_strlen), and nothing a
 * person cannot see or that changes how the text around it reads. Refused: C0 and C1 control
 * characters (NUL, a newline) and the line and paragraph separators U+2028 and U+2029 (line breaks
 * by another name), bidi embeddings, overrides and isolates (U+202E shows a name backwards to the
 * therapist), unpaired surrogates, and text without a single visible character: a letter, digit,
 * punctuation mark or symbol, the blank fillers some scripts have not counted. Text made only of
 * spaces, zero-width characters, variation selectors or combining marks with nothing to combine
 * with shows nothing. Zero-width joiners and variation selectors inside visible text stay: emoji
 * need them.
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
   * As {@link #within}, with line breaks allowed inside the text (a chat message): "\r\n", "\r",
   * U+2028 and U+2029 become "\n"; every other control character is refused as there.
   */
  public static String withLines(String text, String what, int min, int max) {
    return checked(
        text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n'),
        what, min, max, true);
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
      if ((Character.isISOControl(c) || isLineSeparator(c)) && !(lines && c == '\n')) {
        throw new IllegalArgumentException(what + " must not contain control characters");
      }
      if (isBidiControl(c)) {
        throw new IllegalArgumentException(what + " must not contain text direction controls");
      }
      // a code point, not a char: (char) c would cut U+2D800 (a CJK ideograph) down to the surrogate U+D800
      if (Character.getType(c) == Character.SURROGATE) {
        throw new IllegalArgumentException(what + " must be valid Unicode text");
      }
      visible |= isVisible(c);
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

  /** U+2028 and U+2029 (Unicode's categories Zl and Zp): a client shows them as a line break. */
  private static boolean isLineSeparator(int c) {
    int type = Character.getType(c);
    return type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * A letter, digit, punctuation mark or symbol, but not one of the blank fillers that Unicode files
   * as letters or symbols (Hangul fillers, the blank Braille pattern). Spaces, format characters,
   * combining marks, private-use and unassigned code points show nothing on their own.
   */
  private static boolean isVisible(int c) {
    if (c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || c == 0x2800) {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }
}
