package id.pijat.model.booking;

import java.time.Instant;
import java.util.Objects;

/** Why, by whom and when a booking was cancelled. */
public record Cancellation(String reason, String cancelledBy, Instant cancelledAt) {
  public static final String NO_THERAPIST_AVAILABLE = "no_therapist_available";
  public static final String ABANDONED = "abandoned";
  /** A scheduled booking whose time came before a therapist was accepted. */
  public static final String TIME_PASSED = "scheduled_time_passed";
  public static final String BY_SYSTEM = "system";
  public static final String BY_GUEST = "guest";
  /** The therapist waited at the door and the customer did not come (reportJobProgress). */
  public static final String NO_SHOW = "no_show";
  public static final String BY_THERAPIST = "therapist";
  /** The engaged therapist can no longer come (cancelBooking, called by them). */
  public static final String THERAPIST_WITHDREW = "therapist_withdrew";

  public Cancellation {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(cancelledBy, "cancelledBy");
    Objects.requireNonNull(cancelledAt, "cancelledAt");
  }

  /** The search used up its attempts: only the system's (a customer's reason of that name is their own cancellation). */
  public boolean isSearchTimeout() {
    return is(BY_SYSTEM, NO_THERAPIST_AVAILABLE);
  }

  /** A scheduled booking's time came before a therapist was accepted: only the system's, as above. */
  public boolean isTimePassed() {
    return is(BY_SYSTEM, TIME_PASSED);
  }

  /** The therapist came and waited: only their report makes one (a customer's reason of that name does not). */
  public boolean isNoShow() {
    return is(BY_THERAPIST, NO_SHOW);
  }

  public boolean isWithdrawalByTherapist() {
    return is(BY_THERAPIST, THERAPIST_WITHDREW);
  }

  /** Who cancelled and why, both: a reason the backend gives is the backend's only when it gave it. */
  private boolean is(String by, String why) {
    return by.equals(cancelledBy) && why.equals(reason);
  }
}
