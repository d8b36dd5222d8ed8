package id.pijat.function;

import id.pijat.availability.ProviderAvailability;
import id.pijat.booking.BookingIds;
import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.chat.ChatMessages;
import id.pijat.chat.Chats;
import id.pijat.fairuse.FairUse;
import id.pijat.fairuse.RateCounters;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.TherapistSearch;
import id.pijat.store.DocumentStore;
import id.pijat.store.Fanout;
import id.pijat.therapist.Therapists;
import id.pijat.usecase.AcceptTherapist;
import id.pijat.usecase.CancelBooking;
import id.pijat.usecase.CheckSearchStatus;
import id.pijat.usecase.Completion;
import id.pijat.usecase.CreateBooking;
import id.pijat.usecase.ReadMessages;
import id.pijat.usecase.ReportJobProgress;
import id.pijat.usecase.SearchTherapists;
import id.pijat.usecase.SendMessage;
import id.pijat.usecase.SetPaymentStatus;
import id.pijat.usecase.SetTherapistPresence;
import id.pijat.usecase.SetWeeklyHours;
import id.pijat.usecase.cleanup.CleanupSessions;
import java.time.Clock;

/**
 * What a function works with: the store, the clock, the settings, and the fanout that runs a use
 * case's independent store calls at once; the use cases are built from them.
 */
public record Backend(DocumentStore store, Clock clock, Settings settings, Fanout fanout) {
  /** On the pool all functions of the JVM share. */
  public Backend(DocumentStore store, Clock clock, Settings settings) {
    this(store, clock, settings, Fanout.shared());
  }

  public Bookings bookings() {
    return new Bookings(store, clock, fanout);
  }

  public Therapists therapists() {
    return new Therapists(store);
  }

  public TherapistLocks locks() {
    return new TherapistLocks(store, clock, fanout);
  }

  public CreateBooking createBooking() {
    return new CreateBooking(bookings(), new IdempotencyRecords(store), settings.prices(), fairUse(), clock, bookingIds());
  }

  public SearchTherapists searchTherapists() {
    return new SearchTherapists(
        bookings(), new TherapistSearch(therapists(), fanout), new ProviderAvailability(store), locks(), settings.policy(), fairUse(), clock, fanout,
        bookingIds());
  }

  private BookingIds bookingIds() {
    return settings.bookingPlaceSecret() == null ? BookingIds.PLAIN : new BookingIds(settings.bookingPlaceSecret());
  }

  public FairUse fairUse() {
    return new FairUse(bookings(), new RateCounters(store, fanout), settings.fairUse(), fanout);
  }

  public CheckSearchStatus checkSearchStatus() {
    return new CheckSearchStatus(bookings(), clock);
  }

  public AcceptTherapist acceptTherapist() {
    return new AcceptTherapist(bookings(), locks(), chats(), therapists(), settings.policy(), clock, fanout);
  }

  public Chats chats() {
    return new Chats(store, fanout);
  }

  public CleanupSessions cleanupSessions() {
    return new CleanupSessions(store, bookings(), locks(), chats(), settings.policy(), clock, fanout);
  }

  public CancelBooking cancelBooking() {
    return new CancelBooking(bookings(), locks(), chats(), clock, fanout);
  }

  public SendMessage sendMessage() {
    return new SendMessage(bookings(), new ChatMessages(store), fairUse(), clock, fanout);
  }

  public ReadMessages readMessages() {
    return new ReadMessages(bookings(), new ChatMessages(store), settings.chatCursorSecret(), clock, fanout);
  }

  public SetTherapistPresence setTherapistPresence() {
    return new SetTherapistPresence(therapists());
  }

  public ReportJobProgress reportJobProgress() {
    return new ReportJobProgress(
        bookings(), chats(), locks(), new Completion(locks(), chats(), fanout), settings.policy(), clock, fanout);
  }

  public SetPaymentStatus setPaymentStatus() {
    return new SetPaymentStatus(bookings(), clock);
  }

  public SetWeeklyHours setWeeklyHours() {
    return new SetWeeklyHours(therapists(), new ProviderAvailability(store, fanout), clock);
  }
}
