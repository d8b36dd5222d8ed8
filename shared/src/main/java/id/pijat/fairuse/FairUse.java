package id.pijat.fairuse;

import id.pijat.booking.Bookings;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.NewBooking;
import id.pijat.store.Fanout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * No customer takes more of a city's therapists than a customer needs (README "Fair use"): a few
 * open bookings at once, each holding at most one therapist, for an offer window of at most the
 * cap; new bookings, search rounds and passed-over therapists counted per customer and per network
 * address. Checks come before the write they guard, so a refused request writes nothing; the open
 * bookings are counted once more after a new booking is written, which takes it back when racing
 * creates went over.
 */
public final class FairUse implements CustomerLimits {
  private final Bookings bookings;
  private final RateCounters counters;
  private final FairUsePolicy policy;
  private final Fanout fanout;

  /** Its reads one after the other. */
  public FairUse(Bookings bookings, RateCounters counters, FairUsePolicy policy) {
    this(bookings, counters, policy, Fanout.SEQUENTIAL);
  }

  public FairUse(Bookings bookings, RateCounters counters, FairUsePolicy policy, Fanout fanout) {
    this.bookings = bookings;
    this.counters = counters;
    this.policy = policy;
    this.fanout = fanout;
  }

  /**
   * @throws Rejection INVALID_STATE when the customer has as many open bookings as allowed
   * @throws id.pijat.error.RateLimited when they, or their address, booked too often
   */
  @Override
  public void beforeCreate(Caller caller, NewBooking request, Instant now) {
    if (!policy.enforced()) {
      return;
    }
    List<RateCounters.Charge> charges = new ArrayList<>();
    charges.add(charge(Limit.CREATES_PER_CUSTOMER, customer(caller.userId(), request.customer().whatsapp().value())));
    if (caller.address() != null) {
      charges.add(charge(Limit.CREATES_PER_ADDRESS, address(caller)));
      if (request.scheduledAt() != null) {
        charges.add(charge(Limit.SCHEDULED_PER_ADDRESS, address(caller)));
      }
    }
    // the open bookings and the rates' counters are read at once; the counters are written only
    // once both let the request through
    Fanout.Both<Integer, RateCounters.Counted> read =
        fanout.both(
            () -> bookings.openOf(caller.userId(), request.customer().whatsapp(), policy.maxOpenBookings()),
            () -> counters.count(charges, now));
    int open = read.first();
    if (open >= policy.maxOpenBookings()) {
      throw tooManyOpen(open);
    }
    read.second().take();
  }

  /**
   * Counts the customer's open bookings again, the new one among them. Of racing creates that all
   * passed {@link #beforeCreate}, the one whose count comes last sees every booking written before
   * it (each is written before its own count), so no more than the maximum stay; under a close race
   * all of them may refuse, never too few.
   *
   * @throws Rejection INVALID_STATE, as {@link #beforeCreate}, when the new booking is one too many
   */
  @Override
  public void afterCreate(Caller caller, Booking booking) {
    if (!policy.enforced()) {
      return;
    }
    int max = policy.maxOpenBookings();
    int open = bookings.openOf(caller.userId(), booking.request().customer().whatsapp(), max + 1);
    if (open > max) {
      throw tooManyOpen(open - 1);
    }
  }

  private static Rejection tooManyOpen(int open) {
    return new Rejection(ErrorCode.INVALID_STATE,
        "You already have " + open + " open bookings. Finish or cancel one before booking again.");
  }

  /**
   * Before a search round (a new offer or an empty round; a poll of an open offer is not one).
   *
   * @param passesOver the round moves past an offered therapist, declined or let lapse
   */
  @Override
  public RoundCount countRound(Caller caller, Booking booking, boolean passesOver, Instant now) {
    if (!policy.enforced()) {
      return RoundCount.FREE;
    }
    String customer = customer(booking.owner().userId(), booking.request().customer().whatsapp().value());
    List<RateCounters.Charge> charges = new ArrayList<>();
    charges.add(charge(Limit.ROUNDS_PER_CUSTOMER, customer));
    if (caller.address() != null) {
      charges.add(charge(Limit.ROUNDS_PER_ADDRESS, address(caller)));
    }
    if (passesOver) {
      charges.add(charge(Limit.PASSES_PER_CUSTOMER, customer));
    }
    return counters.count(charges, now);
  }

  /**
   * Reads the sender's message counters (one list, in the send's first round); the send checks them
   * before it writes and takes them with its write.
   *
   * @param sender the participant's sender ID (a user, or a guest's booking)
   */
  public RateCounters.Counted countMessage(String sender, Instant now) {
    List<RateCounters.Charge> charges =
        policy.enforced() ? List.of(charge(Limit.MESSAGES_PER_SENDER, "sender:" + sender)) : List.of();
    return counters.count(charges, now);
  }

  @Override
  public Duration offerWindow(Duration asked) {
    return policy.offerWindow(asked);
  }

  private RateCounters.Charge charge(Limit limit, String key) {
    return new RateCounters.Charge(limit, policy.rate(limit), key);
  }

  /** A user is one customer whatever numbers they type; a guest is their number. */
  private static String customer(String userId, String whatsapp) {
    return userId != null ? "user:" + userId : "whatsapp:" + whatsapp;
  }

  private static String address(Caller caller) {
    return "address:" + caller.address();
  }
}
