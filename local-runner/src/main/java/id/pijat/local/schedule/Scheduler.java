package id.pijat.local.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs scheduled functions as Appwrite's scheduler does: at most once in each minute their cron
 * schedule (in UTC) matches. It looks at the clock every second; tests call {@link #tick} after
 * moving the clock instead.
 */
public final class Scheduler implements AutoCloseable {
  private final Map<String, CronSchedule> schedules;
  private final Clock clock;
  private final Consumer<String> fire;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "scheduler");
    thread.setDaemon(true);
    return thread;
  });
  private Instant lastMinute;

  /** @param fire runs the function with this ID, as a schedule trigger */
  public Scheduler(Map<String, CronSchedule> schedules, Clock clock, Consumer<String> fire) {
    this.schedules = Map.copyOf(schedules);
    this.clock = clock;
    this.fire = fire;
  }

  public Scheduler start() {
    if (!schedules.isEmpty()) {
      ticker.scheduleAtFixedRate(this::tickSafely, 1, 1, TimeUnit.SECONDS);
    }
    return this;
  }

  /** Fires every function due in the current minute, unless this minute was handled already. */
  public synchronized void tick() {
    Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
    if (minute.equals(lastMinute)) {
      return;
    }
    lastMinute = minute;
    schedules.forEach((functionId, schedule) -> {
      if (schedule.matches(minute.atZone(ZoneOffset.UTC))) {
        fire.accept(functionId);
      }
    });
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      System.err.println("scheduler: " + e);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
