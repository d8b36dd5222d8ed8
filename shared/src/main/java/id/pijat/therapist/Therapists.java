package id.pijat.therapist;

import id.pijat.model.geo.GeoCell;
import id.pijat.model.therapist.Presence;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The therapists as the functions read them: by ID, by the Appwrite user who is one, and by cell. */
public final class Therapists {
  public static final String COLLECTION = "therapists";

  private final DocumentStore store;

  public Therapists(DocumentStore store) {
    this.store = store;
  }

  public Optional<Therapist> find(String therapistId) {
    return store.find(COLLECTION, therapistId).map(TherapistDocuments::therapist);
  }

  /** The therapist document that belongs to this Appwrite user, if they are a therapist. */
  public Optional<Therapist> ofUser(String userId) {
    return store.list(COLLECTION, List.of(Query.equal("userId", userId), Query.limit(1))).stream()
        .findFirst()
        .map(TherapistDocuments::therapist);
  }

  /**
   * Writes the therapist's status and, when given, their position with its `geoCell` in the same
   * update: the search's index is computed here, from the coordinates it is stored with, so the two
   * never disagree.
   */
  public Therapist setPresence(String therapistId, Presence presence) {
    Map<String, Object> changes = new HashMap<>();
    changes.put("status", presence.status());
    if (presence.position() != null) {
      changes.put("lat", presence.position().lat());
      changes.put("lng", presence.position().lng());
      changes.put("geoCell", GeoCell.of(presence.position()));
    }
    return TherapistDocuments.therapist(store.update(COLLECTION, therapistId, changes));
  }

  /**
   * Points the therapist at another week: the one write that makes an edit of the hours visible to
   * a search, so it comes after the week's rows are all written (README, "Weekly hours").
   */
  public Therapist pointAtWeek(String therapistId, String weekVersion) {
    return TherapistDocuments.therapist(store.update(COLLECTION, therapistId, Map.of(TherapistDocuments.WEEK_VERSION, weekVersion)));
  }

  /** One page of the therapists available now in these cells (`geoCell`, kept by the server). */
  public List<Therapist> availableIn(List<String> cellCodes, int limit) {
    return store.list(
            COLLECTION,
            List.of(
                Query.equalAny("geoCell", cellCodes),
                Query.equal("status", Therapist.AVAILABLE),
                Query.limit(limit)))
        .stream()
        .map(TherapistDocuments::therapist)
        .toList();
  }
}
