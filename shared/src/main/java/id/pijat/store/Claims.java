package id.pijat.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates documents whose ID decides something (a lock entry, a booking version, an idempotency
 * record), answering whether the document now under that ID is this call's. A 409 is not taken as
 * lost on its face: a request re-sent after a dropped connection meets the document it made itself.
 * So each document carries a stamp unique to the write, and a 409 or an unknown outcome is settled
 * by the stamp of what is there, never guessed.
 */
public final class Claims {
  /** The attribute holding the stamp of the write that made a decisive document. */
  public static final String STAMP = "stamp";

  private Claims() {}

  /**
   * Creates the document with a fresh stamp in {@link #STAMP}.
   *
   * @return true when the document under this ID is the one this call wrote; false when another
   *     write made it
   * @throws StoreUnavailableException when the outcome stays unknown (the database did not answer
   *     the read-back either); the next call finds the state consistent whichever way it went
   */
  public static boolean create(DocumentStore store, String collection, String id, Map<String, Object> data, Set<String> readers) {
    Map<String, Object> stamped = new HashMap<>(data);
    stamped.put(STAMP, DocumentIds.unique());
    return create(store, collection, id, stamped, readers, STAMP);
  }

  /**
   * As {@link #create}, with the stamp an attribute the document has anyway, unique to this write
   * (the booking ID an idempotency record proposes).
   */
  public static boolean create(
      DocumentStore store, String collection, String id, Map<String, Object> data, Set<String> readers, String stampAttribute) {
    Object stamp = stampAttribute == null ? null : data.get(stampAttribute);
    try {
      store.create(collection, id, data, readers);
      return true;
    } catch (DocumentExistsException exists) {
      return isMine(store, collection, id, stampAttribute, stamp, exists).orElse(false);
    } catch (WriteOutcomeUnknownException unknown) {
      Optional<Boolean> mine = isMine(store, collection, id, stampAttribute, stamp, unknown);
      if (mine.isPresent()) {
        return mine.get();
      }
      // not there yet: sending the same document again either lands it (then it is surely ours, the
      // first request will meet 409) or meets whatever landed meanwhile, which its stamp tells apart
      return resend(store, collection, id, data, readers, stampAttribute, stamp, unknown);
    }
  }

  /**
   * Creates a document whose ID is derived (a chat room, a system message) where it only matters
   * that it exists afterwards: an unknown outcome is settled by reading back and re-sending.
   *
   * @return true when this call wrote it, false when it was there already (or might have been
   *     written by this call's lost answer)
   * @throws StoreUnavailableException when whether it exists stays unknown
   */
  public static boolean ensure(DocumentStore store, String collection, String id, Map<String, Object> data, Set<String> readers) {
    return create(store, collection, id, data, readers, null);
  }

  private static boolean resend(
      DocumentStore store,
      String collection,
      String id,
      Map<String, Object> data,
      Set<String> readers,
      String stampAttribute,
      Object stamp,
      WriteOutcomeUnknownException first) {
    try {
      store.create(collection, id, data, readers);
      return true;
    } catch (DocumentExistsException exists) {
      return isMine(store, collection, id, stampAttribute, stamp, first)
          .orElseThrow(() -> unresolved(collection, id, first));
    } catch (WriteOutcomeUnknownException | StoreUnavailableException again) {
      throw unresolved(collection, id, first);
    }
  }

  /** Empty when nothing is under the ID. */
  private static Optional<Boolean> isMine(
      DocumentStore store, String collection, String id, String stampAttribute, Object stamp, StoreException cause) {
    try {
      return store.find(collection, id).map(found -> stamp != null && stamp.equals(found.data().get(stampAttribute)));
    } catch (StoreUnavailableException unreadable) {
      throw unresolved(collection, id, cause);
    }
  }

  private static StoreUnavailableException unresolved(String collection, String id, StoreException cause) {
    return new StoreUnavailableException("could not learn whether " + collection + "/" + id + " was written", cause);
  }
}
