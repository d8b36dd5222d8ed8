package id.pijat.booking;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;

/**
 * Where bookings are kept, safely without transactions.
 *
 * <p>Each version of a booking after the first is claimed by creating the document {@code
 * <bookingId>.<version>} in {@value #CHANGES}, holding the whole new state. Creating an ID that
 * exists fails, so of two executions that both start from version n only one moves the booking to
 * n+1; the other learns it lost ({@link ConcurrentChangeException}), re-reads and decides again.
 * The {@value #COLLECTION} document is then brought up to date; it may lag behind or even be
 * overwritten by a slower writer, so every read looks for newer claimed versions and rolls forward.
 * A claim is the commit: a function that dies right after it loses nothing.
 */
public final class Bookings {
  public static final String COLLECTION = "bookings";
  public static final String CHANGES = "booking_changes";

  private final DocumentStore store;
  private final Clock clock;

  public Bookings(DocumentStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** @throws DocumentExistsException when a booking with this ID exists already */
  public void insert(Booking booking) {
    store.create(
        COLLECTION, booking.id(), BookingDocuments.toData(booking), new HashSet<>(BookingDocuments.readers(booking)));
  }

  public Optional<Booking> find(String bookingId) {
    return store.find(COLLECTION, bookingId).map(this::rollForward);
  }

  /**
   * The booking as it stands, if the caller owns it, without bringing its document up to date: for
   * the functions that only read, whose key may not write. The next writer brings it up to date.
   */
  public Booking readOwned(String bookingId, Caller caller) {
    Booking booking =
        store.find(COLLECTION, bookingId).map(document -> newest(BookingDocuments.fromDocument(document)))
            .orElseThrow(() -> new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID."));
    caller.requireOwns(booking);
    return booking;
  }

  /** The booking, if it exists and the caller owns it; otherwise BOOKING_NOT_FOUND or PERMISSION_DENIED. */
  public Booking findOwned(String bookingId, Caller caller) {
    Booking booking =
        find(bookingId)
            .orElseThrow(() -> new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID."));
    caller.requireOwns(booking);
    return booking;
  }

  /**
   * Stores {@code next}, which must be the version after {@code current}.
   *
   * @throws ConcurrentChangeException when another execution changed the booking first
   */
  public Booking save(Booking current, Booking next) {
    if (next.version() != current.version() + 1) {
      throw new IllegalArgumentException("next version must follow " + current.version() + ": " + next.version());
    }
    try {
      store.create(
          CHANGES,
          changeId(next.id(), next.version()),
          Map.of(
              "bookingId", next.id(),
              "version", next.version(),
              "snapshot", BookingDocuments.snapshot(next),
              "createdAt", DocumentTimes.format(clock.instant())),
          new HashSet<>(BookingDocuments.readers(next)));
    } catch (DocumentExistsException lost) {
      throw new ConcurrentChangeException(next.id(), next.version());
    }
    project(next);
    return next;
  }


  static String changeId(String bookingId, long version) {
    return bookingId + "." + version;
  }

  private Booking rollForward(Document document) {
    Booking stored = BookingDocuments.fromDocument(document);
    Booking newest = newest(stored);
    if (newest != stored) {
      project(newest);
    }
    return newest;
  }

  /** The latest claimed version: a slow writer may not have brought the document up to date yet. */
  private Booking newest(Booking stored) {
    Booking newest = stored;
    Optional<Document> change;
    while ((change = store.find(CHANGES, changeId(newest.id(), newest.version() + 1))).isPresent()) {
      newest = BookingDocuments.fromSnapshot(newest.id(), change.get().string("snapshot"));
    }
    return newest;
  }

  private void project(Booking booking) {
    try {
      store.update(COLLECTION, booking.id(), BookingDocuments.toData(booking));
    } catch (DocumentNotFoundException e) {
      throw new IllegalStateException("a versioned booking lost its document: " + booking.id(), e);
    }
  }
}
