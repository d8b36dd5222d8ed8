package io.openruntimes.java.src;

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
  public RuntimeOutput main(RuntimeContext context) throws Exception {
    return Edge.read(context, (request, backend) -> {
      JsonInput body = JsonInput.parse(request.body());
      Caller caller = request.caller(body);
      String bookingId = BookingInput.bookingId(body);
      Booking booking = backend.bookings().readOwned(bookingId, caller);
      return Reply.ok(BookingJson.booking(booking));
    });
  }
}
