package id.pijat.model.therapist;

import id.pijat.text.Excerpt;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A provider's week, read in the provider's own time zone: whether they are open at an instant is
 * decided by the wall clock where they work, so a Bali therapist open 08:00–22:00 is open 08:00–22:00
 * WITA, and a Berlin one keeps their hours across a daylight-saving change. A day without a row is
 * closed. A week a therapist sets is {@link #whole}: every day once, so an edit replaces the whole
 * week and no day of an earlier one lingers.
 */
public record WeeklyHours(ZoneId zone, Map<DayOfWeek, DayHours> days) {
  /** How finely a session is held against the hours. */
  private static final Duration CHECK_EVERY = Duration.ofMinutes(5);
  private static final Duration LAST_MINUTE = Duration.ofMinutes(1);

  public static final String WHOLE_WEEK = "must hold each of the seven days once, monday to sunday";
  private static final String REGION_ZONE = "must be a region time zone, Area/Location, such as Asia/Makassar";
  /** The IANA database's areas of regions; Etc, SystemV, US and the rest hold fixed offsets and legacy names. */
  private static final Pattern REGION =
      Pattern.compile("(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z0-9_+\\-]+(?:/[A-Za-z0-9_+\\-]+)*");

  public WeeklyHours {
    Objects.requireNonNull(zone, "zone");
    days = Map.copyOf(days);
  }

  public static WeeklyHours of(ZoneId zone, List<DayHours> rows) {
    Map<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
    rows.forEach(row -> days.put(row.day(), row));
    return new WeeklyHours(zone, days);
  }

  /** A week with a row for each of the seven days, each once. */
  public static WeeklyHours whole(ZoneId zone, List<DayHours> rows) {
    WeeklyHours week = of(zone, rows);
    if (rows.size() != DayOfWeek.values().length || week.days().size() != rows.size()) {
      throw new IllegalArgumentException(WHOLE_WEEK);
    }
    return week;
  }

  /**
   * The rule for a zone: a region zone of the IANA database that the JVM knows, Area/Location
   * ("Asia/Makassar", "America/Argentina/Buenos_Aires"). Offsets ("+08:00"), fixed-offset and legacy
   * zones ("UTC", "Etc/GMT-8", "SystemV/AST4", "US/Eastern") and abbreviations ("WITA") are refused:
   * only a region follows the daylight saving of the place, so only it keeps a therapist's
   * wall-clock hours across a change.
   */
  public static ZoneId requireZone(String name) {
    if (name == null || !REGION.matcher(name).matches() || !ZoneId.getAvailableZoneIds().contains(name)) {
      throw new IllegalArgumentException(Excerpt.after(REGION_ZONE, name));
    }
    return ZoneId.of(name);
  }

  /**
   * Whether the therapist is open for the whole of a session, from {@code start} to {@code end}:
   * checked every {@link #CHECK_EVERY} and in its last minute, so a window that closes, or a
   * night's window that ends, before the session does is found (a session is at most two hours).
   */
  public boolean isOpenThrough(Instant start, Instant end) {
    for (Instant at = start; at.isBefore(end); at = at.plus(CHECK_EVERY)) {
      if (!isOpenAt(at)) {
        return false;
      }
    }
    return isOpenAt(end.minus(LAST_MINUTE));
  }

  public boolean isOpenAt(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    DayHours today = days.get(local.getDayOfWeek());
    DayHours yesterday = days.get(local.getDayOfWeek().minus(1));
    return (today != null && today.coversSameDay(local.toLocalTime()))
        || (yesterday != null && yesterday.coversNextDay(local.toLocalTime()));
  }
}
