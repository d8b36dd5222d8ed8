package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.Edge;
import id.pijat.function.FunctionRequest;
import id.pijat.function.JsonInput;
import id.pijat.function.Reply;
import id.pijat.function.TherapistInput;
import id.pijat.function.TherapistJson;
import id.pijat.model.therapist.Presence;
import id.pijat.model.therapist.Therapist;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/** setTherapistPresence: the signed-in therapist goes available, busy or offline, and says where they are. */
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
      Presence presence = TherapistInput.presence(JsonInput.parse(request.body()));
      Therapist therapist = backend.get().setTherapistPresence().set(request.header(FunctionRequest.USER_ID), presence);
      return Reply.ok(TherapistJson.ownProfile(therapist));
    });
  }
}
