package id.pijat.model.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The times the booking flow runs on. Each default is defined here; the functions read overrides
 * from their variables (see Settings and the README).
 *
 * @param travelBuffer blocked after a booking's end so the therapist can reach the next customer
 * @param completionGrace how long after the span ends an active booking is completed and its holds
 *     lapse
 * @param emptyRoundWait how long the client waits after a round that found nobody: long enough that a
 *     customer who searches again each time it says uses up their attempts within the search rounds
 *     one address may start (4 a minute; at 15 s the last of five was refused, RATE_LIMITED)
 * @param chatCloseAfterEnd how long after the appointment's end its chat room closes (README, "cleanupSessions")
 * @param abandonAfter how long a booking may stay searching with no call before cleanup cancels it
 * @param reminderBefore how long before a scheduled appointment cleanup posts the reminder into its room
 */
public record BookingPolicy(
    Duration travelBuffer,
    Duration completionGrace,
    Duration emptyRoundWait,
    Duration chatCloseAfterEnd,
    Duration abandonAfter,
    Duration reminderBefore) {
  public static final BookingPolicy DEFAULT =
      new BookingPolicy(
          Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ofSeconds(20), Duration.ofHours(6), Duration.ofMinutes(30),
          Duration.ofHours(2));

  public BookingPolicy {
    Objects.requireNonNull(travelBuffer, "travelBuffer");
    Objects.requireNonNull(completionGrace, "completionGrace");
    Objects.requireNonNull(emptyRoundWait, "emptyRoundWait");
    Objects.requireNonNull(chatCloseAfterEnd, "chatCloseAfterEnd");
    Objects.requireNonNull(abandonAfter, "abandonAfter");
    Objects.requireNonNull(reminderBefore, "reminderBefore");
  }

  /** The end of the time a booking starting then blocks: its length plus the travel buffer. */
  public Instant spanEnd(Instant startsAt, ServiceDuration duration) {
    return startsAt.plus(duration.length()).plus(travelBuffer);
  }

  /** When a booking's holds lapse by themselves, if nothing released them. */
  public Instant holdsLapse(Instant startsAt, ServiceDuration duration) {
    return spanEnd(startsAt, duration).plus(completionGrace);
  }

  /**
   * When the holds of an accepted booking lapse as its job now runs: {@link #holdsLapse} from the
   * expected end a delay or a late start moved ({@link Booking#expectedEnd}).
   */
  public Instant holdsLapse(Booking booking) {
    return spanEndOfJob(booking).plus(completionGrace);
  }

  /** The end of the time an accepted booking blocks as its job now runs: the expected end and the travel buffer. */
  public Instant spanEndOfJob(Booking booking) {
    return booking.expectedEnd().plus(travelBuffer);
  }

  /**
   * When an active booking counts as done if the therapist does not say so: the grace after its
   * expected end, which a delay or a late start reported by the therapist moves later.
   */
  public Instant completesAt(Booking booking) {
    return booking.expectedEnd().plus(completionGrace);
  }

  public Instant chatClosesAt(Booking booking) {
    return booking.endsAt().plus(chatCloseAfterEnd);
  }

  /**
   * Whether the reminder before the booking's appointment is due now: owed, and from {@link
   * #reminderBefore} before the start until the start (after it a reminder would come too late).
   */
  public boolean isReminderDue(Booking booking, Instant now) {
    return booking.isReminderOwed()
        && !now.isBefore(booking.startsAt().minus(reminderBefore))
        && now.isBefore(booking.startsAt());
  }
}
