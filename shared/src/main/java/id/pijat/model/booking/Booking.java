package id.pijat.model.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A booking as it stands at one version. Every change goes through one of the methods below, which
 * check the status machine and return the next version; the store keeps each version once.
 *
 * @param therapist the therapist offered (pending_accept) or engaged (active and after)
 * @param therapistUserId the engaged therapist's Appwrite user, set on acceptance (null when their
 *     profile has no user): who besides the customer may read the booking's documents
 * @param startsAt when the massage starts: scheduledAt, or for an immediate booking acceptance plus
 *     the therapist's travel time; set on acceptance
 * @param job the engaged therapist's reports (reportJobProgress); null until the first
 * @param payment where the money stands, changed only by a server call (setPaymentStatus)
 * @param reminderSentAt when cleanup posted the reminder before a scheduled appointment, or null
 */
public record Booking(
    String id,
    Owner owner,
    BookingRequest request,
    BookingStatus status,
    TherapistMatch therapist,
    String therapistUserId,
    Instant offerExpiresAt,
    SearchProgress search,
    Instant startsAt,
    ChatRefs chat,
    Cancellation cancellation,
    JobProgress job,
    Payment payment,
    Instant reminderSentAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /** The chat opened on acceptance. */
  public record ChatRefs(String chatRoomId, String chatSessionId) {}

  public Booking {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(payment, "payment");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (status == BookingStatus.PENDING_ACCEPT && (therapist == null || offerExpiresAt == null)) {
      throw new IllegalArgumentException("a pending_accept booking has an offered therapist and window");
    }
    if (status == BookingStatus.ACTIVE && (therapist == null || startsAt == null)) {
      throw new IllegalArgumentException("an active booking has a therapist and a start");
    }
    if (status == BookingStatus.CANCELLED && cancellation == null) {
      throw new IllegalArgumentException("a cancelled booking records its cancellation");
    }
    if (payment.refundDue() != (status == BookingStatus.CANCELLED && payment.status() == PaymentStatus.PAID
        && isRefunded(cancellation, job))) {
      throw new IllegalArgumentException(
          "a refund is due exactly while a cancelled booking's payment is paid, unless a no-show or the customer's after the start");
    }
  }

  public static Booking open(String id, Owner owner, BookingRequest request, Instant now) {
    return new Booking(
        id, owner, request, BookingStatus.SEARCHING, null, null, null, SearchProgress.NOT_STARTED,
        null, null, null, null, Payment.PENDING, null, now, now, 1);
  }

  public BookingMode mode() {
    return request.mode();
  }

  public String therapistId() {
    return therapist == null ? null : therapist.id();
  }

  public Instant endsAt() {
    return startsAt == null ? null : startsAt.plus(request.duration().length());
  }

  /**
   * Open until its window ends, or for a scheduled booking until its therapist must set out to be
   * there by its time, if sooner.
   */
  public boolean isOfferOpen(Instant now) {
    return status == BookingStatus.PENDING_ACCEPT && now.isBefore(offerEndsAt());
  }

  /** A scheduled booking's offer goes once its therapist could no longer be there by its time, which acceptance then refuses. */
  private Instant offerEndsAt() {
    return request.offerEnds(offerExpiresAt, travelTime());
  }

  /**
   * Offers a therapist for a window; from searching, or straight on from an earlier offer. A
   * scheduled booking's window ends by the time the therapist must set out ({@link BookingRequest#offerEnds}).
   */
  public Booking offer(TherapistMatch offered, Instant expiresAt, SearchProgress progress, Instant now) {
    BookingStatus from = status;
    if (from == BookingStatus.PENDING_ACCEPT) {
      from.requireCanMoveTo(BookingStatus.SEARCHING);
      from = BookingStatus.SEARCHING;
    }
    from.requireCanMoveTo(BookingStatus.PENDING_ACCEPT);
    return next(BookingStatus.PENDING_ACCEPT, now, next -> {
      next.therapist = offered;
      next.offerExpiresAt = request.offerEnds(expiresAt, Duration.ofMinutes(offered.etaMinutes()));
      next.search = progress;
    });
  }

  /**
   * The booking as it should be shown now: an offer whose window has passed is over before the next
   * search records it (its therapist may be offered to someone else already), so it reads as
   * searching again, the therapist passed over, ready for the next round at once. Nothing is written.
   */
  public Booking asSeenAt(Instant now) {
    if (status != BookingStatus.PENDING_ACCEPT || isOfferOpen(now)) {
      return this;
    }
    return keepSearching(search.passOver(therapistId()).waitUntil(offerEndsAt()), offerEndsAt());
  }

  /** Back to searching with nobody offered: the offer was declined or ran out, or a round was empty. */
  public Booking keepSearching(SearchProgress progress, Instant now) {
    if (status != BookingStatus.SEARCHING) {
      status.requireCanMoveTo(BookingStatus.SEARCHING);
    }
    return next(BookingStatus.SEARCHING, now, next -> {
      next.therapist = null;
      next.offerExpiresAt = null;
      next.search = progress;
    });
  }

  /** @param therapistUserId the offered therapist's user, or null when their profile has none */
  public Booking accept(Instant startsAt, ChatRefs chat, String therapistUserId, Instant now) {
    status.requireCanMoveTo(BookingStatus.ACTIVE);
    return next(BookingStatus.ACTIVE, now, next -> {
      next.therapistUserId = therapistUserId;
      next.offerExpiresAt = null;
      next.startsAt = startsAt;
      next.chat = chat;
    });
  }

  public Booking cancel(String reason, String cancelledBy, Instant now) {
    return cancelled(search, new Cancellation(reason, cancelledBy, now), now);
  }

  /** The last attempt's round found nobody: cancelled by the system, with that round counted as every round is. */
  public Booking searchedOut(SearchProgress lastRound, Instant now) {
    return cancelled(lastRound, new Cancellation(Cancellation.NO_THERAPIST_AVAILABLE, Cancellation.BY_SYSTEM, now), now);
  }

  private Booking cancelled(SearchProgress progress, Cancellation cancellation, Instant now) {
    status.requireCanMoveTo(BookingStatus.CANCELLED);
    boolean engaged = status == BookingStatus.ACTIVE;
    return next(BookingStatus.CANCELLED, now, next -> {
      // a therapist only offered was never this booking's: the customer's record keeps only the one engaged
      next.therapist = engaged ? therapist : null;
      next.offerExpiresAt = null;
      next.search = progress;
      next.cancellation = cancellation;
      next.payment = isRefunded(cancellation, job) ? refundDueIfPaid(payment, now) : payment;
    });
  }

  public Booking complete(Instant now) {
    status.requireCanMoveTo(BookingStatus.COMPLETED);
    return next(BookingStatus.COMPLETED, now, next -> next.offerExpiresAt = null);
  }

  /**
   * The engaged therapist's report on the job of an active booking, held against the job's table
   * ({@link JobProgress#after}). Completed completes the booking; no_show cancels it (reason
   * no_show, by the therapist): the statuses stay the five the client knows.
   *
   * @throws IllegalJobStepException when the booking is not active or the table does not allow the step
   */
  public Booking report(JobReport report, Instant now) {
    if (status != BookingStatus.ACTIVE) {
      throw IllegalJobStepException.bookingIs(status, job == null ? null : job.step(), report.step());
    }
    JobProgress progressed = JobProgress.after(job, report, now, request.scheduledAt());
    return switch (report.step()) {
      case COMPLETED -> {
        status.requireCanMoveTo(BookingStatus.COMPLETED);
        yield next(BookingStatus.COMPLETED, now, next -> next.job = progressed);
      }
      case NO_SHOW -> {
        status.requireCanMoveTo(BookingStatus.CANCELLED);
        yield next(BookingStatus.CANCELLED, now, next -> {
          next.job = progressed;
          next.cancellation = new Cancellation(Cancellation.NO_SHOW, Cancellation.BY_THERAPIST, now);
        });
      }
      default -> next(BookingStatus.ACTIVE, now, next -> next.job = progressed);
    };
  }

  /**
   * Whether the job already stands where this report takes it: a retry, answered as it stands. Of
   * a booking that ended otherwise (the customer cancelled, cleanup completed it) only the step that
   * ended it is repeated; any other report is refused.
   */
  public boolean isRepeatedBy(JobReport report, Instant now) {
    return job != null && (status == BookingStatus.ACTIVE || job.step().isFinal()) && job.isRepeatedBy(report, now);
  }

  /**
   * When the appointment should end: {@link #endsAt}, or later when the therapist's reports say the
   * job runs late (a delay, a late start); null before acceptance.
   */
  public Instant expectedEnd() {
    Instant planned = endsAt();
    Instant reported = job == null || planned == null ? null : job.expectedEnd(request.duration().length());
    return reported != null && reported.isAfter(planned) ? reported : planned;
  }

  /**
   * The payment moved to {@code to}, as the provider reports it, with its reference (null keeps the
   * last one). A paid booking that is cancelled (but for a no-show), in either order, is due a
   * refund from then on; the status stays paid until the provider reports the refund. Reporting the status the payment
   * already has changes nothing and answers this version: a provider delivers an event more than
   * once.
   *
   * @throws IllegalPaymentChangeException for a move {@link PaymentStatus} does not allow
   */
  public Booking withPayment(PaymentStatus to, String reference, Instant now) {
    if (to == payment.status()) {
      return this;
    }
    payment.status().requireCanMoveTo(to);
    Payment moved = new Payment(to, reference == null ? payment.reference() : reference, null);
    return next(status, now, next -> next.payment = status == BookingStatus.CANCELLED && isRefunded(cancellation, job) ? refundDueIfPaid(moved, now) : moved);
  }

  /**
   * Whether a paid booking ended this way is refunded: every cancellation but a no-show, where the
   * therapist came and waited at the door (the customer's absence is theirs to bear), and but the
   * customer's own once the session had started (the massage was under way; a refund there is a
   * person's decision). A therapist who withdraws, even mid-session, leaves the customer refunded.
   *
   * @param job the job as it stood when the booking was cancelled
   */
  private static boolean isRefunded(Cancellation cancellation, JobProgress job) {
    boolean started = job != null && job.sessionStartedAt() != null;
    return !cancellation.isNoShow() && (!started || cancellation.isWithdrawalByTherapist());
  }

  private static Payment refundDueIfPaid(Payment payment, Instant now) {
    return payment.status() == PaymentStatus.PAID ? new Payment(PaymentStatus.PAID, payment.reference(), now) : payment;
  }

  /**
   * Whether a reminder is still owed: an accepted scheduled booking that has not had one, and whose
   * therapist has not arrived yet (after "Your therapist has arrived." or "Your session has started."
   * a reminder that the appointment starts in some minutes would only confuse).
   */
  public boolean isReminderOwed() {
    return status == BookingStatus.ACTIVE && mode() == BookingMode.SCHEDULED && reminderSentAt == null
        && (job == null || job.arrivedAt() == null);
  }

  /** Records that the reminder before the appointment was posted. */
  public Booking reminded(Instant now) {
    if (!isReminderOwed()) {
      throw new IllegalStateException("no reminder is owed for booking " + id);
    }
    return next(status, now, next -> next.reminderSentAt = now);
  }

  /**
   * The next version: this one with the new status and time, and what the transition changes. A new
   * field is added here (and in {@link Draft}) once; transitions name only what they change.
   */
  private Booking next(BookingStatus to, Instant now, Consumer<Draft> changes) {
    Draft draft = new Draft(this);
    changes.accept(draft);
    return new Booking(
        id, owner, request, to, draft.therapist, draft.therapistUserId, draft.offerExpiresAt, draft.search, draft.startsAt,
        draft.chat, draft.cancellation, draft.job, draft.payment, draft.reminderSentAt, createdAt, now, version + 1);
  }

  /** The fields a transition may change, copied from the version it starts from. */
  private static final class Draft {
    TherapistMatch therapist;
    String therapistUserId;
    Instant offerExpiresAt;
    SearchProgress search;
    Instant startsAt;
    ChatRefs chat;
    Cancellation cancellation;
    JobProgress job;
    Payment payment;
    Instant reminderSentAt;

    Draft(Booking from) {
      therapist = from.therapist;
      therapistUserId = from.therapistUserId;
      offerExpiresAt = from.offerExpiresAt;
      search = from.search;
      startsAt = from.startsAt;
      chat = from.chat;
      cancellation = from.cancellation;
      job = from.job;
      payment = from.payment;
      reminderSentAt = from.reminderSentAt;
    }
  }

  /**
   * Who may read the booking's document directly: the customer (see {@link Owner#readers}), and the
   * engaged therapist while the booking is active, since the document carries the customer's
   * WhatsApp number (Appwrite has no field-level permissions: the whole document is shared, and
   * withdrawn again when the booking ends). The versions kept with each change are the customer's
   * alone.
   */
  public Set<String> readers() {
    return status == BookingStatus.ACTIVE ? withTherapist(owner.readers()) : owner.readers();
  }

  /**
   * Who may read the booking's chat directly (its room, the messages in it, the pair's session): the
   * customer, and from acceptance on the engaged therapist, for good; what the chat holds of the
   * customer's contact is erased when the booking ends.
   */
  public Set<String> chatReaders() {
    return withTherapist(owner.readers());
  }

  private Set<String> withTherapist(Set<String> customer) {
    if (therapistUserId == null) {
      return customer;
    }
    Set<String> readers = new HashSet<>(customer);
    readers.add(therapistUserId);
    return Set.copyOf(readers);
  }

  /** Time the therapist needs to arrive; only meaningful once a therapist is attached. */
  public Duration travelTime() {
    return therapist == null ? Duration.ZERO : Duration.ofMinutes(therapist.etaMinutes());
  }
}
