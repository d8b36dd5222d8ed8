package id.pijat.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The database as the functions see it: Appwrite's Databases API, one database, documents of
 * attributes. No transactions, no conditional update: the one atomic step is {@link #create} with an
 * ID that exists, which fails with {@link DocumentExistsException}. Every method may throw {@link
 * StoreUnavailableException} when the database cannot answer; the caller may retry.
 *
 * <p>Values are String, Long or Double (any Number on the way in), Boolean, List of String, or
 * null; datetimes are ISO-8601 strings (see {@link DocumentTimes}).
 */
public interface DocumentStore {

  /**
   * @param readers the user IDs who may read the document directly; everyone else goes through the
   *     functions
   * @throws DocumentExistsException when a document with this ID is already there
   */
  Document create(String collection, String id, Map<String, Object> data, Set<String> readers);

  Optional<Document> find(String collection, String id);

  /**
   * Writes the given attributes and leaves the rest.
   *
   * @throws DocumentNotFoundException when there is no such document
   */
  Document update(String collection, String id, Map<String, Object> changes);

  /**
   * As {@link #update}, and from now on only {@code readers} may read the document directly (who
   * could before and is not named here no longer can).
   *
   * @throws DocumentNotFoundException when there is no such document
   */
  Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers);

  /** @throws DocumentNotFoundException when there is no such document */
  void delete(String collection, String id);

  /** The documents that match, in the order and page the queries ask (at most 100 at once). */
  List<Document> list(String collection, List<Query> queries);
}
