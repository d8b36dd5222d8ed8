package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.hold.TherapistLocks;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.IllegalJobStepException;
import id.pijat.model.booking.JobProgress;
import id.pijat.model.booking.JobReport;
import id.pijat.store.Fanout;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * reportJobProgress (README, "The job: reportJobProgress"): the engaged therapist reports the job,
 * step by step. The booking's next version is the commit; the step's system message, and after the
 * last step the booking's end, follow it. Their IDs are derived from the booking, so the same
 * report sent again (a retry) answers the job as it stands and finishes what a call that died
 * after its commit left, writing each thing once.
 */
public final class ReportJobProgress {
  /** With the minutes and their unit. */
  public static final String ON_THE_WAY = "Your therapist is on the way, arriving in about %d %s.";
  /** A new ETA, which is mostly a delay but may be sooner than the last: the words fit both. */
  public static final String DELAYED = "Your therapist now expects to arrive in about %d %s.";
  public static final String ARRIVED = "Your therapist has arrived.";
  public static final String STARTED = "Your session has started.";
  public static final String COMPLETED = "Your session is complete. Thank you!";
  /** Also the message that closes the room: a no-show ends the booking as a cancellation does. */
  public static final String NO_SHOW = "The therapist waited but could not find you; the booking is closed as a no-show.";

  private final Bookings bookings;
  private final Chats chats;
  private final TherapistLocks locks;
  private final Completion completion;
  private final BookingPolicy policy;
  private final Clock clock;
  private final Fanout fanout;

  public ReportJobProgress(
      Bookings bookings, Chats chats, TherapistLocks locks, Completion completion, BookingPolicy policy, Clock clock, Fanout fanout) {
    this.bookings = bookings;
    this.chats = chats;
    this.locks = locks;
    this.completion = completion;
    this.policy = policy;
    this.clock = clock;
    this.fanout = fanout;
  }

  /**
   * @param userId the signed-in user (x-appwrite-user-id); null for a guest
   * @return the booking as the report leaves it
   */
  public Booking report(String userId, String bookingId, JobReport report) {
    if (userId == null) {
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "Sign in as the booking's therapist to report on its job.");
    }
    try {
      return decide(engaged(bookingId, userId), report);
    } catch (ConcurrentChangeException raced) {
      // the same report retried at once, or the customer cancelling: decide again on what won
      return decide(engaged(bookingId, userId), report);
    }
  }

  private Booking engaged(String bookingId, String userId) {
    Booking booking = bookings.find(bookingId)
        .orElseThrow(() -> new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID."));
    if (!userId.equals(booking.therapistUserId())) {
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "Only the therapist engaged for this booking reports on its job.");
    }
    return booking;
  }

  private Booking decide(Booking booking, JobReport report) {
    Instant now = clock.instant();
    if (booking.isRepeatedBy(report, now)) {
      fanout.run(followUps(booking, now));
      return booking;
    }
    Booking next;
    try {
      next = booking.report(report, now);
    } catch (IllegalJobStepException illegal) {
      throw new Rejection(ErrorCode.INVALID_STATE, illegal.getMessage());
    }
    return bookings.save(booking, next, followUps(next, now));
  }

  /** What follows the version that recorded the job's current step; each safe to repeat. */
  private List<Runnable> followUps(Booking booking, Instant now) {
    JobProgress job = booking.job();
    return switch (job.step()) {
      case ON_THE_WAY -> List.of(
          () -> chats.post(booking, "on_the_way", withMinutes(ON_THE_WAY, job.etaMinutes()), now), () -> keepTime(booking));
      // each delay is its own news: its message is named after the arrival it announces
      case DELAYED -> List.of(() -> chats.post(
          booking, "delayed-" + job.expectedArrivalAt().getEpochSecond(), withMinutes(DELAYED, job.etaMinutes()), now),
          () -> keepTime(booking));
      case ARRIVED -> List.of(() -> chats.post(booking, "arrived", ARRIVED, now), () -> keepTime(booking));
      case STARTED -> List.of(() -> chats.post(booking, "started", STARTED, now), () -> keepTime(booking));
      case COMPLETED -> List.of(() -> chats.post(booking, "completed", COMPLETED, now), () -> completion.letGo(booking));
      // a cancellation by the therapist: the room closes with the no-show message, the therapist is free
      case NO_SHOW -> List.of(() -> chats.close(booking, NO_SHOW, now), () -> locks.releaseAll(booking.id()));
    };
  }

  /**
   * A job reported to end after its planned span (later than the travel buffer absorbs) keeps the
   * therapist's time until it is expected to end and its own buffer after, so that nobody else is
   * offered them meanwhile; a job within its span reads and writes nothing more.
   */
  private void keepTime(Booking booking) {
    Instant plannedSpanEnd = policy.spanEnd(booking.startsAt(), booking.request().duration());
    Instant spanEnd = policy.spanEndOfJob(booking);
    if (booking.expectedEnd().isAfter(plannedSpanEnd)) {
      locks.keepEngaged(booking, plannedSpanEnd, spanEnd, policy.holdsLapse(booking));
    }
  }

  private static String withMinutes(String text, int minutes) {
    return String.format(text, minutes, minutes == 1 ? "minute" : "minutes");
  }
}
