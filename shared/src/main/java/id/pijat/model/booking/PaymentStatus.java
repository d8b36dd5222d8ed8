package id.pijat.model.booking;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the booking's money stands, as the payment provider reports it (seed 004's payment_status):
 * pending → paid or failed, failed → paid (a retry paid), paid → refunded. Every move is checked here
 * and nowhere else; reporting the status a payment already has is no move at all (see {@link
 * Booking#withPayment}).
 */
public enum PaymentStatus {
  PENDING("pending"),
  PAID("paid"),
  FAILED("failed"),
  REFUNDED("refunded");

  /** The codes, in order, for messages and the `paymentStatus` attribute's elements (appwrite.json). */
  public static final String CODES = Arrays.stream(values()).map(PaymentStatus::code).collect(Collectors.joining(", "));

  private final String code;

  PaymentStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static PaymentStatus fromCode(String code) {
    return Arrays.stream(values())
        .filter(status -> status.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("must be one of " + CODES));
  }

  public Set<PaymentStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(PAID, FAILED);
      case FAILED -> EnumSet.of(PAID);
      case PAID -> EnumSet.of(REFUNDED);
      case REFUNDED -> EnumSet.noneOf(PaymentStatus.class);
    };
  }

  public void requireCanMoveTo(PaymentStatus target) {
    if (!next().contains(target)) {
      throw new IllegalPaymentChangeException(this, target);
    }
  }
}
