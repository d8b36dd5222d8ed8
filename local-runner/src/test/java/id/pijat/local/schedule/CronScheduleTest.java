package id.pijat.local.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.testing.MutableClock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronScheduleTest {
  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource({
    "*/5 * * * *,      2026-11-23T10:05:00Z, true",
    "*/5 * * * *,      2026-11-23T10:06:00Z, false",
    "0 3 * * *,        2026-11-23T03:00:00Z, true",
    "0 3 * * *,        2026-11-23T04:00:00Z, false",
    "15-45/15 * * * *, 2026-11-23T04:45:00Z, true",
    "15-45/15 * * * *, 2026-11-23T04:50:00Z, false",
    "0 0 * * 0,        2026-11-22T00:00:00Z, true",
    "0 0 * * 7,        2026-11-22T00:00:00Z, true",
    "0 0 * * 1,        2026-11-22T00:00:00Z, false",
    "0 0 1 * 1,        2026-11-23T00:00:00Z, true",
    "'0 0 1,15 * *',   2026-11-15T00:00:00Z, true",
  })
  void matchesTheMinutesItNames(String expression, String time, boolean matches) {
    assertEquals(matches, CronSchedule.parse(expression).matches(ZonedDateTime.parse(time)));
  }

  @Test
  void aMalformedScheduleNamesWhatIsWrong() {
    assertEquals("a cron schedule has five fields: */5 * * *",
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("*/5 * * *")).getMessage());
    assertEquals("minute must be 0 to 59: 60",
        assertThrows(IllegalArgumentException.class, () -> CronSchedule.parse("60 * * * *")).getMessage());
  }

  @Test
  void theSchedulerFiresOncePerMatchingMinute() {
    MutableClock clock = MutableClock.at("2026-11-23T10:04:59Z");
    List<String> fired = new ArrayList<>();
    Scheduler scheduler = new Scheduler(Map.of("cleanupSessions", CronSchedule.parse("*/5 * * * *")), clock, fired::add);

    scheduler.tick();
    clock.advance(Duration.ofSeconds(1));
    scheduler.tick();
    clock.advance(Duration.ofSeconds(30));
    scheduler.tick();
    clock.advance(Duration.ofMinutes(5));
    scheduler.tick();

    assertEquals(List.of("cleanupSessions", "cleanupSessions"), fired, "at 10:05 and at 10:10, once each");
  }
}
