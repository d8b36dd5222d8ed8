package id.pijat.matching;

import id.pijat.booking.Coordinates;
import id.pijat.booking.ServiceDuration;
import id.pijat.booking.TherapistMatch;
import id.pijat.store.Document;
import java.util.List;
import java.util.Objects;

/** A provider as the therapists collection describes them (seed 000's provider fields). */
public record Therapist(
    String id,
    String name,
    String photo,
    double rating,
    List<String> specialties,
    List<String> supportedDurations,
    String providerType,
    String status,
    Coordinates location,
    Pricing pricing) {
  public static final String COLLECTION = "therapists";
  public static final String AVAILABLE = "available";

  /** The provider's own prices and discount, copied into the chat session. */
  public record Pricing(Double price60, Double price90, Double price120, Double discountPercentage, boolean discountActive) {}

  public Therapist {
    Objects.requireNonNull(id, "id");
    specialties = List.copyOf(specialties);
    supportedDurations = List.copyOf(supportedDurations);
  }

  public static Therapist fromDocument(Document document) {
    return new Therapist(
        document.id(),
        document.string("name"),
        document.string("photo"),
        document.doubleValue("rating") == null ? 0 : document.doubleValue("rating"),
        document.strings("specialties"),
        document.strings("supportedDurations"),
        document.string("providerType") == null ? "therapist" : document.string("providerType"),
        document.string("status"),
        new Coordinates(document.doubleValue("lat"), document.doubleValue("lng")),
        new Pricing(
            document.doubleValue("pricing60"),
            document.doubleValue("pricing90"),
            document.doubleValue("pricing120"),
            document.doubleValue("discountPercentage"),
            document.bool("discountActive")));
  }

  /** The offer card's copy, for when the therapist's document has gone since. */
  public static Therapist from(TherapistMatch match) {
    return new Therapist(
        match.id(), match.name(), match.photo(), match.rating(), match.specialties(), List.of(),
        "therapist", AVAILABLE, match.location(), new Pricing(null, null, null, null, false));
  }

  /** No list means every duration. */
  public boolean offers(ServiceDuration duration) {
    return supportedDurations.isEmpty() || supportedDurations.contains(duration.code());
  }
}
