package id.pijat.usecase.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long one cleanup run may work: it stops taking new pages once the budget is spent, well
 * inside the function's timeout, and reports what is left for the next run.
 */
public final class Budget {
  private final Clock stopwatch;
  private final Instant ends;

  private Budget(Clock stopwatch, Instant ends) {
    this.stopwatch = stopwatch;
    this.ends = ends;
  }

  /** @param stopwatch the clock elapsed time is read from (the system clock in production) */
  public static Budget of(Duration length, Clock stopwatch) {
    return new Budget(stopwatch, stopwatch.instant().plus(length));
  }

  public boolean isSpent() {
    return !stopwatch.instant().isBefore(ends);
  }
}
