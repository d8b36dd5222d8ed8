package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.ChatInput;
import id.pijat.function.ChatJson;
import id.pijat.function.Edge;
import id.pijat.function.JsonInput;
import id.pijat.function.Reply;
import id.pijat.model.booking.Caller;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/** readMessages: a participant reads the booking's room (GET or POST), the newest page or what came after a cursor. */
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
      ChatInput.Read read = ChatInput.read(body);
      return Reply.ok(ChatJson.page(backend.get().readMessages().read(caller, read.bookingId(), read.after(), read.limit())));
    });
  }
}
