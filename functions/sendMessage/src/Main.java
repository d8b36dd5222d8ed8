package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.ChatInput;
import id.pijat.function.ChatJson;
import id.pijat.function.Edge;
import id.pijat.function.JsonInput;
import id.pijat.function.Reply;
import id.pijat.model.booking.Caller;
import id.pijat.usecase.SendMessage;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/** sendMessage: the customer or the engaged therapist writes into the booking's open room. */
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
      JsonInput body = JsonInput.parse(request.body());
      Caller caller = request.caller(body);
      ChatInput.Send send = ChatInput.send(body);
      SendMessage.Sent sent = backend.get().sendMessage().send(caller, send.bookingId(), send.clientMessageId(), send.text());
      return sent.first() ? Reply.created(ChatJson.message(sent.message())) : Reply.ok(ChatJson.message(sent.message()));
    });
  }
}
