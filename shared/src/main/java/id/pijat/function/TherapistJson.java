package id.pijat.function;

import id.pijat.model.geo.GeoCell;
import id.pijat.model.therapist.Therapist;
import java.util.LinkedHashMap;
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
}
