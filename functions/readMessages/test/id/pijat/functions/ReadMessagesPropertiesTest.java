package id.pijat.functions;

import id.pijat.function.Backends;
import id.pijat.testing.GuestBookingProperties;
import id.pijat.testing.SafeAnswers;
import io.openruntimes.java.src.Main;

/** readMessages against hostile bodies, methods and paths: never a 5xx or a stack trace; it never writes. */
class ReadMessagesPropertiesTest extends GuestBookingProperties {
  @Override
  protected SafeAnswers.Function function(Backends backends) {
    return new Main(backends)::main;
  }

  @Override
  protected boolean accepted() {
    return true;
  }

  @Override
  protected String validBody() {
    return "{\"bookingId\":\"@BID@\",\"bookingToken\":\"@TOKEN@\",\"limit\":20}";
  }
}
