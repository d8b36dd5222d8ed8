package id.pijat.model.therapist;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One row of a provider's week (`provider_availability` in appwrite.json): open or closed that day,
 * from {@code start} to {@code end} in the provider's own zone. An end at or before the start means
 * the window runs past midnight into the next day (22:00 to 02:00); "24:00" is written as {@link
 * #END_OF_DAY}.
 */
public record DayHours(DayOfWeek day, boolean open, LocalTime start, LocalTime end, boolean endsAtMidnight) {
  public static final String END_OF_DAY = "24:00";

  public DayHours {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  /** @param start "HH:mm"; @param end "HH:mm" or "24:00" */
  public static DayHours of(DayOfWeek day, boolean open, String start, String end) {
    boolean endsAtMidnight = END_OF_DAY.equals(end);
    return new DayHours(day, open, parse("startTime", start), endsAtMidnight ? LocalTime.MIDNIGHT : parse("endTime", end), endsAtMidnight);
  }

  public boolean crossesMidnight() {
    return !endsAtMidnight && !end.isAfter(start);
  }

  /** Open at this wall-clock time of its own day (the part before midnight). */
  boolean coversSameDay(LocalTime time) {
    if (!open || time.isBefore(start)) {
      return false;
    }
    return endsAtMidnight || crossesMidnight() || time.isBefore(end);
  }

  /** Open at this wall-clock time of the next day (the part after midnight). */
  boolean coversNextDay(LocalTime time) {
    return open && crossesMidnight() && time.isBefore(end);
  }

  private static LocalTime parse(String field, String text) {
    if (text == null || !text.matches("\\d{2}:\\d{2}")) {
      throw new IllegalArgumentException(field + " must be HH:mm: " + text);
    }
    return LocalTime.parse(text);
  }
}
