package id.pijat.functions;

import id.pijat.testing.GuestBookingProperties;
import id.pijat.testing.SafeAnswers;
import io.openruntimes.java.src.Main;

/** checkSearchStatus against hostile bodies, methods and paths: never a 5xx or a stack trace; a refusal writes nothing. */
class CheckSearchStatusPropertiesTest extends GuestBookingProperties {
  @Override
  protected SafeAnswers.Function function() {
    return new Main()::main;
  }

  @Override
  protected String validBody() {
    return "{\"bookingId\":\"@BID@\",\"bookingToken\":\"@TOKEN@\",\"searchId\":\"search_1795000000000_@BID@\"}";
  }
}
