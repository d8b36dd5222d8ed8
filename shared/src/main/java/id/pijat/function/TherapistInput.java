package id.pijat.function;

import id.pijat.model.booking.JobReport;
import id.pijat.model.booking.JobStep;
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
}
