package id.pijat.function;

import id.pijat.model.geo.GeoCell;
import id.pijat.model.therapist.DayHours;
import id.pijat.model.therapist.Therapist;
import id.pijat.model.therapist.WeeklyHours;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The therapist's own profile as the therapist's functions answer it: only to themselves, exact position included. */
public final class TherapistJson {
  private TherapistJson() {}

  public static Map<String, Object> ownProfile(Therapist therapist) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", therapist.id());
    json.put("name", therapist.name());
    json.put("photo", therapist.photo());
    json.put("rating", therapist.rating());
    json.put("specialties", therapist.specialties());
    json.put("supportedDurations", therapist.supportedDurations());
    json.put("providerType", therapist.providerType());
    json.put("status", therapist.status());
    json.put("coordinates", Map.of("lat", therapist.location().lat(), "lng", therapist.location().lng()));
    json.put("geoCell", GeoCell.of(therapist.location()));
    return json;
  }

  /** The week as setWeeklyHours takes it: {timezone, days}, monday to sunday; a closed day has no times (the answer leaves out null values). */
  public static Map<String, Object> week(WeeklyHours week) {
    List<Map<String, Object>> days = new ArrayList<>();
    for (DayOfWeek day : DayOfWeek.values()) {
      DayHours hours = week.days().get(day);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("dayOfWeek", DayHours.name(day));
      row.put("isAvailable", hours.open());
      row.put("startTime", hours.startText());
      row.put("endTime", hours.endText());
      days.add(row);
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("timezone", week.zone().getId());
    json.put("days", days);
    return json;
  }
}
