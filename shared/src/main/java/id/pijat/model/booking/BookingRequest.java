package id.pijat.model.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** What the customer asked for, fixed when the booking is made; the price is the server's. */
public record BookingRequest(
    CustomerDetails customer,
    ServiceDuration duration,
    long price,
    Location location,
    Instant scheduledAt) {
  /** How soon an immediate booking's therapist arrives: "within 1 hour or less", its confirmation says. */
  public static final Duration IMMEDIATE_ARRIVAL = Duration.ofHours(1);

  public BookingRequest {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(location, "location");
    if (price < PriceList.MIN_PRICE || price > PriceList.MAX_PRICE) {
      throw new IllegalArgumentException("price out of bounds: " + price);
    }
  }

  /**
   * When the massage starts if the therapist is engaged at {@code now}: the scheduled time, or for an
   * immediate booking their arrival.
   */
  public Instant startsAt(Instant now, Duration travelTime) {
    return scheduledAt != null ? scheduledAt : now.plus(travelTime);
  }

  /**
   * Whether a therapist setting out at {@code now} keeps the booking's promise: there by a scheduled
   * booking's time, or for an immediate one within {@link #IMMEDIATE_ARRIVAL}, as its confirmation
   * says (at the search's 25 km a therapist can be 75 minutes away). A scheduled booking's therapist
   * must have a moment left before they set out: their offer ends then ({@link #offerEnds}).
   */
  public boolean isReachableIn(Instant now, Duration travelTime) {
    return scheduledAt == null ? travelTime.compareTo(IMMEDIATE_ARRIVAL) <= 0 : now.plus(travelTime).isBefore(scheduledAt);
  }

  /**
   * When an offer of a therapist {@code travelTime} away ends: at the end of its window, or for a
   * scheduled booking when the therapist must set out to be there by its time, if sooner (accepted
   * later, they would arrive after it).
   */
  public Instant offerEnds(Instant windowEnds, Duration travelTime) {
    if (scheduledAt == null) {
      return windowEnds;
    }
    Instant setOut = scheduledAt.minus(travelTime);
    return setOut.isBefore(windowEnds) ? setOut : windowEnds;
  }

  /** A scheduled booking whose time has come: no therapist can be offered or accepted for it any more. */
  public boolean isPastItsTime(Instant now) {
    return scheduledAt != null && !scheduledAt.isAfter(now);
  }

  /** From when a therapist engaged at {@code now} is taken: the scheduled time, or at once. */
  public Instant takenFrom(Instant now) {
    return scheduledAt != null ? scheduledAt : now;
  }

  public BookingMode mode() {
    return scheduledAt == null ? BookingMode.IMMEDIATE : BookingMode.SCHEDULED;
  }
}
