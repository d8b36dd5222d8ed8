package id.pijat.local;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.geo.GeoCell;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Therapists to try the system with: ten around Denpasar (Bali, Asia/Makassar) and ten around
 * Jakarta (Asia/Jakarta), all within 10 km of the centre, offering every duration. Some work around
 * the clock, some by day, one through the night across midnight. Loaded once, on the first start.
 * Each is a user, signed in locally with the JWT {@code local:therapist-bali-01} (see {@link #userOf}),
 * who alone may read their document and their week.
 */
final class DemoData {
  static final Coordinates DENPASAR = new Coordinates(-8.6705, 115.2126);
  static final Coordinates JAKARTA = new Coordinates(-6.2088, 106.8456);
  private static final List<String> DAYS =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");
  private static final List<String> NAMES =
      List.of("Ayu", "Made", "Komang", "Ketut", "Wayan", "Putu", "Nyoman", "Dewi", "Sari", "Indah");
  private static final List<List<String>> SPECIALTIES =
      List.of(List.of("balinese", "deep_tissue"), List.of("reflexology"), List.of("hot_stone", "aromatherapy"),
          List.of("sports"), List.of("balinese", "aromatherapy"));

  private DemoData() {}

  /** The user who is the demo therapist: bali-01 is therapist-bali-01. */
  static String userOf(String therapistId) {
    return "therapist-" + therapistId;
  }

  /** @return false when the data was there already */
  static boolean loadOnce(DocumentStore store, Instant now) {
    if (store.find("therapists", "bali-01").isPresent()) {
      return false;
    }
    Random random = new Random(42);
    city(store, "bali", DENPASAR, "Asia/Makassar", random, now);
    city(store, "jakarta", JAKARTA, "Asia/Jakarta", random, now);
    return true;
  }

  private static void city(DocumentStore store, String prefix, Coordinates centre, String zone, Random random, Instant now) {
    for (int n = 1; n <= 10; n++) {
      String id = String.format("%s-%02d", prefix, n);
      double distanceKm = 0.5 + random.nextDouble() * 9;
      double bearing = random.nextDouble() * 2 * Math.PI;
      Coordinates point = new Coordinates(
          centre.lat() + distanceKm / 111.32 * Math.cos(bearing),
          centre.lng() + distanceKm / (111.32 * Math.cos(Math.toRadians(centre.lat()))) * Math.sin(bearing));
      Map<String, Object> therapist = new HashMap<>();
      therapist.put("name", NAMES.get(n - 1) + " (" + prefix + ")");
      therapist.put("photo", "https://picsum.photos/seed/" + id + "/200");
      therapist.put("rating", Math.round((4.0 + random.nextDouble()) * 10) / 10.0);
      therapist.put("specialties", SPECIALTIES.get(n % SPECIALTIES.size()));
      therapist.put("supportedDurations", List.of("60", "90", "120"));
      therapist.put("pricing60", 200_000.0);
      therapist.put("pricing90", 300_000.0);
      therapist.put("pricing120", 400_000.0);
      therapist.put("providerType", "therapist");
      therapist.put("status", "available");
      therapist.put("lat", point.lat());
      therapist.put("lng", point.lng());
      therapist.put("geoCell", GeoCell.of(point));
      therapist.put("userId", userOf(id));
      // the week as setWeeklyHours leaves it: seven rows of one version, named by the therapist
      String weekVersion = id + ".w0";
      therapist.put("weekVersion", weekVersion);
      Set<String> readers = Set.of(userOf(id));
      store.create("therapists", id, therapist, readers);
      for (String day : DAYS) {
        String[] hours = hours(n);
        Map<String, Object> row = new HashMap<>();
        row.put("providerId", id);
        row.put("weekVersion", weekVersion);
        row.put("dayOfWeek", day);
        row.put("isAvailable", true);
        row.put("startTime", hours[0]);
        row.put("endTime", hours[1]);
        row.put("timezone", zone);
        row.put("createdAt", DocumentTimes.format(now));
        row.put("updatedAt", DocumentTimes.format(now));
        store.create("provider_availability", weekVersion + "." + day.substring(0, 3), row, readers);
      }
    }
  }

  /**
   * Therapists 1–6 work around the clock, 7–8 by day, 9–10 through the night: at any hour at least
   * seven are in their hours, so a demo session (and scripts/test's SDK checks) finds someone whenever it runs.
   */
  private static String[] hours(int n) {
    if (n <= 6) {
      return new String[] {"00:00", "24:00"};
    }
    if (n <= 8) {
      return new String[] {"08:00", "22:00"};
    }
    return new String[] {"20:00", "04:00"};
  }
}
