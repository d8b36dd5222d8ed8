package id.pijat.functions;

import id.pijat.function.Backends;
import id.pijat.testing.GuestBookingProperties;
import id.pijat.testing.SafeAnswers;
import io.openruntimes.java.src.Main;

/** searchTherapists against hostile bodies, methods and paths: never a 5xx or a stack trace; a refusal writes nothing. */
class SearchTherapistsPropertiesTest extends GuestBookingProperties {
  @Override
  protected SafeAnswers.Function function(Backends backends) {
    return new Main(backends)::main;
  }

  @Override
  protected String validBody() {
    return "{\"bookingId\":\"@BID@\",\"bookingToken\":\"@TOKEN@\",\"searchConfig\":{\"maxRadius\":10,\"maxSearchTime\":60,\"retryAttempts\":3,\"serviceDuration\":\"60\",\"userLocation\":{\"lat\":-8.7,\"lng\":115.17}},\"declineCurrent\":false}";
  }

  @Override
  protected boolean offered() {
    return false;
  }
}
