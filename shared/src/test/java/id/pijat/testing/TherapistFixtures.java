package id.pijat.testing;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.store.DocumentStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Therapists and their weeks, written into a store as the collections hold them. */
public final class TherapistFixtures {
  public static final List<String> DAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private final DocumentStore store;
  private int versions;

  public TherapistFixtures(DocumentStore store) {
    this.store = store;
  }

  /** A point this many km north and east of another (flat-Earth approximation, fine below 100 km). */
  public static Coordinates offset(Coordinates from, double northKm, double eastKm) {
    return new Coordinates(
        from.lat() + northKm / 111.32, from.lng() + eastKm / (111.32 * Math.cos(Math.toRadians(from.lat()))));
  }

  /** The therapist's document belongs to this Appwrite user (their `userId`), who signs in as them. */
  public static void belongsTo(DocumentStore store, String therapistId, String userId) {
    store.update("therapists", therapistId, Map.of("userId", userId));
  }

  /** A therapist open around the clock every day, offering every duration. */
  public void add(String id, Coordinates at, double rating) {
    add(id, at, rating, List.of("60", "90", "120"), "available");
    week(id, "Asia/Makassar", "00:00", "24:00");
  }

  public void add(String id, Coordinates at, double rating, List<String> durations, String status) {
    Map<String, Object> therapist = new HashMap<>();
    therapist.put("name", "Therapist " + id);
    therapist.put("photo", "https://example.test/" + id + ".jpg");
    therapist.put("rating", rating);
    therapist.put("specialties", List.of("balinese"));
    therapist.put("supportedDurations", durations);
    therapist.put("pricing60", 200_000.0);
    therapist.put("providerType", "therapist");
    therapist.put("status", status);
    therapist.put("lat", at.lat());
    therapist.put("lng", at.lng());
    therapist.put("geoCell", GeoCell.of(at));
    store.create("therapists", id, therapist, Set.of());
  }

  /**
   * The same hours every day of the week, as setWeeklyHours leaves them: seven rows of a new version,
   * then the therapist's document pointed at it.
   */
  public String week(String providerId, String zone, String start, String end) {
    String version = providerId + ".w" + (++versions);
    for (String day : DAYS) {
      Map<String, Object> row = new HashMap<>();
      row.put("providerId", providerId);
      row.put("weekVersion", version);
      row.put("dayOfWeek", day);
      row.put("isAvailable", true);
      row.put("startTime", start);
      row.put("endTime", end);
      row.put("timezone", zone);
      store.create("provider_availability", version + "." + day.substring(0, 3), row, Set.of());
    }
    store.update("therapists", providerId, Map.of("weekVersion", version));
    return version;
  }
}
