package id.pijat.local.schedule;

import java.time.ZonedDateTime;
import java.util.BitSet;

/**
 * A five-field cron expression as Appwrite's scheduler reads a function's {@code schedule}:
 * minute, hour, day of month, month, day of week (0 or 7 is Sunday); each field {@code *}, a
 * number, a range {@code a-b}, a step ({@code a-b/n}, or an asterisk, a slash and n), or a list of those. As in cron,
 * when both day fields are restricted a day matching either one counts.
 */
public record CronSchedule(String expression, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek,
    boolean anyDayOfMonth, boolean anyDayOfWeek) {

  public static CronSchedule parse(String expression) {
    String[] fields = expression.trim().split("\\s+");
    if (fields.length != 5) {
      throw new IllegalArgumentException("a cron schedule has five fields: " + expression);
    }
    BitSet daysOfWeek = field(fields[4], 0, 7, "day of week");
    if (daysOfWeek.get(7)) {
      daysOfWeek.set(0);
    }
    return new CronSchedule(
        expression,
        field(fields[0], 0, 59, "minute"),
        field(fields[1], 0, 23, "hour"),
        field(fields[2], 1, 31, "day of month"),
        field(fields[3], 1, 12, "month"),
        daysOfWeek,
        fields[2].equals("*"),
        fields[4].equals("*"));
  }

  /** Whether the schedule fires in the minute that contains this time. */
  public boolean matches(ZonedDateTime time) {
    if (!minutes.get(time.getMinute()) || !hours.get(time.getHour()) || !months.get(time.getMonthValue())) {
      return false;
    }
    boolean dayOfMonth = daysOfMonth.get(time.getDayOfMonth());
    boolean dayOfWeek = daysOfWeek.get(time.getDayOfWeek().getValue() % 7);
    if (anyDayOfMonth || anyDayOfWeek) {
      return dayOfMonth && dayOfWeek;
    }
    return dayOfMonth || dayOfWeek;
  }

  private static BitSet field(String text, int min, int max, String name) {
    BitSet values = new BitSet();
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), 1, max, name);
      }
      int from;
      int to;
      if (range.equals("*")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        from = number(range.substring(0, range.indexOf('-')), min, max, name);
        to = number(range.substring(range.indexOf('-') + 1), min, max, name);
      } else {
        from = number(range, min, max, name);
        to = slash >= 0 ? max : from;
      }
      if (from > to) {
        throw new IllegalArgumentException(name + " range runs backwards: " + part);
      }
      for (int value = from; value <= to; value += step) {
        values.set(value);
      }
    }
    return values;
  }

  private static int number(String text, int min, int max, String name) {
    try {
      int value = Integer.parseInt(text);
      if (value < min || value > max) {
        throw new IllegalArgumentException(name + " must be " + min + " to " + max + ": " + text);
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a number: " + text);
    }
  }
}
