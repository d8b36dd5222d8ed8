package id.pijat.booking;

/** Length rules for free text, counted in characters after trimming. */
final class Texts {
  private Texts() {}

  static String trimmedWithin(String text, String what, int min, int max) {
    if (text == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    String trimmed = text.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      throw new IllegalArgumentException(
          what + " must be " + min + " to " + max + " characters: " + length);
    }
    if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      throw new IllegalArgumentException(what + " must not contain control characters");
    }
    return trimmed;
  }
}
