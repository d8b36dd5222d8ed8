package id.pijat.usecase;

import id.pijat.booking.BookingIds;
import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.fairuse.CustomerLimits;
import id.pijat.matching.TravelTime;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.BookingToken;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.Owner;
import id.pijat.model.booking.PriceList;
import id.pijat.store.StoreRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Opens a booking in status searching, at the server's price; a retry with the same key gets the same booking. */
public final class CreateBooking {
  /** How far ahead a scheduled booking may be made. */
  public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(90);
  /** How soon a scheduled booking may be: no therapist gets there sooner, so none could be offered. */
  public static final Duration MIN_SCHEDULE_AHEAD = TravelTime.MINIMUM;

  private final Bookings bookings;
  private final IdempotencyRecords idempotency;
  private final PriceList prices;
  private final CustomerLimits limits;
  private final Clock clock;
  private final BookingIds ids;

  /** With plain IDs, which tell a search nothing of where the booking is. */
  public CreateBooking(Bookings bookings, IdempotencyRecords idempotency, PriceList prices, CustomerLimits limits, Clock clock) {
    this(bookings, idempotency, prices, limits, clock, BookingIds.PLAIN);
  }

  public CreateBooking(
      Bookings bookings, IdempotencyRecords idempotency, PriceList prices, CustomerLimits limits, Clock clock, BookingIds ids) {
    this.bookings = bookings;
    this.idempotency = idempotency;
    this.prices = prices;
    this.limits = limits;
    this.clock = clock;
    this.ids = ids;
  }

  /** The booking, and for a guest the token they must keep: it is not shown again. */
  public record Created(Booking booking, BookingToken token) {}

  /**
   * A key is scoped to what only its caller has: a user's ID, or for a guest the number they typed
   * together with the key itself, which must be too long to guess (FunctionRequest). A retry answers
   * the first create; a create that was refused, or that the database refused, frees its key.
   *
   * @param idempotencyKey null when the client sent none
   */
  public Created create(Caller caller, NewBooking request, String idempotencyKey) {
    Instant now = clock.instant();
    BookingToken token = caller.isGuest() ? BookingToken.generate() : null;
    String proposed = ids.next(request.location().coordinates());
    IdempotencyRecords.Claim claim = new IdempotencyRecords.Claim(proposed, request.fingerprint(), token);
    if (idempotencyKey == null) {
      requireSchedulable(request, now);
      limits.beforeCreate(caller, request, now);
      Booking booking = booking(caller, request, claim, now);
      bookings.insert(booking);
      // the ID is this call's alone: a booking already under it is this call's own, its answer lost
      return keptWithinLimits(caller, new Written(booking, true), claim, () -> {});
    }
    String scope = caller.isGuest() ? "guest:" + request.customer().whatsapp().value() : "user:" + caller.userId();
    claim = idempotency.claim(scope, idempotencyKey, claim, now);
    if (!claim.fingerprint().equals(request.fingerprint())) {
      throw new Rejection(
          ErrorCode.IDEMPOTENCY_CONFLICT,
          "This idempotency key was already used for a different booking request.");
    }
    // a key this call claimed has no booking yet; an earlier request's has one, unless it is still
    // under way or died first
    boolean retry = !claim.bookingId().equals(proposed);
    if (retry) {
      var earlier = bookings.find(claim.bookingId());
      if (earlier.isPresent()) {
        // as getBooking answers it: an offer whose window has passed is over, its therapist no longer shown
        return new Created(earlier.get().asSeenAt(now), claim.token());
      }
    }
    Runnable freeKey = () -> idempotency.release(scope, idempotencyKey);
    Written written;
    try {
      // the request that claimed the key is charged for its booking, not each retry of it; a
      // retry that writes it first is still counted against the open bookings after its write
      // the time is checked once the key has found no booking: a retry's scheduledAt has come
      // closer since the request that wrote it, and the retry answers that booking all the same
      requireSchedulable(request, now);
      if (!retry) {
        limits.beforeCreate(caller, request, now);
      }
      Booking booking = booking(caller, request, claim, now);
      written = new Written(booking, bookings.insert(booking));
    } catch (Rejection | StoreRejectedException refused) {
      freeKey.run();
      throw refused;
    }
    return keptWithinLimits(caller, written, claim, freeKey);
  }

  /** A booking written, or found written by the first request with the same key. */
  private record Written(Booking booking, boolean byThisCall) {}

  /**
   * A booking this call wrote is counted against the customer's limits once more (racing creates
   * may all have passed the check before the write); one too many is taken back, its key first: a
   * retry with the key is then a new create, refused while the booking stays should the delete
   * fail. Nothing else refers to it yet: its search, chat and locks come later, by its ID, which
   * the customer learns from this call's answer (README "Fair use": what a signed-in customer could
   * see in the moment it stands).
   */
  private Created keptWithinLimits(Caller caller, Written written, IdempotencyRecords.Claim claim, Runnable freeKey) {
    if (!written.byThisCall()) {
      // the first request with this key finished while we were here, and counted it itself (or this
      // call's own write, its answer lost on the way: then it is not counted again, README "Fair use")
      return new Created(bookings.find(written.booking().id()).orElseThrow(), claim.token());
    }
    try {
      limits.afterCreate(caller, written.booking());
    } catch (Rejection tooMany) {
      freeKey.run();
      bookings.withdraw(written.booking().id());
      throw tooMany;
    }
    return new Created(written.booking(), claim.token());
  }

  private Booking booking(Caller caller, NewBooking request, IdempotencyRecords.Claim claim, Instant now) {
    Owner owner = caller.isGuest() ? Owner.guest(claim.token()) : Owner.user(caller.userId());
    BookingRequest booked =
        new BookingRequest(
            request.customer(),
            request.duration(),
            prices.priceOf(request.duration()),
            request.location(),
            request.scheduledAt());
    return Booking.open(claim.bookingId(), owner, booked, now);
  }

  private static void requireSchedulable(NewBooking request, Instant now) {
    Instant at = request.scheduledAt();
    if (at == null) {
      return;
    }
    if (!at.isAfter(now)) {
      throw Rejection.invalidInput("scheduledAt", "must be in the future");
    }
    if (at.isBefore(now.plus(MIN_SCHEDULE_AHEAD))) {
      throw Rejection.invalidInput("scheduledAt",
          "must be at least " + MIN_SCHEDULE_AHEAD.toMinutes() + " minutes ahead, the least a therapist needs to get there");
    }
    if (at.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
      throw Rejection.invalidInput("scheduledAt", "must be within " + MAX_SCHEDULE_AHEAD.toDays() + " days");
    }
  }
}
