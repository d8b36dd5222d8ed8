package id.pijat.fairuse;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code count} requests in any span of {@code per}. Written "6/600" (count/seconds) in the
 * function variables. The count is small (at most 50) because a check reads the counters of the
 * current and the previous window in one page.
 */
public record Rate(int count, Duration per) {
  public static final int MAX_COUNT = 50;

  public Rate {
    Objects.requireNonNull(per, "per");
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("a rate's count must be 1 to " + MAX_COUNT + ": " + count);
    }
    if (per.toSeconds() < 1 || per.compareTo(Duration.ofDays(7)) > 0) {
      throw new IllegalArgumentException("a rate's window must be 1 s to 7 days: " + per);
    }
  }

  public static Rate of(int count, Duration per) {
    return new Rate(count, per);
  }

  /** "6/600": six per ten minutes. */
  public static Rate parse(String text) {
    String[] parts = text.strip().split("/");
    try {
      if (parts.length == 2) {
        return new Rate(Integer.parseInt(parts[0].strip()), Duration.ofSeconds(Long.parseLong(parts[1].strip())));
      }
    } catch (NumberFormatException e) {
      // refused below with the expected form
    }
    throw new IllegalArgumentException("a rate is written count/seconds, like 6/600: " + text);
  }
}
