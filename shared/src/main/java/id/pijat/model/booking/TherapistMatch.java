package id.pijat.model.booking;

import id.pijat.model.geo.Coordinates;
import java.util.List;

/**
 * The therapist as a customer sees them on the offer card: who, how far, how soon. Their position
 * is only ever held here rounded to a grid of 0.01° (at most about 800 m off): enough to show the
 * area on a map, never where they are, and since every answer that shows a therapist is built from
 * this record, no answer can carry the exact position.
 */
public record TherapistMatch(
    String id,
    String name,
    String photo,
    double rating,
    double distanceKm,
    int etaMinutes,
    List<String> specialties,
    boolean isAvailable,
    Coordinates location) {
  /** Steps of 0.01°: 1.1 km of latitude, and of longitude at the equator (Indonesia lies across it). */
  private static final double GRID_STEPS_PER_DEGREE = 100;

  public TherapistMatch {
    specialties = List.copyOf(specialties);
    location = location == null ? null : coarse(location);
  }

  private static Coordinates coarse(Coordinates exact) {
    return new Coordinates(grid(exact.lat()), grid(exact.lng()));
  }

  private static double grid(double degrees) {
    return Math.round(degrees * GRID_STEPS_PER_DEGREE) / GRID_STEPS_PER_DEGREE;
  }
}
