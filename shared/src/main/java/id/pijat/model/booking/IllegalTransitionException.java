package id.pijat.model.booking;

/** A status change that the booking's life does not allow; nothing was changed. */
public final class IllegalTransitionException extends RuntimeException {
  private final BookingStatus from;
  private final BookingStatus to;

  public IllegalTransitionException(BookingStatus from, BookingStatus to) {
    super("a " + from.code() + " booking cannot become " + to.code(), null, false, false);
    this.from = from;
    this.to = to;
  }

  public BookingStatus from() {
    return from;
  }

  public BookingStatus to() {
    return to;
  }
}
