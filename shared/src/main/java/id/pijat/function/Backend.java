package id.pijat.function;

import id.pijat.booking.Bookings;
import id.pijat.booking.CreateBooking;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.store.DocumentStore;
import java.time.Clock;

/** What a function works with: the store, the clock and the settings; the use cases are built from them. */
public record Backend(DocumentStore store, Clock clock, Settings settings) {
  public Bookings bookings() {
    return new Bookings(store, clock);
  }

  public CreateBooking createBooking() {
    return new CreateBooking(bookings(), new IdempotencyRecords(store), settings.prices(), clock);
  }
}
