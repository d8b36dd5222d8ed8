package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.BookingJson;
import id.pijat.function.Edge;
import id.pijat.function.JsonInput;
import id.pijat.function.PaymentInput;
import id.pijat.function.Reply;
import id.pijat.model.booking.Booking;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/**
 * setPaymentStatus: a server call (no client may execute it) records what the payment provider
 * reports of a booking's payment; the hook a payment provider's webhook function calls.
 */
public class Main {
  private final Backends backends;

  /** The runtime's: Appwrite's Databases API with the execution's own key. */
  public Main() {
    this(Backends.appwrite());
  }

  /** The local runner's and tests': their own store and clock. */
  public Main(Backends backends) {
    this.backends = backends;
  }

  public RuntimeOutput main(RuntimeContext context) throws Exception {
    return Edge.change(context, backends, (request, backend) -> {
      request.requireServerCall();
      PaymentInput.Change change = PaymentInput.change(JsonInput.parse(request.body()));
      Booking booking = backend.get().setPaymentStatus().set(change.bookingId(), change.status(), change.reference());
      return Reply.ok(BookingJson.booking(booking));
    });
  }
}
