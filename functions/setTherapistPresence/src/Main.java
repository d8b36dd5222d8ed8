package io.openruntimes.java.src;

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
  public RuntimeOutput main(RuntimeContext context) throws Exception {
    return Edge.change(context, (request, backend) -> {
      Presence presence = TherapistInput.presence(JsonInput.parse(request.body()));
      Therapist therapist = backend.setTherapistPresence().set(request.header(FunctionRequest.USER_ID), presence);
      return Reply.ok(TherapistJson.ownProfile(therapist));
    });
  }
}
