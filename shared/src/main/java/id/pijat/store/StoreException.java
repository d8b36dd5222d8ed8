package id.pijat.store;

/** A database call that did not do what was asked. The subclasses say which way. */
public abstract class StoreException extends RuntimeException {
  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
