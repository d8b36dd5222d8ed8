package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.Edge;
import id.pijat.function.FunctionRequest;
import id.pijat.function.JsonInput;
import id.pijat.function.Reply;
import id.pijat.function.TherapistInput;
import id.pijat.function.TherapistJson;
import id.pijat.model.therapist.WeeklyHours;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;

/** setWeeklyHours: the signed-in therapist replaces their whole week, seven days in their own time zone. */
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
      WeeklyHours week = TherapistInput.weeklyHours(JsonInput.parse(request.body()));
      WeeklyHours set = backend.get().setWeeklyHours().set(request.header(FunctionRequest.USER_ID), week);
      return Reply.ok(TherapistJson.week(set));
    });
  }
}
