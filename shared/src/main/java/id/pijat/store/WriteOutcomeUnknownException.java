package id.pijat.store;

/**
 * A write (create, update, delete) whose request may have reached the database but whose answer
 * did not come back: a timeout after sending, a 5xx, a connection dropped mid-call. The write may
 * or may not have been applied; the caller resolves it by reading back, never by guessing.
 */
public final class WriteOutcomeUnknownException extends StoreException {
  public WriteOutcomeUnknownException(String message, Throwable cause) { super(message, cause); }
}
