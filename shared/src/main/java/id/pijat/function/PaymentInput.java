package id.pijat.function;

import id.pijat.model.booking.Payment;
import id.pijat.model.booking.PaymentStatus;
import java.util.Set;

/** setPaymentStatus' request, read from the body with every bad field named. */
public final class PaymentInput {
  private PaymentInput() {}

  /** {bookingId, paymentStatus: "pending" | "paid" | "failed" | "refunded", reference?}. */
  public record Change(String bookingId, PaymentStatus status, String reference) {}

  public static Change change(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "paymentStatus", "reference"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    PaymentStatus status = body.string("paymentStatus", true, PaymentStatus::fromCode);
    String reference = body.string("reference", false, Payment::requireReference);
    body.finish();
    return new Change(bookingId, status, reference);
  }
}
