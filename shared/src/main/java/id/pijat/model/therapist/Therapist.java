package id.pijat.model.therapist;

import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.TherapistMatch;
import id.pijat.model.geo.Coordinates;
import java.util.List;
import java.util.Objects;

/**
 * A provider as the marketplace shows and searches them (the `therapists` collection of appwrite.json).
 *
 * @param userId the Appwrite user who is this therapist (null for a profile nobody signs in to)
 * @param weekVersion which rows of `provider_availability` are the therapist's week now (null: none
 *     set, so never offered); see {@code ProviderAvailability}
 */
public record Therapist(
    String id,
    String userId,
    String name,
    String photo,
    double rating,
    List<String> specialties,
    List<String> supportedDurations,
    String providerType,
    String status,
    Coordinates location,
    Pricing pricing,
    String weekVersion) {
  public static final String AVAILABLE = "available";

  /** The provider's own prices and discount, copied into the chat session. */
  public record Pricing(Double price60, Double price90, Double price120, Double discountPercentage, boolean discountActive) {}

  public Therapist {
    Objects.requireNonNull(id, "id");
    specialties = List.copyOf(specialties);
    supportedDurations = List.copyOf(supportedDurations);
  }

  /** The offer card's copy, for when the therapist's document has gone since. */
  public static Therapist from(TherapistMatch match) {
    return new Therapist(
        match.id(), null, match.name(), match.photo(), match.rating(), match.specialties(), List.of(),
        "therapist", AVAILABLE, match.location(), new Pricing(null, null, null, null, false), null);
  }

  /** No list means every duration. */
  public boolean offers(ServiceDuration duration) {
    return supportedDurations.isEmpty() || supportedDurations.contains(duration.code());
  }
}
