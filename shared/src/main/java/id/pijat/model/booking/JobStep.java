package id.pijat.model.booking;

import id.pijat.text.Excerpt;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the engaged therapist reports of the job (reportJobProgress; README, "The job"). Which step
 * may follow which is {@link #next}, the job's one table; {@link JobProgress} applies it.
 */
public enum JobStep {
  ON_THE_WAY("on_the_way"),
  DELAYED("delayed"),
  ARRIVED("arrived"),
  STARTED("started"),
  COMPLETED("completed"),
  NO_SHOW("no_show");

  private final String code;

  JobStep(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static JobStep fromCode(String code) {
    return Arrays.stream(values())
        .filter(step -> step.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(Excerpt.after("must be one of " + codes(), code)));
  }

  private static String codes() {
    return Arrays.stream(values()).map(JobStep::code).collect(Collectors.joining(", "));
  }

  /** The steps that come with an ETA: the therapist says how many minutes until they arrive. */
  public boolean carriesEta() {
    return this == ON_THE_WAY || this == DELAYED;
  }

  /** The first report of an accepted booking. */
  public static Set<JobStep> first() {
    return EnumSet.of(ON_THE_WAY);
  }

  /**
   * The table: on_the_way, delayed any number of times, arrived, then started and completed, or
   * no_show instead of started. A delay is news only before the therapist arrives; a no-show only
   * once they are at the door and before the session began.
   */
  public Set<JobStep> next() {
    return switch (this) {
      case ON_THE_WAY, DELAYED -> EnumSet.of(DELAYED, ARRIVED);
      case ARRIVED -> EnumSet.of(STARTED, NO_SHOW);
      case STARTED -> EnumSet.of(COMPLETED);
      case COMPLETED, NO_SHOW -> EnumSet.noneOf(JobStep.class);
    };
  }

  /** Whether the job is over with this step: the booking is completed or closed as a no-show. */
  public boolean isFinal() {
    return next().isEmpty();
  }
}
