package id.pijat.therapist;

import id.pijat.model.therapist.Therapist;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.util.List;
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
