package id.pijat.model.booking;

import java.time.Duration;

/** The lengths of massage on offer. */
public enum ServiceDuration {
  MINUTES_60(60),
  MINUTES_90(90),
  MINUTES_120(120);

  public static final ServiceDuration LONGEST = MINUTES_120;

  private final int minutes;

  ServiceDuration(int minutes) {
    this.minutes = minutes;
  }

  public static ServiceDuration ofMinutes(long minutes) {
    for (ServiceDuration duration : values()) {
      if (duration.minutes == minutes) {
        return duration;
      }
    }
    throw new IllegalArgumentException("must be 60, 90 or 120: " + minutes);
  }

  /**
   * Exactly "60", "90" or "120", as the client sends them (README, "What the functions answer"): no
   * sign, padding, spaces or other digits, which Long.parseLong would let through.
   */
  public static ServiceDuration parse(String text) {
    for (ServiceDuration duration : values()) {
      if (duration.code().equals(text)) {
        return duration;
      }
    }
    throw new IllegalArgumentException("must be 60, 90 or 120");
  }

  public int minutes() {
    return minutes;
  }

  public Duration length() {
    return Duration.ofMinutes(minutes);
  }

  /** The form clients send and see: "60", "90", "120" (README, "What the functions answer"). */
  public String code() {
    return Integer.toString(minutes);
  }
}
