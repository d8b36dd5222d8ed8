package id.pijat.therapist;

import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Document;

/** How a therapist is written in the `therapists` collection (appwrite.json), and read back. */
public final class TherapistDocuments {
  /** Names the therapist's current week (README, "Weekly hours"): written last by an edit, so it is the commit. */
  public static final String WEEK_VERSION = "weekVersion";

  private TherapistDocuments() {}

  /** Missing optional attributes read as their defaults: no rating, the `therapist` provider type. */
  public static Therapist therapist(Document document) {
    return new Therapist(
        document.id(),
        document.string("userId"),
        document.string("name"),
        document.string("photo"),
        document.doubleValue("rating") == null ? 0 : document.doubleValue("rating"),
        document.strings("specialties"),
        document.strings("supportedDurations"),
        document.string("providerType") == null ? "therapist" : document.string("providerType"),
        document.string("status"),
        new Coordinates(document.doubleValue("lat"), document.doubleValue("lng")),
        new Therapist.Pricing(
            document.doubleValue("pricing60"),
            document.doubleValue("pricing90"),
            document.doubleValue("pricing120"),
            document.doubleValue("discountPercentage"),
            document.bool("discountActive")),
        document.string(WEEK_VERSION));
  }
}
