package id.pijat.booking;

/** Another execution claimed this version of the booking first; re-read it and decide again. */
public final class ConcurrentChangeException extends RuntimeException {
  public ConcurrentChangeException(String bookingId, long version) {
    super("booking " + bookingId + " version " + version + " was claimed by another execution", null, false, false);
  }
}
