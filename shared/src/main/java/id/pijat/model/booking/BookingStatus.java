package id.pijat.model.booking;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The booking's life: searching → pending_accept → active → completed, any of the first three →
 * cancelled, and pending_accept back to searching. Every transition is checked here and nowhere else.
 */
public enum BookingStatus {
  SEARCHING("searching"),
  PENDING_ACCEPT("pending_accept"),
  ACTIVE("active"),
  COMPLETED("completed"),
  CANCELLED("cancelled");

  private final String code;

  BookingStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static BookingStatus fromCode(String code) {
    return Arrays.stream(values())
        .filter(status -> status.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown booking status: " + code));
  }

  public boolean isFinal() {
    return this == COMPLETED || this == CANCELLED;
  }

  public Set<BookingStatus> next() {
    return switch (this) {
      case SEARCHING -> EnumSet.of(PENDING_ACCEPT, CANCELLED);
      case PENDING_ACCEPT -> EnumSet.of(SEARCHING, ACTIVE, CANCELLED);
      case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
      case COMPLETED, CANCELLED -> EnumSet.noneOf(BookingStatus.class);
    };
  }

  public void requireCanMoveTo(BookingStatus target) {
    if (!next().contains(target)) {
      throw new IllegalTransitionException(this, target);
    }
  }
}
