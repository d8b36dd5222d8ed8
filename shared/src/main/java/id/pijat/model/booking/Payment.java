package id.pijat.model.booking;

import java.time.Instant;
import java.util.Objects;

/**
 * The booking's payment, owned by the backend: only a server call changes it (setPaymentStatus;
 * README, "Payment").
 *
 * @param reference the payment provider's reference for the last change, or null
 * @param refundDueAt when a refund became due: set while the booking is cancelled and its payment
 *     paid (the status stays paid until the provider reports the refund), null otherwise
 */
public record Payment(PaymentStatus status, String reference, Instant refundDueAt) {
  /** Every booking starts here. */
  public static final Payment PENDING = new Payment(PaymentStatus.PENDING, null, null);
  public static final int MAX_REFERENCE_LENGTH = 100;

  public Payment {
    Objects.requireNonNull(status, "status");
    if (refundDueAt != null && status != PaymentStatus.PAID) {
      throw new IllegalArgumentException("only a paid payment is due a refund: " + status.code());
    }
    if (reference != null) {
      requireReference(reference);
    }
  }

  /** The rule for a provider's reference, for readers that name the field themselves. */
  public static String requireReference(String reference) {
    if (reference.isEmpty() || reference.length() > MAX_REFERENCE_LENGTH
        || !reference.chars().allMatch(c -> c > 32 && c < 127)) {
      throw new IllegalArgumentException("must be 1 to " + MAX_REFERENCE_LENGTH + " printable characters without spaces");
    }
    return reference;
  }

  public boolean refundDue() {
    return refundDueAt != null;
  }
}
