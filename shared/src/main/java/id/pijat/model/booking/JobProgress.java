package id.pijat.model.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where the job of an accepted booking stands: the step last reported and the times the reports
 * recorded. Every report goes through {@link #after}, which holds it against the table.
 *
 * @param etaMinutes the ETA last reported (on_the_way or delayed), counted from that report
 * @param expectedArrivalAt that report's time plus its ETA
 * @param arrivedAt when the therapist reported arriving
 * @param sessionStartedAt when the massage started
 * @param sessionEndedAt when the therapist reported it completed
 */
public record JobProgress(
    JobStep step,
    Integer etaMinutes,
    Instant expectedArrivalAt,
    Instant arrivedAt,
    Instant sessionStartedAt,
    Instant sessionEndedAt) {
  /** How long the therapist waits at the door before the customer counts as absent. */
  public static final Duration NO_SHOW_WAIT = Duration.ofMinutes(15);
  /**
   * How long before its time a scheduled job may set off: the longest ETA a report can announce. A
   * therapist on the way a day early would tell the customer of an arrival nobody booked.
   */
  public static final Duration EARLIEST_DEPARTURE = Duration.ofMinutes(JobReport.MAX_ETA_MINUTES);
  /** How long before its time a scheduled session may start, should the customer be ready early. */
  public static final Duration EARLIEST_START = Duration.ofMinutes(30);
  /**
   * A delay with the same ETA this close to the last one moves the arrival by less than the minute
   * the customer sees: it is that report again (a retry), not news.
   */
  public static final Duration SAME_DELAY = Duration.ofMinutes(1);

  public JobProgress {
    Objects.requireNonNull(step, "step");
  }

  /**
   * The job after this report.
   *
   * @param current null when nothing was reported yet
   * @throws IllegalJobStepException when the table does not allow the step now
   */
  public static JobProgress after(JobProgress current, JobReport report, Instant now) {
    return after(current, report, now, null);
  }

  /**
   * As {@link #after(JobProgress, JobReport, Instant)}, for a booking with an appointment: its
   * therapist sets off no sooner than {@link #EARLIEST_DEPARTURE} before it, its session starts no
   * sooner than {@link #EARLIEST_START} before it, and the customer counts as
   * absent only once the therapist has waited {@link #NO_SHOW_WAIT} from the latest of their
   * arrival, the arrival they announced and the appointment: a therapist early at the door waits
   * for the time the customer was told.
   *
   * @param appointment a scheduled booking's time, null for an immediate one
   */
  public static JobProgress after(JobProgress current, JobReport report, Instant now, Instant appointment) {
    JobStep from = current == null ? null : current.step;
    JobStep to = report.step();
    if (!(from == null ? JobStep.first() : from.next()).contains(to)) {
      throw IllegalJobStepException.outOfOrder(from, to);
    }
    return switch (to) {
      case ON_THE_WAY -> {
        if (appointment != null && now.isBefore(appointment.minus(EARLIEST_DEPARTURE))) {
          throw IllegalJobStepException.notYet(from, to,
              "A scheduled job sets off at the earliest " + EARLIEST_DEPARTURE.toMinutes() + " minutes before its time: from "
                  + appointment.minus(EARLIEST_DEPARTURE) + ".");
        }
        yield announced(to, report, now);
      }
      case DELAYED -> announced(to, report, now);
      case ARRIVED -> current.at(to, now, null, null);
      case STARTED -> {
        if (appointment != null && now.isBefore(appointment.minus(EARLIEST_START))) {
          throw IllegalJobStepException.notYet(from, to,
              "A scheduled session starts at its time, at the earliest " + EARLIEST_START.toMinutes() + " minutes before: from "
                  + appointment.minus(EARLIEST_START) + ".");
        }
        yield current.at(to, current.arrivedAt, now, null);
      }
      case COMPLETED -> current.at(to, current.arrivedAt, current.sessionStartedAt, now);
      case NO_SHOW -> {
        Instant waitedUntil = latest(current.arrivedAt, current.expectedArrivalAt, appointment).plus(NO_SHOW_WAIT);
        if (now.isBefore(waitedUntil)) {
          throw IllegalJobStepException.notYet(from, to,
              "A no-show is reported after waiting " + NO_SHOW_WAIT.toMinutes() + " minutes at the door, from " + waitedUntil + ".");
        }
        yield current.at(to, current.arrivedAt, null, null);
      }
    };
  }

  private static JobProgress announced(JobStep step, JobReport report, Instant now) {
    return new JobProgress(step, report.etaMinutes(), now.plus(Duration.ofMinutes(report.etaMinutes())), null, null, null);
  }

  private static Instant latest(Instant arrived, Instant announced, Instant appointment) {
    Instant latest = arrived;
    for (Instant other : new Instant[] {announced, appointment}) {
      if (other != null && other.isAfter(latest)) {
        latest = other;
      }
    }
    return latest;
  }

  private JobProgress at(JobStep to, Instant arrived, Instant started, Instant ended) {
    return new JobProgress(to, etaMinutes, expectedArrivalAt, arrived, started, ended);
  }

  /**
   * Whether this report is the one the job stands at, sent again: the same step (with an ETA, the
   * same minutes; a delay, also within {@link #SAME_DELAY} of the last). It is answered as it
   * stands and changes nothing.
   */
  public boolean isRepeatedBy(JobReport report, Instant now) {
    if (report.step() != step) {
      return false;
    }
    if (!step.carriesEta()) {
      return true;
    }
    if (!report.etaMinutes().equals(etaMinutes)) {
      return false;
    }
    if (step == JobStep.ON_THE_WAY) {
      return true;
    }
    Instant arrival = now.plus(Duration.ofMinutes(etaMinutes));
    return Duration.between(expectedArrivalAt, arrival).abs().compareTo(SAME_DELAY) < 0;
  }

  /** Minutes from the start to the completion, rounded; null until both are reported. */
  public Integer actualDurationMinutes() {
    if (sessionStartedAt == null || sessionEndedAt == null) {
      return null;
    }
    return (int) Duration.between(sessionStartedAt, sessionEndedAt).plusSeconds(30).toMinutes();
  }

  /**
   * When the appointment should end as the job stands, for a session of this length: the start
   * plus the length once started, otherwise the arrival (as reported, or as expected) plus the
   * length; null when no report tells.
   */
  public Instant expectedEnd(Duration length) {
    if (sessionEndedAt != null) {
      return sessionEndedAt;
    }
    Instant from = sessionStartedAt != null ? sessionStartedAt : arrivedAt != null ? arrivedAt : expectedArrivalAt;
    return from == null ? null : from.plus(length);
  }
}
