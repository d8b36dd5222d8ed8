package id.pijat.model.therapist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeeklyHoursTest {
  private static WeeklyHours everyDay(String zone, String start, String end) {
    List<DayHours> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      days.add(DayHours.of(day, true, start, end));
    }
    return WeeklyHours.of(ZoneId.of(zone), days);
  }

  /** 2026-11-23 is a Monday. 09:00–17:00 local in each of Indonesia's three zones (UTC+7, +8, +9). */
  @ParameterizedTest(name = "{0} at {1}: {2}")
  @CsvSource({
    "Asia/Jakarta,   2026-11-23T01:59:59Z, false",
    "Asia/Jakarta,   2026-11-23T02:00:00Z, true",
    "Asia/Jakarta,   2026-11-23T09:59:59Z, true",
    "Asia/Jakarta,   2026-11-23T10:00:00Z, false",
    "Asia/Makassar,  2026-11-23T00:59:59Z, false",
    "Asia/Makassar,  2026-11-23T01:00:00Z, true",
    "Asia/Makassar,  2026-11-23T08:59:59Z, true",
    "Asia/Makassar,  2026-11-23T09:00:00Z, false",
    "Asia/Jayapura,  2026-11-22T23:59:59Z, false",
    "Asia/Jayapura,  2026-11-23T00:00:00Z, true",
    "Asia/Jayapura,  2026-11-23T07:59:59Z, true",
    "Asia/Jayapura,  2026-11-23T08:00:00Z, false",
  })
  void nineToFiveIsReadOnTheProvidersOwnClock(String zone, String instant, boolean open) {
    assertEquals(open, everyDay(zone, "09:00", "17:00").isOpenAt(Instant.parse(instant)));
  }

  /** Berlin moves from UTC+2 to UTC+1 on 2026-10-25: 09:00 local is 07:00Z before and 08:00Z after. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2026-10-24T06:59:59Z, false",
    "2026-10-24T07:00:00Z, true",
    "2026-10-25T07:30:00Z, false",
    "2026-10-25T08:00:00Z, true",
    "2026-10-25T15:59:59Z, true",
    "2026-10-25T16:00:00Z, false",
  })
  void daylightSavingMovesTheWindowWithTheWallClock(String instant, boolean open) {
    assertEquals(open, everyDay("Europe/Berlin", "09:00", "17:00").isOpenAt(Instant.parse(instant)));
  }

  /** New York springs forward on 2026-03-08: 02:30 local does not exist that night. */
  @Test
  void aWindowAcrossTheSpringForwardGapStaysOpenAroundIt() {
    WeeklyHours night = everyDay("America/New_York", "22:00", "06:00");
    assertTrue(night.isOpenAt(Instant.parse("2026-03-08T06:59:00Z")), "01:59 EST");
    assertTrue(night.isOpenAt(Instant.parse("2026-03-08T07:00:00Z")), "03:00 EDT");
    assertTrue(night.isOpenAt(Instant.parse("2026-03-08T09:59:00Z")), "05:59 EDT");
    assertFalse(night.isOpenAt(Instant.parse("2026-03-08T10:00:00Z")), "06:00 EDT");
  }

  /** Open Friday 22:00 to 02:00, closed Saturday: Saturday 01:00 belongs to Friday's window. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "2026-11-27T13:59:59Z, false",
    "2026-11-27T14:00:00Z, true",
    "2026-11-27T17:00:00Z, true",
    "2026-11-27T17:59:59Z, true",
    "2026-11-27T18:00:00Z, false",
    "2026-11-28T14:00:00Z, false",
    "2026-11-28T17:00:00Z, false",
  })
  void aWindowAcrossMidnightCoversBothDaysItTouches(String instant, boolean open) {
    WeeklyHours week =
        WeeklyHours.of(
            ZoneId.of("Asia/Makassar"),
            List.of(
                DayHours.of(DayOfWeek.FRIDAY, true, "22:00", "02:00"),
                DayHours.of(DayOfWeek.SATURDAY, false, "22:00", "02:00")));
    assertEquals(open, week.isOpenAt(Instant.parse(instant)));
  }

  @Test
  void aSessionMustFitTheHoursToItsEndNotJustStartInThem() {
    // 08:00–17:00 in Makassar (UTC+8); 2026-11-23 is a Monday
    WeeklyHours day = everyDay("Asia/Makassar", "08:00", "17:00");
    Instant fourPm = Instant.parse("2026-11-23T08:00:00Z");
    Instant halfPastFour = Instant.parse("2026-11-23T08:30:00Z");

    assertTrue(day.isOpenThrough(fourPm, fourPm.plus(Duration.ofMinutes(60))), "16:00 to 17:00, the last hour");
    assertFalse(day.isOpenThrough(halfPastFour, halfPastFour.plus(Duration.ofMinutes(60))), "16:30 to 17:30 runs past closing");
    assertTrue(day.isOpenAt(halfPastFour), "though open when it starts");
    // open until midnight with the next day closed: 23:30 to 01:30 runs into a closed day
    List<DayHours> mondayOnly = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      mondayOnly.add(DayHours.of(d, d == DayOfWeek.MONDAY, "08:00", "24:00"));
    }
    WeeklyHours week = WeeklyHours.of(ZoneId.of("Asia/Makassar"), mondayOnly);
    Instant lateMonday = Instant.parse("2026-11-23T15:30:00Z");
    assertFalse(week.isOpenThrough(lateMonday, lateMonday.plus(Duration.ofMinutes(120))));
    assertTrue(week.isOpenThrough(lateMonday, lateMonday.plus(Duration.ofMinutes(30))));
  }

  @Test
  void aClosedDayAndADayWithoutARowAreClosed() {
    WeeklyHours week =
        WeeklyHours.of(
            ZoneId.of("Asia/Jakarta"),
            List.of(
                DayHours.of(DayOfWeek.MONDAY, false, "00:00", "24:00"),
                DayHours.of(DayOfWeek.WEDNESDAY, true, "00:00", "24:00")));
    assertFalse(week.isOpenAt(Instant.parse("2026-11-23T05:00:00Z")), "Monday, closed");
    assertFalse(week.isOpenAt(Instant.parse("2026-11-24T05:00:00Z")), "Tuesday, no row");
    assertTrue(week.isOpenAt(Instant.parse("2026-11-25T05:00:00Z")), "Wednesday, all day");
    assertTrue(week.isOpenAt(Instant.parse("2026-11-25T16:59:59Z")), "Wednesday 23:59:59");
    assertFalse(week.isOpenAt(Instant.parse("2026-11-25T17:00:00Z")), "Thursday 00:00, no row");
  }

  @Test
  void aMalformedTimeNamesTheField() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DayHours.of(DayOfWeek.MONDAY, true, "9am", "17:00"));
    assertEquals("startTime must be HH:MM, 00:00 to 23:59: 9am", e.getMessage());
  }
}
