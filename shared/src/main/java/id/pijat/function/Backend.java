package id.pijat.function;

import id.pijat.availability.ProviderAvailability;
import id.pijat.booking.AcceptTherapist;
import id.pijat.booking.Bookings;
import id.pijat.booking.CancelBooking;
import id.pijat.booking.CreateBooking;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.chat.Chats;
import id.pijat.cleanup.CleanupSessions;
import id.pijat.hold.Holds;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.CheckSearchStatus;
import id.pijat.matching.SearchTherapists;
import id.pijat.matching.TherapistSearch;
import id.pijat.store.DocumentStore;
import java.time.Clock;

/** What a function works with: the store, the clock and the settings; the use cases are built from them. */
public record Backend(DocumentStore store, Clock clock, Settings settings) {
  public Bookings bookings() {
    return new Bookings(store, clock);
  }

  public TherapistLocks locks() {
    return new TherapistLocks(new Holds(store, clock));
  }

  public CreateBooking createBooking() {
    return new CreateBooking(bookings(), new IdempotencyRecords(store), settings.prices(), clock);
  }

  public SearchTherapists searchTherapists() {
    return new SearchTherapists(
        bookings(), new TherapistSearch(store), new ProviderAvailability(store), locks(), settings.policy(), clock);
  }

  public CheckSearchStatus checkSearchStatus() {
    return new CheckSearchStatus(bookings(), clock);
  }

  public AcceptTherapist acceptTherapist() {
    return new AcceptTherapist(bookings(), locks(), chats(), store, settings.policy(), clock);
  }

  public Chats chats() {
    return new Chats(store);
  }

  public CleanupSessions cleanupSessions() {
    return new CleanupSessions(store, bookings(), locks(), chats(), settings.policy(), clock);
  }

  public CancelBooking cancelBooking() {
    return new CancelBooking(bookings(), locks(), chats(), clock);
  }
}
