package id.pijat.testing;

import id.pijat.fairuse.CustomerLimits;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.NewBooking;
import java.time.Duration;
import java.time.Instant;

/** For tests of rules other than fair use: nothing is limited and every window is as asked. */
public final class NoLimits implements CustomerLimits {
  public static final CustomerLimits INSTANCE = new NoLimits();

  private NoLimits() {}

  @Override
  public void beforeCreate(Caller caller, NewBooking request, Instant now) {}

  @Override
  public void afterCreate(Caller caller, Booking booking) {}

  @Override
  public RoundCount countRound(Caller caller, Booking booking, boolean passesOver, Instant now) {
    return RoundCount.FREE;
  }

  @Override
  public Duration offerWindow(Duration asked) {
    return asked;
  }
}
