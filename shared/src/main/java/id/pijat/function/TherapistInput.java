package id.pijat.function;

import id.pijat.model.booking.JobReport;
import id.pijat.model.booking.JobStep;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.DayHours;
import id.pijat.model.therapist.Presence;
import id.pijat.model.therapist.WeeklyHours;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The therapist's requests, read from the body with every bad field named. */
public final class TherapistInput {
  private TherapistInput() {}

  /** setTherapistPresence: {status, coordinates?: {lat, lng}}. */
  public static Presence presence(JsonInput body) {
    body.allowOnly(Set.of("status", "coordinates"));
    String status = body.string("status", true, Presence::requireStatus);
    Coordinates position = null;
    JsonInput coordinates = body.object("coordinates", false);
    if (coordinates != null) {
      coordinates.allowOnly(Set.of("lat", "lng"));
      // the range rules are Coordinates' own, each named under its field
      Double lat = coordinates.number("lat", true, Coordinates::requireLatitude);
      Double lng = coordinates.number("lng", true, Coordinates::requireLongitude);
      if (lat != null && lng != null) {
        position = new Coordinates(lat, lng);
      }
    }
    body.finish();
    return new Presence(status, position);
  }

  /** reportJobProgress' request. */
  public record JobProgressReport(String bookingId, JobReport report) {}

  /** reportJobProgress: {bookingId, step, etaMinutes?}; etaMinutes with on_the_way and delayed only. */
  public static JobProgressReport jobProgress(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "step", "etaMinutes"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    JobStep step = body.string("step", true, JobStep::fromCode);
    Integer eta = body.number("etaMinutes", false, JobReport::etaMinutes);
    JobReport report = null;
    // an ETA already refused is not named twice
    if (step != null && (eta != null || !body.has("etaMinutes"))) {
      report = body.check("etaMinutes", () -> new JobReport(step, eta));
    }
    body.finish();
    return new JobProgressReport(bookingId, report);
  }

  /**
   * setWeeklyHours: {timezone, days: [{dayOfWeek, isAvailable, startTime, endTime}]}, the whole week:
   * seven rows, each day once; an open day has both times, a closed day needs none.
   */
  public static WeeklyHours weeklyHours(JsonInput body) {
    body.allowOnly(Set.of("timezone", "days"));
    ZoneId zone = body.string("timezone", true, WeeklyHours::requireZone);
    List<JsonInput> rows = body.objects("days", true);
    List<DayHours> days = new ArrayList<>();
    Set<DayOfWeek> given = EnumSet.noneOf(DayOfWeek.class);
    boolean givenTwice = false;
    for (JsonInput row : rows == null ? List.<JsonInput>of() : rows) {
      row.allowOnly(Set.of("dayOfWeek", "isAvailable", "startTime", "endTime"));
      DayOfWeek day = row.string("dayOfWeek", true, DayHours::requireDay);
      if (day != null && !given.add(day)) {
        givenTwice = true;
        row.problem("dayOfWeek", "is given twice: " + DayHours.name(day));
      }
      Boolean open = row.bool("isAvailable", true);
      boolean needsTimes = Boolean.TRUE.equals(open);
      String start = row.string("startTime", needsTimes);
      String end = row.string("endTime", needsTimes);
      boolean startRead = start == null || row.check("startTime", () -> DayHours.requireStart(start)) != null;
      boolean endRead = end == null || row.check("endTime", () -> DayHours.requireEnd(end)) != null;
      if (day != null && open != null && startRead && endRead && (!open || (start != null && end != null))) {
        DayHours hours = row.check("endTime", () -> open ? DayHours.of(day, true, start, end) : DayHours.closed(day));
        if (hours != null) {
          days.add(hours);
        }
      }
    }
    WeeklyHours week = null;
    if (rows != null && (rows.size() != DayOfWeek.values().length || givenTwice)) {
      body.problem("days", WeeklyHours.WHOLE_WEEK);
    } else if (zone != null && rows != null && days.size() == rows.size()) {
      week = body.check("days", () -> WeeklyHours.whole(zone, days));
    }
    body.finish();
    return week;
  }
}
