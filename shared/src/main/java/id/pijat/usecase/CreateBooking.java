package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.fairuse.CustomerLimits;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.BookingToken;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.Owner;
import id.pijat.model.booking.PriceList;
import id.pijat.store.DocumentIds;
import id.pijat.store.StoreRejectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Opens a booking in status searching, at the server's price; a retry with the same key gets the same booking. */
public final class CreateBooking {
  /** How far ahead a scheduled booking may be made. */
  public static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(90);

  private final Bookings bookings;
  private final IdempotencyRecords idempotency;
  private final PriceList prices;
  private final CustomerLimits limits;
  private final Clock clock;

  public CreateBooking(Bookings bookings, IdempotencyRecords idempotency, PriceList prices, CustomerLimits limits, Clock clock) {
    this.bookings = bookings;
    this.idempotency = idempotency;
    this.prices = prices;
    this.limits = limits;
    this.clock = clock;
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
    requireSchedulable(request, now);
    BookingToken token = caller.isGuest() ? BookingToken.generate() : null;
    String proposed = DocumentIds.unique();
    IdempotencyRecords.Claim claim = new IdempotencyRecords.Claim(proposed, request.fingerprint(), token);
    if (idempotencyKey == null) {
      limits.beforeCreate(caller, request, now);
      return insert(caller, request, claim, now);
    }
    String scope = caller.isGuest() ? "guest:" + request.customer().whatsapp().value() : "user:" + caller.userId();
    claim = idempotency.claim(scope, idempotencyKey, claim, now);
    if (!claim.fingerprint().equals(request.fingerprint())) {
      throw new Rejection(
          ErrorCode.IDEMPOTENCY_CONFLICT,
          "This idempotency key was already used for a different booking request.");
    }
    // a key this call claimed has no booking yet; an earlier request's has one, unless it died first
    if (!claim.bookingId().equals(proposed)) {
      var earlier = bookings.find(claim.bookingId());
      if (earlier.isPresent()) {
        return new Created(earlier.get(), claim.token());
      }
    }
    try {
      limits.beforeCreate(caller, request, now);
      return insert(caller, request, claim, now);
    } catch (Rejection | StoreRejectedException refused) {
      idempotency.release(scope, idempotencyKey);
      throw refused;
    }
  }

  private Created insert(Caller caller, NewBooking request, IdempotencyRecords.Claim claim, Instant now) {
    Owner owner = caller.isGuest() ? Owner.guest(claim.token()) : Owner.user(caller.userId());
    BookingRequest booked =
        new BookingRequest(
            request.customer(),
            request.duration(),
            prices.priceOf(request.duration()),
            request.location(),
            request.scheduledAt());
    Booking booking = Booking.open(claim.bookingId(), owner, booked, now);
    if (bookings.insert(booking)) {
      return new Created(booking, claim.token());
    }
    // the first request with this key finished while we were here
    return new Created(bookings.find(booking.id()).orElseThrow(), claim.token());
  }

  private static void requireSchedulable(NewBooking request, Instant now) {
    Instant at = request.scheduledAt();
    if (at == null) {
      return;
    }
    if (!at.isAfter(now)) {
      throw Rejection.invalidInput("scheduledAt", "must be in the future");
    }
    if (at.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
      throw Rejection.invalidInput("scheduledAt", "must be within " + MAX_SCHEDULE_AHEAD.toDays() + " days");
    }
  }
}
