package id.pijat.functions;

import id.pijat.function.Backends;
import id.pijat.testing.GuestBookingProperties;
import id.pijat.testing.SafeAnswers;
import io.openruntimes.java.src.Main;

/** sendMessage against hostile bodies, methods and paths: never a 5xx or a stack trace; a refusal writes nothing. */
class SendMessagePropertiesTest extends GuestBookingProperties {
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
    return "{\"bookingId\":\"@BID@\",\"bookingToken\":\"@TOKEN@\",\"clientMessageId\":\"c-1\",\"text\":\"Please ring twice\"}";
  }
}
