package id.pijat.model.booking;

import java.util.Set;
import java.util.stream.Collectors;

/** A report the job's table (JobStep#next) or the booking's status does not allow; nothing was changed. */
public final class IllegalJobStepException extends RuntimeException {
  private final JobStep current;
  private final JobStep requested;

  private IllegalJobStepException(JobStep current, JobStep requested, String message) {
    super(message, null, false, false);
    this.current = current;
    this.requested = requested;
  }

  /** @param current null when nothing is reported yet */
  static IllegalJobStepException outOfOrder(JobStep current, JobStep requested) {
    if (current == null) {
      return new IllegalJobStepException(null, requested,
          "Nothing is reported for this job yet: it starts with " + codes(JobStep.first()) + ", not " + requested.code() + ".");
    }
    Set<JobStep> next = current.next();
    String then = next.isEmpty() ? "the job is over" : "next comes " + codes(next);
    String eta = current == requested && current.carriesEta() ? "; a new ETA is reported as delayed" : "";
    return new IllegalJobStepException(current, requested,
        "The job is at " + current.code() + ", so " + requested.code() + " cannot follow (" + then + eta + ").");
  }

  static IllegalJobStepException notYet(JobStep current, JobStep requested, String why) {
    return new IllegalJobStepException(current, requested, why);
  }

  static IllegalJobStepException bookingIs(BookingStatus status, JobStep current, JobStep requested) {
    return new IllegalJobStepException(current, requested,
        "The booking is " + status.code() + ", so it takes no " + requested.code() + " report.");
  }

  private static String codes(Set<JobStep> steps) {
    return steps.stream().map(JobStep::code).collect(Collectors.joining(" or "));
  }

  /** The job's step when the report came; null when nothing was reported yet. */
  public JobStep current() {
    return current;
  }

  public JobStep requested() {
    return requested;
  }
}
