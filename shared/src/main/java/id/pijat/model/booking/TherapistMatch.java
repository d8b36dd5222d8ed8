package id.pijat.model.booking;

import id.pijat.model.geo.Coordinates;
import java.util.List;

/**
 * The therapist as a customer sees them on the offer card: who, how far, how soon. Their position
 * is only ever held here rounded to a grid of 0.01° ({@link Coordinates#coarse}): enough to show
 * the area on a map, never where they are, and since every answer that shows a therapist is built
 * from this record, no answer can carry the exact position. The distance and the ETA are measured
 * to that rounded position too (see TherapistSearch.Candidate): exact distances from three
 * bookings would give the position away.
 */
public record TherapistMatch(
    String id,
    String name,
    String photo,
    double rating,
    double distanceKm,
    int etaMinutes,
    List<String> specialties,
    Coordinates location) {
  public TherapistMatch {
    specialties = List.copyOf(specialties);
    location = location == null ? null : location.coarse();
  }
}
