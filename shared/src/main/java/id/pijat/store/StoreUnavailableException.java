package id.pijat.store;

/** The database did not answer in time, refused for load (429), or failed (5xx). Safe to retry. */
public final class StoreUnavailableException extends StoreException {
  public StoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
