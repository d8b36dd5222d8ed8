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

/** acceptTherapist: the customer takes the offered therapist; the booking goes active and its chat opens. */
public class Main {
  public RuntimeOutput main(RuntimeContext context) throws Exception {
    return Edge.change(context, (request, backend) -> {
      JsonInput body = JsonInput.parse(request.body());
      Caller caller = request.caller(body);
      BookingInput.Accept accept = BookingInput.accept(body);
      Booking booking = backend.acceptTherapist().accept(caller, accept.bookingId(), accept.therapistId());
      return Reply.ok(BookingJson.booking(booking));
    });
  }
}
