package id.pijat.booking;

import java.util.List;

/** The therapist as a customer sees them on the offer card: who, how far, how soon. */
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
  public TherapistMatch {
    specialties = List.copyOf(specialties);
  }
}
