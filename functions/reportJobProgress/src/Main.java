package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.BookingJson;
import id.pijat.function.Edge;
import id.pijat.function.FunctionRequest;
import id.pijat.function.JsonInput;
import id.pijat.function.Reply;
import id.pijat.function.TherapistInput;
import id.pijat.model.booking.Booking;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/** reportJobProgress: the engaged therapist reports the job (on the way, delayed, arrived, started, completed, no-show). */
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
      TherapistInput.JobProgressReport sent = TherapistInput.jobProgress(JsonInput.parse(request.body()));
      Booking booking = backend.get().reportJobProgress()
          .report(request.header(FunctionRequest.USER_ID), sent.bookingId(), sent.report());
      return Reply.ok(BookingJson.booking(booking));
    });
  }
}
