package io.openruntimes.java.src;

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
  public RuntimeOutput main(RuntimeContext context) throws Exception {
    return Edge.change(context, (request, backend) -> {
      Budget budget = Budget.of(backend.settings().cleanupBudget(), Clock.systemUTC());
      CleanupSessions.Report report = backend.cleanupSessions().run(budget);
      context.log("cleanup " + report.done() + (report.more() ? ", more left: " + report.unfinished() : ""));
      return Reply.ok(BookingJson.cleanup(report));
    });
  }
}
