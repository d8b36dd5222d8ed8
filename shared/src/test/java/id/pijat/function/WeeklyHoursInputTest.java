package id.pijat.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.error.ErrorCode;
import id.pijat.error.FieldProblem;
import id.pijat.error.Rejection;
import id.pijat.model.therapist.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** setWeeklyHours' body, good and bad, as a table: every bad one names its field. */
class WeeklyHoursInputTest {
  private static final List<String> DAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private static String day(String name, String rest) {
    return "{\"dayOfWeek\":\"" + name + "\"," + rest + "}";
  }

  private static String open(String name, String start, String end) {
    return day(name, "\"isAvailable\":true,\"startTime\":\"" + start + "\",\"endTime\":\"" + end + "\"");
  }

  /** Monday to Sunday 09:00–17:00, with the row at {@code index} replaced (null: left as it is). */
  private static String week(String zone, int index, String row) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < DAYS.size(); i++) {
      rows.add(i == index ? row : open(DAYS.get(i), "09:00", "17:00"));
    }
    return "{\"timezone\":\"" + zone + "\",\"days\":[" + String.join(",", rows) + "]}";
  }

  private static String week(int index, String row) {
    return week("Asia/Makassar", index, row);
  }

  private static WeeklyHours parse(String body) {
    return TherapistInput.weeklyHours(JsonInput.parse(body));
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("zone missing", week(-1, null).replace("\"timezone\":\"Asia/Makassar\",", ""), "timezone"),
        Arguments.of("zone unknown", week("Mars/Olympus", -1, null), "timezone"),
        Arguments.of("zone as an offset", week("+08:00", -1, null), "timezone"),
        Arguments.of("zone abbreviation", week("WITA", -1, null), "timezone"),
        Arguments.of("zone UTC", week("UTC", -1, null), "timezone"),
        Arguments.of("zone Etc/GMT-8", week("Etc/GMT-8", -1, null), "timezone"),
        Arguments.of("zone Etc/UTC", week("Etc/UTC", -1, null), "timezone"),
        Arguments.of("zone SystemV/AST4", week("SystemV/AST4", -1, null), "timezone"),
        Arguments.of("zone US/Eastern", week("US/Eastern", -1, null), "timezone"),
        Arguments.of("zone GMT0", week("GMT0", -1, null), "timezone"),
        Arguments.of("zone in lower case", week("asia/makassar", -1, null), "timezone"),
        Arguments.of("days missing", "{\"timezone\":\"Asia/Makassar\"}", "days"),
        Arguments.of("days not a list", "{\"timezone\":\"Asia/Makassar\",\"days\":{}}", "days"),
        Arguments.of("no days", "{\"timezone\":\"Asia/Makassar\",\"days\":[]}", "days"),
        Arguments.of("six days", week(-1, null).replace("," + open("sunday", "09:00", "17:00"), ""), "days"),
        Arguments.of("eight days", week(6, open("sunday", "09:00", "17:00") + "," + open("sunday", "10:00", "11:00")), "days[7].dayOfWeek days"),
        Arguments.of("a day given twice", week(6, open("monday", "09:00", "17:00")), "days[6].dayOfWeek days"),
        Arguments.of("a row that is no object", week(2, "\"wednesday\""), "days[2] days"),
        Arguments.of("day in capitals", week(2, open("Wednesday", "09:00", "17:00")), "days[2].dayOfWeek"),
        Arguments.of("day as a number", week(2, "{\"dayOfWeek\":3,\"isAvailable\":true,\"startTime\":\"09:00\",\"endTime\":\"17:00\"}"), "days[2].dayOfWeek"),
        Arguments.of("day missing", week(2, "{\"isAvailable\":true,\"startTime\":\"09:00\",\"endTime\":\"17:00\"}"), "days[2].dayOfWeek"),
        Arguments.of("isAvailable missing", week(2, day("wednesday", "\"startTime\":\"09:00\",\"endTime\":\"17:00\"")), "days[2].isAvailable"),
        Arguments.of("isAvailable as string", week(2, day("wednesday", "\"isAvailable\":\"yes\",\"startTime\":\"09:00\",\"endTime\":\"17:00\"")), "days[2].isAvailable"),
        Arguments.of("open without a start", week(2, day("wednesday", "\"isAvailable\":true,\"endTime\":\"17:00\"")), "days[2].startTime"),
        Arguments.of("open without an end", week(2, day("wednesday", "\"isAvailable\":true,\"startTime\":\"09:00\"")), "days[2].endTime"),
        Arguments.of("start 9am", week(2, open("wednesday", "9am", "17:00")), "days[2].startTime"),
        Arguments.of("start without leading zero", week(2, open("wednesday", "9:00", "17:00")), "days[2].startTime"),
        Arguments.of("start with seconds", week(2, open("wednesday", "09:00:00", "17:00")), "days[2].startTime"),
        Arguments.of("start 24:00", week(2, open("wednesday", "24:00", "06:00")), "days[2].startTime"),
        Arguments.of("end 25:00", week(2, open("wednesday", "09:00", "25:00")), "days[2].endTime"),
        Arguments.of("end 17:60", week(2, open("wednesday", "09:00", "17:60")), "days[2].endTime"),
        Arguments.of("end 24:01", week(2, open("wednesday", "09:00", "24:01")), "days[2].endTime"),
        Arguments.of("end equals start", week(2, open("wednesday", "09:00", "09:00")), "days[2].endTime"),
        Arguments.of("closed with a bad time", week(2, day("wednesday", "\"isAvailable\":false,\"startTime\":\"late\"")), "days[2].startTime"),
        Arguments.of("unknown field in a day", week(2, day("wednesday", "\"isAvailable\":false,\"breakTime\":\"12:00\"")), "days[2].breakTime"),
        Arguments.of("a time given twice in a day", week(2, day("wednesday", "\"isAvailable\":true,\"startTime\":\"09:00\",\"startTime\":\"10:00\",\"endTime\":\"17:00\"")), "days[2].startTime"),
        Arguments.of("zone given twice", week(-1, null).replace("{\"timezone\"", "{\"timezone\":\"Europe/Berlin\",\"timezone\""), "timezone"),
        Arguments.of("unknown field", week(-1, null).replace("{\"timezone\"", "{\"providerId\":\"ayu\",\"timezone\""), "providerId"));
  }

  /** A day given twice also leaves the week short of a day: both are said. */
  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("refusals")
  void refusesNamingTheField(String name, String body, String fields) {
    Rejection refused = assertThrows(Rejection.class, () -> parse(body));

    assertEquals(ErrorCode.INVALID_INPUT, refused.code());
    assertEquals(List.of(fields.split(" ")), refused.details().stream().map(FieldProblem::field).distinct().toList(), name + ": " + refused.details());
  }

  @Test
  void aLongBadValueIsRepeatedAsAShortExcerptWithoutControlsOrMarkup() {
    String body = week(2, open("\u202E<i>" + "w".repeat(10_000), "09:00", "17:00"));

    Rejection refused = assertThrows(Rejection.class, () -> parse(body));

    String problem = "must be monday, tuesday, wednesday, thursday, friday, saturday or sunday: i" + "w".repeat(39) + "\u2026";
    assertEquals(new FieldProblem("days[2].dayOfWeek", problem), refused.details().get(0));
    assertEquals("days[2].dayOfWeek " + problem, refused.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Asia/Makassar", "Asia/Jakarta", "Europe/Berlin", "America/Argentina/Buenos_Aires", "Australia/Perth",
      "Pacific/Auckland", "Indian/Maldives", "Antarctica/Troll", "Arctic/Longyearbyen", "Atlantic/Azores", "Africa/Nairobi"})
  void aRegionZoneIsKept(String zone) {
    assertEquals(ZoneId.of(zone), parse(week(zone, -1, null)).zone());
  }

  @Test
  void aZoneThatIsNoRegionIsRefusedSayingWhatIsWanted() {
    Rejection refused = assertThrows(Rejection.class, () -> parse(week("Etc/GMT-8", -1, null)));

    assertEquals("timezone must be a region time zone, Area/Location, such as Asia/Makassar: Etc/GMT-8", refused.getMessage());
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    String body = "{\"timezone\":\"Nowhere/City\",\"days\":["
        + open("monday", "9", "17:00") + "," + open("monday", "08:00", "08:00") + "," + day("someday", "\"isAvailable\":false") + "]}";

    Rejection refused = assertThrows(Rejection.class, () -> parse(body));

    assertEquals(
        List.of("timezone", "days[0].startTime", "days[1].dayOfWeek", "days[1].endTime", "days[2].dayOfWeek", "days"),
        refused.details().stream().map(FieldProblem::field).toList());
  }

  @Test
  void aWholeWeekIsReadWithMidnightEndsWindowsAcrossMidnightAndDaysOff() {
    String body = "{\"timezone\":\"Europe/Berlin\",\"days\":["
        + open("monday", "00:00", "24:00") + "," + open("tuesday", "20:00", "04:00") + ","
        + day("wednesday", "\"isAvailable\":false") + "," + day("thursday", "\"isAvailable\":false,\"startTime\":\"09:00\",\"endTime\":\"17:00\"") + ","
        + open("friday", "09:00", "17:00") + "," + open("saturday", "09:00", "17:00") + "," + open("sunday", "18:00", "24:00") + "]}";

    WeeklyHours week = parse(body);

    assertEquals(ZoneId.of("Europe/Berlin"), week.zone());
    assertEquals(7, week.days().size());
    assertTrue(week.days().get(DayOfWeek.MONDAY).endsAtMidnight());
    assertTrue(week.days().get(DayOfWeek.TUESDAY).crossesMidnight());
    assertFalse(week.days().get(DayOfWeek.THURSDAY).open(), "a closed day's times are not kept");
    // Wednesday 2026-11-25 03:00 CET is inside Tuesday's window; 05:00 is not, and Wednesday is off
    assertTrue(week.isOpenAt(Instant.parse("2026-11-25T02:00:00Z")));
    assertFalse(week.isOpenAt(Instant.parse("2026-11-25T04:00:00Z")));
  }

  @Test
  void theWeekIsAnsweredAsItWasSent() {
    String body = week(2, day("wednesday", "\"isAvailable\":false"));

    Object answered = TherapistJson.week(parse(body));

    assertEquals(
        "{timezone=Asia/Makassar, days=[{dayOfWeek=monday, isAvailable=true, startTime=09:00, endTime=17:00}, "
            + "{dayOfWeek=tuesday, isAvailable=true, startTime=09:00, endTime=17:00}, "
            + "{dayOfWeek=wednesday, isAvailable=false, startTime=null, endTime=null}, "
            + "{dayOfWeek=thursday, isAvailable=true, startTime=09:00, endTime=17:00}, "
            + "{dayOfWeek=friday, isAvailable=true, startTime=09:00, endTime=17:00}, "
            + "{dayOfWeek=saturday, isAvailable=true, startTime=09:00, endTime=17:00}, "
            + "{dayOfWeek=sunday, isAvailable=true, startTime=09:00, endTime=17:00}]}",
        answered.toString());
  }

  @Test
  void aListOfThousandsOfNonObjectsIsAnsweredWithABoundedListOfDetails() {
    // 30 000 bytes, within the body limit; every element was listed, an answer of 800 000 bytes
    String body = "{\"timezone\":\"Asia/Makassar\",\"days\":[" + "1,".repeat(14_999) + "1]}";

    Rejection rejection = assertThrows(Rejection.class, () -> parse(body));

    assertEquals(50, rejection.details().size(), "the first 50 are listed");
    assertEquals(new FieldProblem("days[0]", "must be an object"), rejection.details().get(0));
    assertEquals("days[0] must be an object (and 15000 more)", rejection.getMessage());
  }

  @Test
  void aWholeWeekWrongIsListedInFull() {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < DAYS.size(); i++) {
      rows.add("{\"dayOfWeek\":\"Day" + i + "\",\"isAvailable\":true,\"startTime\":\"9am\",\"endTime\":\"5pm\",\"note\":1}");
    }
    String body = "{\"timezone\":\"WITA\",\"days\":[" + String.join(",", rows) + "]}";

    Rejection rejection = assertThrows(Rejection.class, () -> parse(body));

    assertEquals(1 + 7 * 4, rejection.details().size());
  }
}
