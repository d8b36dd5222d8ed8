package id.pijat.functions;

import id.pijat.function.Backends;
import id.pijat.testing.GuestBookingProperties;
import id.pijat.testing.SafeAnswers;
import io.openruntimes.java.src.Main;

/** setPaymentStatus against hostile bodies, methods and paths, as a server call: never a 5xx; a refusal writes nothing. */
class SetPaymentStatusPropertiesTest extends GuestBookingProperties {
  @Override
  protected SafeAnswers.Function function(Backends backends) {
    return new Main(backends)::main;
  }

  @Override
  protected String validBody() {
    return "{\"bookingId\":\"@BID@\",\"paymentStatus\":\"paid\",\"reference\":\"midtrans-ORDER-1\"}";
  }
}
