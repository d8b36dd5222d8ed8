package id.pijat.model.booking;

/** A payment status change the payment's life does not allow; nothing was changed. */
public final class IllegalPaymentChangeException extends RuntimeException {
  private final PaymentStatus from;
  private final PaymentStatus to;

  public IllegalPaymentChangeException(PaymentStatus from, PaymentStatus to) {
    super("a " + from.code() + " payment cannot become " + to.code(), null, false, false);
    this.from = from;
    this.to = to;
  }

  public PaymentStatus from() {
    return from;
  }

  public PaymentStatus to() {
    return to;
  }
}
