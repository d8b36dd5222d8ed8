package id.pijat.testing;

import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import java.time.Instant;

/** A valid createBooking request for 60 minutes at a place, for tests about what comes after. */
public final class BookingRequests {
  private BookingRequests() {}

  public static NewBooking at(Coordinates where) {
    return at(where, null);
  }

  /** @param scheduledAt null for an immediate booking */
  public static NewBooking at(Coordinates where, Instant scheduledAt) {
    return new NewBooking(
        new CustomerDetails("Budi Santoso", WhatsAppNumber.parse("081234567890")),
        ServiceDuration.MINUTES_60,
        new Location("Jl. Raya 1, near " + where.lat() + "," + where.lng(), where),
        scheduledAt);
  }
}
