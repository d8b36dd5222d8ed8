package id.pijat.model.booking;

import java.util.regex.Pattern;

/**
 * An Indonesian mobile number, held as +62 followed by the subscriber number. Customers type it
 * as 08…, 62… or +62…, with spaces and dashes.
 */
public record WhatsAppNumber(String value) {
  /** Indonesian mobile numbers start with 8 after the country code and have 9 to 12 digits then. */
  private static final Pattern NORMALISED = Pattern.compile("\\+628\\d{8,11}");

  private static final Pattern TYPED = Pattern.compile("[+]?[0-9 \\-]+");

  public WhatsAppNumber {
    if (value == null || !NORMALISED.matcher(value).matches()) {
      throw new IllegalArgumentException("must be an Indonesian mobile number as +628…: " + value);
    }
  }

  public static WhatsAppNumber parse(String typed) {
    if (typed == null || typed.length() > 32 || !TYPED.matcher(typed.strip()).matches()) {
      throw new IllegalArgumentException("must be an Indonesian mobile number (08…, 62… or +62…)");
    }
    String digits = typed.strip().replaceAll("[ \\-]", "");
    String national;
    if (digits.startsWith("+62")) {
      national = digits.substring(3);
    } else if (digits.startsWith("62")) {
      national = digits.substring(2);
    } else if (digits.startsWith("0")) {
      national = digits.substring(1);
    } else {
      throw new IllegalArgumentException("must start with 08, 62 or +62");
    }
    String normalised = "+62" + national;
    if (!NORMALISED.matcher(normalised).matches()) {
      throw new IllegalArgumentException("must be an Indonesian mobile number (08…, 62… or +62…)");
    }
    return new WhatsAppNumber(normalised);
  }
}
