package id.pijat.store;

/**
 * The database refused the call as malformed (400, 401): a document that does not fit its collection, a
 * query on an attribute without an index, a key without the scope. A defect here, not the caller's.
 */
public final class StoreRejectedException extends StoreException {
  public StoreRejectedException(String message) {
    super(message, null);
  }
}
