package id.pijat.text;

/**
 * What an error message may repeat of a value a client sent: enough to recognise it, never a page of
 * it, and nothing that changes how the message around it reads when a client shows it. Left out:
 * control and format characters (bidi overrides, zero-width characters), line and paragraph
 * separators, surrogates, private-use and unassigned code points, and '<' and '>', so that no markup
 * reaches a message the contract calls safe to show a customer.
 */
public final class Excerpt {
  /** Code points kept of a value; a longer one is cut and ends with an ellipsis. */
  public static final int MAX_LENGTH = 40;

  private Excerpt() {}

  /** The value as a message may show it; empty when nothing of it may be shown. */
  public static String of(String value) {
    if (value == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder();
    int count = 0;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (!shown(c)) {
        continue;
      }
      if (count == MAX_LENGTH) {
        return kept.append('\u2026').toString();
      }
      kept.appendCodePoint(c);
      count++;
    }
    return kept.toString();
  }

  /** "must be HH:MM: 9am": the rule, then what was sent, or the rule alone when nothing of it may be shown. */
  public static String after(String rule, String value) {
    String excerpt = of(value);
    return excerpt.isEmpty() ? rule : rule + ": " + excerpt;
  }

  private static boolean shown(int c) {
    if (c == '<' || c == '>') {
      return false;
    }
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED -> false;
      default -> true;
    };
  }
}
