package id.pijat.fairuse;

import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.NewBooking;
import java.time.Duration;
import java.time.Instant;

/**
 * What a customer may take of the city, asked by the booking flow before each step that takes
 * something (the rules live in id.pijat.fairuse). Each check throws the Rejection the customer gets.
 */
public interface CustomerLimits {
  /** Before a new booking is written. */
  void beforeCreate(Caller caller, NewBooking request, Instant now);

  /**
   * Once this call has written {@code booking}, before anyone is told of it: racing creates may
   * all have passed {@link #beforeCreate}. The throwing call takes its booking back.
   */
  void afterCreate(Caller caller, Booking booking);

  /**
   * Before a search round, which may hold a therapist; passesOver when it moves past an offered
   * one. Reads what the round counts against (one list, beside the round's own reads); the round
   * checks it before it writes anything and counts itself beside its first write.
   */
  RoundCount countRound(Caller caller, Booking booking, boolean passesOver, Instant now);

  /** A search round's counters, as read. */
  interface RoundCount {
    /** A round nothing counts. */
    RoundCount FREE = new RoundCount() {
      @Override
      public void check() {}

      @Override
      public void take() {}
    };

    /**
     * Writes nothing.
     *
     * @throws id.pijat.error.RateLimited when the round would go over a rate
     */
    void check();

    /**
     * Counts the round.
     *
     * @throws id.pijat.error.RateLimited when racing rounds took the last places since the read
     */
    void take();
  }

  /** The offer window a search gets for the one it asked. */
  Duration offerWindow(Duration asked);

}
