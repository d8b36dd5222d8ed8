package id.pijat.function;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.Presence;
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
      // the range rules are Coordinates' own, each part checked against a valid other so that the
      // problem is named under the field that has it
      Double lat = coordinates.number("lat", true);
      Double lng = coordinates.number("lng", true);
      Coordinates latOk = lat == null ? null : coordinates.check("lat", () -> new Coordinates(lat, 0));
      Coordinates lngOk = lng == null ? null : coordinates.check("lng", () -> new Coordinates(0, lng));
      if (latOk != null && lngOk != null) {
        position = new Coordinates(lat, lng);
      }
    }
    body.finish();
    return new Presence(status, position);
  }
}
