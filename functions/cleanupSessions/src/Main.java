package io.openruntimes.java.src;

import id.pijat.function.Backends;
import id.pijat.function.BookingJson;
import id.pijat.function.Edge;
import id.pijat.function.Reply;
import id.pijat.usecase.cleanup.Budget;
import id.pijat.usecase.cleanup.CleanupSessions;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.time.Clock;

/** cleanupSessions, on Appwrite's schedule: expires, completes, closes and releases what is due, page by page. */
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
      Budget budget = Budget.of(backend.get().settings().cleanupBudget(), Clock.systemUTC());
      CleanupSessions.Report report = backend.get().cleanupSessions().run(budget);
      context.log("cleanup " + report.done() + (report.more() ? ", more left: " + report.unfinished() : ""));
      return Reply.ok(BookingJson.cleanup(report));
    });
  }
}
