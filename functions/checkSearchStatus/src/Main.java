package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.BookingInput;
import id.pijat.function.BookingJson;
import id.pijat.function.Edge;
import id.pijat.function.JsonInput;
import id.pijat.function.Reply;
import id.pijat.model.booking.Caller;
import id.pijat.usecase.CheckSearchStatus;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/** checkSearchStatus: the client's poll (GET or POST) of where its search stands; reads, never writes. */
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
      BookingInput.StatusCheck check = BookingInput.statusCheck(body);
      CheckSearchStatus.Status status = backend.get().checkSearchStatus().check(caller, check.bookingId());
      return Reply.ok(BookingJson.searchStatus(status, check.searchId()));
    });
  }
}
