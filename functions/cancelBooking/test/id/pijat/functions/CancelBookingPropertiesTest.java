package id.pijat.functions;

import id.pijat.testing.GuestBookingCalls;
import id.pijat.testing.HostileBodies;
import io.openruntimes.java.src.Main;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** cancelBooking against hostile bodies, methods and paths: never a 5xx or a stack trace; a refusal writes nothing. */
class CancelBookingPropertiesTest {
  /** A guest's request on their booking; @BID@ and @TOKEN@ become the booking of each try. */
  private static final String VALID = "{\"bookingId\":\"@BID@\",\"bookingToken\":\"@TOKEN@\",\"reason\":\"plans changed\"}";

  @Property(tries = 200)
  void anyRequestIsAnsweredWithTheEnvelopeAndARefusalWritesNothing(
      @ForAll("bodies") String body, @ForAll("methods") String method, @ForAll("paths") String path) throws Exception {
    GuestBookingCalls.assertSafe(new Main()::main, method, path, body, true);
  }

  @Provide
  Arbitrary<String> bodies() {
    return HostileBodies.around(VALID);
  }

  @Provide
  Arbitrary<String> methods() {
    return HostileBodies.methods();
  }

  @Provide
  Arbitrary<String> paths() {
    return HostileBodies.paths();
  }
}
