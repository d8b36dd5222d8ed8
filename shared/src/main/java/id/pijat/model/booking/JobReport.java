package id.pijat.model.booking;

import java.util.Objects;

/**
 * One report of the engaged therapist: the step, and for on_the_way and delayed the minutes until
 * they expect to arrive, counted from the report.
 */
public record JobReport(JobStep step, Integer etaMinutes) {
  public static final int MAX_ETA_MINUTES = 180;

  public JobReport {
    Objects.requireNonNull(step, "step");
    if (step.carriesEta() && etaMinutes == null) {
      throw new IllegalArgumentException("is required for " + step.code());
    }
    if (!step.carriesEta() && etaMinutes != null) {
      throw new IllegalArgumentException("is only sent with on_the_way or delayed, not " + step.code());
    }
    if (etaMinutes != null) {
      etaMinutes(etaMinutes);
    }
  }

  /** An ETA as sent: a whole number of minutes, 1 to {@value #MAX_ETA_MINUTES}. */
  public static int etaMinutes(double sent) {
    if (sent != Math.rint(sent) || sent < 1 || sent > MAX_ETA_MINUTES) {
      String shown = sent == Math.rint(sent) && Math.abs(sent) < 1e9 ? Long.toString((long) sent) : Double.toString(sent);
      throw new IllegalArgumentException("must be a whole number of minutes from 1 to " + MAX_ETA_MINUTES + ": " + shown);
    }
    return (int) sent;
  }
}
