package id.pijat.model.therapist;

import id.pijat.text.Excerpt;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider's week, read in the provider's own time zone: whether they are open at an instant is
 * decided by the wall clock where they work, so a Bali therapist open 08:00–22:00 is open 08:00–22:00
 * WITA, and a Berlin one keeps their hours across a daylight-saving change. A day without a row is
 * closed. A week a therapist sets is {@link #whole}: every day once, so an edit replaces the whole
 * week and no day of an earlier one lingers.
 */
public record WeeklyHours(ZoneId zone, Map<DayOfWeek, DayHours> days) {
  public static final String WHOLE_WEEK = "must hold each of the seven days once, monday to sunday";

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

  /** The rule for a zone: an IANA name the JVM knows ("Asia/Makassar"), not an offset. */
  public static ZoneId requireZone(String name) {
    // the region IDs of the JVM's time-zone database; offsets such as +08:00 follow no daylight saving
    if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
      throw new IllegalArgumentException(Excerpt.after("must be an IANA time zone such as Asia/Makassar", name));
    }
    return ZoneId.of(name);
  }

  public boolean isOpenAt(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    DayHours today = days.get(local.getDayOfWeek());
    DayHours yesterday = days.get(local.getDayOfWeek().minus(1));
    return (today != null && today.coversSameDay(local.toLocalTime()))
        || (yesterday != null && yesterday.coversNextDay(local.toLocalTime()));
  }
}
