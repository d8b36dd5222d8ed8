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

  /** Before a search round, which may hold a therapist; passesOver when it moves past an offered one. */
  void beforeRound(Caller caller, Booking booking, boolean passesOver, Instant now);

  /** The offer window a search gets for the one it asked. */
  Duration offerWindow(Duration asked);

}
