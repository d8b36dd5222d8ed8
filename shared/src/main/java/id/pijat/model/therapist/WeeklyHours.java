package id.pijat.model.therapist;

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
 * closed.
 */
public record WeeklyHours(ZoneId zone, Map<DayOfWeek, DayHours> days) {
  public WeeklyHours {
    Objects.requireNonNull(zone, "zone");
    days = Map.copyOf(days);
  }

  public static WeeklyHours of(ZoneId zone, List<DayHours> rows) {
    Map<DayOfWeek, DayHours> days = new EnumMap<>(DayOfWeek.class);
    rows.forEach(row -> days.put(row.day(), row));
    return new WeeklyHours(zone, days);
  }

  public boolean isOpenAt(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    DayHours today = days.get(local.getDayOfWeek());
    DayHours yesterday = days.get(local.getDayOfWeek().minus(1));
    return (today != null && today.coversSameDay(local.toLocalTime()))
        || (yesterday != null && yesterday.coversNextDay(local.toLocalTime()));
  }
}
