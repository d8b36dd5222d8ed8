package id.pijat.model.booking;

/** Immediate bookings want a therapist now; scheduled ones at their scheduledAt. */
public enum BookingMode {
  IMMEDIATE("immediate"),
  SCHEDULED("scheduled");

  private final String code;

  BookingMode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static BookingMode fromCode(String code) {
    return switch (code) {
      case "immediate" -> IMMEDIATE;
      case "scheduled" -> SCHEDULED;
      default -> throw new IllegalArgumentException("unknown booking mode: " + code);
    };
  }
}
