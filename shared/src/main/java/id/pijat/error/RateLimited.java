package id.pijat.error;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** RATE_LIMITED: the caller went over a limit and may try again at retryAt. */
public final class RateLimited extends Rejection {
  private final Instant retryAt;
  private final Duration retryAfter;

  /**
   * @param limit what was exceeded, in words a customer understands ("bookings per phone number")
   * @param now when the refusal was decided; retryAfter is counted from it, rounded up to whole seconds
   */
  public RateLimited(String limit, Instant retryAt, Instant now) {
    super(ErrorCode.RATE_LIMITED, "Too many requests (" + limit + "). Please try again later.");
    this.retryAt = Objects.requireNonNull(retryAt, "retryAt");
    Duration wait = Duration.between(now, retryAt);
    this.retryAfter = Duration.ofSeconds(Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0)));
  }

  public Instant retryAt() {
    return retryAt;
  }

  /** At least a second: "now" would invite a retry storm. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
