package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.BookingInput;
import id.pijat.function.BookingJson;
import id.pijat.function.Edge;
import id.pijat.function.JsonInput;
import id.pijat.function.Reply;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/** getBooking: the owner reads a booking (GET or POST). */
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
    return Edge.read(context, backends, (request, backend) -> {
      JsonInput body = JsonInput.parse(request.body());
      Caller caller = request.caller(body);
      String bookingId = BookingInput.bookingId(body);
      Booking booking = backend.get().bookings().readOwned(bookingId, caller);
      return Reply.ok(BookingJson.booking(booking));
    });
  }
}
