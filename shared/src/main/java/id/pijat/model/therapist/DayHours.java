package id.pijat.model.therapist;

import id.pijat.text.Excerpt;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of a provider's week (`provider_availability` in appwrite.json): open or closed that day,
 * from {@code start} to {@code end} in the provider's own zone. An end before the start means the
 * window runs past midnight into the next day (22:00 to 02:00); "24:00" is written as {@link
 * #END_OF_DAY}. An open day whose end equals its start is refused: it would read as either nothing or
 * a whole day, and 00:00 to 24:00 says the whole day plainly. A closed day keeps no times.
 */
public record DayHours(DayOfWeek day, boolean open, LocalTime start, LocalTime end, boolean endsAtMidnight) {
  public static final String END_OF_DAY = "24:00";
  private static final String SAME_START_AND_END = "must differ from startTime (00:00 to 24:00 is the whole day): ";
  private static final Pattern HH_MM = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  public DayHours {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (open && !endsAtMidnight && start.equals(end)) {
      throw new IllegalArgumentException(SAME_START_AND_END + start);
    }
  }

  /** @param start "HH:MM"; @param end "HH:MM" or "24:00" */
  public static DayHours of(DayOfWeek day, boolean open, String start, String end) {
    if (!open && start == null && end == null) {
      return closed(day);
    }
    boolean endsAtMidnight = END_OF_DAY.equals(end);
    return new DayHours(day, open, named("startTime", start, false), named("endTime", end, true), endsAtMidnight);
  }

  /** A day off: no hours. */
  public static DayHours closed(DayOfWeek day) {
    return new DayHours(day, false, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, false);
  }

  /** The rule for a start time, for readers that name the field themselves. */
  public static LocalTime requireStart(String text) {
    if (text == null || !HH_MM.matcher(text).matches()) {
      throw new IllegalArgumentException(Excerpt.after("must be HH:MM, 00:00 to 23:59", text));
    }
    return LocalTime.parse(text);
  }

  /** The rule for an end time: as a start, or "24:00" for the end of the day. */
  public static LocalTime requireEnd(String text) {
    if (END_OF_DAY.equals(text)) {
      return LocalTime.MIDNIGHT;
    }
    if (text == null || !HH_MM.matcher(text).matches()) {
      throw new IllegalArgumentException(Excerpt.after("must be HH:MM, 00:00 to 23:59, or 24:00", text));
    }
    return LocalTime.parse(text);
  }

  /** The day as `dayOfWeek` holds it (appwrite.json, seed 004): "monday" to "sunday". */
  public static String name(DayOfWeek day) {
    return day.name().toLowerCase(Locale.ROOT);
  }

  /** The rule for a day's name: "monday" to "sunday", in lower case as the rows hold it. */
  public static DayOfWeek requireDay(String name) {
    for (DayOfWeek day : DayOfWeek.values()) {
      if (name(day).equals(name)) {
        return day;
      }
    }
    throw new IllegalArgumentException(Excerpt.after("must be monday, tuesday, wednesday, thursday, friday, saturday or sunday", name));
  }

  /** "HH:MM", as the row holds it; null on a closed day. */
  public String startText() {
    return open ? start.toString() : null;
  }

  /** "HH:MM" or "24:00", as the row holds it; null on a closed day. */
  public String endText() {
    return !open ? null : endsAtMidnight ? END_OF_DAY : end.toString();
  }

  public boolean crossesMidnight() {
    return !endsAtMidnight && end.isBefore(start);
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

  private static LocalTime named(String field, String text, boolean isEnd) {
    try {
      return isEnd ? requireEnd(text) : requireStart(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " " + e.getMessage());
    }
  }
}
