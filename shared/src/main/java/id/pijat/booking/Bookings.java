package id.pijat.booking;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.store.Claims;
import id.pijat.store.Document;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Due;
import id.pijat.store.Fanout;
import id.pijat.store.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
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
 * overwritten by a slower writer, so reads take the newest claimed version (the head of the changes).
 * A claim is the commit: a function that dies right after it loses nothing.
 */
public final class Bookings {
  public static final String COLLECTION = "bookings";
  public static final String CHANGES = "booking_changes";
  /** When cleanup settles a cancellation (releases, chat); null once done (the settle_after index). */
  public static final String SETTLE_DUE = "settleAfter";
  /** When cleanup compacts a final booking's logs; null once done (the compact_after index). */
  public static final String COMPACT_DUE = "compactAfter";
  /**
   * The start of an accepted scheduled booking while its reminder is owed; null once it is sent or
   * when none is owed (the reminder_owed index).
   */
  public static final String REMINDER_OWED = "reminderOwedFor";
  /** A cancel call is long over by then (functions time out after 15 s): what it left is settled. */
  public static final Duration SETTLE_AFTER = Duration.ofMinutes(2);
  /**
   * Logs are compacted once their entries are this old: far beyond any execution (cleanup's 120 s
   * timeout included), so no execution still holds a head read before them.
   */
  public static final Duration COMPACT_AFTER = Duration.ofHours(1);

  private static final List<Object> OPEN =
      List.of(BookingStatus.SEARCHING.code(), BookingStatus.PENDING_ACCEPT.code(), BookingStatus.ACTIVE.code());

  private final DocumentStore store;
  private final Clock clock;
  private final Fanout fanout;

  /** Its calls one after the other. */
  public Bookings(DocumentStore store, Clock clock) {
    this(store, clock, Fanout.SEQUENTIAL);
  }

  public Bookings(DocumentStore store, Clock clock, Fanout fanout) {
    this.store = store;
    this.clock = clock;
    this.fanout = fanout;
  }

  /**
   * How many of a customer's bookings are open (searching, offered or active), counting at most
   * {@code atMost}, in one list: a signed-in user's, whatever numbers they typed; a guest's, the
   * guest bookings under their WhatsApp number. A number is typed, never verified, so a booking of
   * somebody else's under it (a signed-in stranger's) does not count against its owner. Read from
   * the documents, which may lag their newest version by a moment.
   *
   * @param userId the signed-in customer, or null for a guest
   */
  public int openOf(String userId, WhatsAppNumber whatsapp, int atMost) {
    if (userId != null) {
      return store.list(COLLECTION, List.of(
          Query.equal("userId", userId), Query.equalAny("status", OPEN), Query.limit(atMost))).size();
    }
    // signed-in customers' bookings under the number are read too (there is no query for a null
    // user), a page of them: past that many, the guest's own could be missed
    List<Document> underNumber = store.list(COLLECTION, List.of(
        Query.equal("customerWhatsApp", whatsapp.value()), Query.equalAny("status", OPEN), Query.limit(Query.MAX_LIMIT)));
    return (int) Math.min(atMost, underNumber.stream().filter(document -> document.string("userId") == null).count());
  }

  /**
   * Writes a new booking; an answer lost on the way is settled by reading back.
   *
   * @return false when a booking with this ID was there already (the first request with the same
   *     idempotency key, or this call's own re-sent request)
   */
  public boolean insert(Booking booking) {
    return Claims.ensure(store, COLLECTION, booking.id(), BookingDocuments.toData(booking), booking.readers());
  }

  /**
   * Takes back a booking this call has just written and told no one of (its creation was refused
   * after the write): never changed, so its document is all there is.
   */
  public void withdraw(String bookingId) {
    try {
      store.delete(COLLECTION, bookingId);
    } catch (DocumentNotFoundException alreadyGone) {
      // a delete re-sent after its answer was lost meets its own work
    }
  }

  /**
   * The booking at its newest claimed version, in one request: the head of its changes, or, for a
   * booking never changed, its document. The {@value #COLLECTION} document is not brought up to date
   * here (the next change or cleanup does it, see {@link #current}).
   */
  public Optional<Booking> find(String bookingId) {
    return newestChange(bookingId).or(() -> store.find(COLLECTION, bookingId).map(BookingDocuments::fromDocument));
  }

  /**
   * As {@link #find}, reading the head of the changes and the document at once: one round for a
   * booking that may never have changed (a search's first call), at the cost of a second request.
   */
  public Booking findOwnedInOneRound(String bookingId, Caller caller) {
    Fanout.Both<Optional<Booking>, Optional<Document>> read =
        fanout.both(() -> newestChange(bookingId), () -> store.find(COLLECTION, bookingId));
    return owned(read.first().or(() -> read.second().map(BookingDocuments::fromDocument)), caller);
  }

  private Optional<Booking> newestChange(String bookingId) {
    List<Document> head =
        store.list(CHANGES, List.of(Query.equal("bookingId", bookingId), Query.orderDesc("version"), Query.limit(1)));
    return head.stream().findFirst().map(change -> BookingDocuments.fromSnapshot(bookingId, change.string("snapshot")));
  }

  /**
   * The booking a {@value #COLLECTION} document (from a list) stands for, at its newest version;
   * the document is brought up to date when a writer died between its claim and the update.
   */
  public Booking current(Document document) {
    Booking listed = BookingDocuments.fromDocument(document);
    Booking newest = find(listed.id()).orElse(listed);
    // a different status at the same version is a document a lost claim wrote and could not put back
    if (newest.version() > listed.version() || newest.status() != listed.status()) {
      project(newest);
    }
    return newest;
  }

  /**
   * The booking as its owner sees it now, if the caller owns it: for the functions that only read,
   * whose key may not write. The same read as {@link #findOwned}, which never writes either; an offer
   * whose window has passed reads as over (see {@link Booking#asSeenAt}).
   */
  public Booking readOwned(String bookingId, Caller caller) {
    return findOwned(bookingId, caller).asSeenAt(clock.instant());
  }

  /** The booking, if it exists and the caller owns it; otherwise BOOKING_NOT_FOUND or PERMISSION_DENIED. */
  public Booking findOwned(String bookingId, Caller caller) {
    return owned(find(bookingId), caller);
  }

  /**
   * The booking, if the caller owns it or is the therapist engaged for it (who may withdraw from
   * it); otherwise BOOKING_NOT_FOUND or PERMISSION_DENIED, as {@link #findOwned}.
   */
  public Booking findOwnedOrEngaged(String bookingId, Caller caller) {
    Booking booking = find(bookingId).orElseThrow(Bookings::notFound);
    if (!caller.isEngagedTherapistOf(booking)) {
      caller.requireOwns(booking);
    }
    return booking;
  }

  private static Booking owned(Optional<Booking> found, Caller caller) {
    Booking booking =
        found.orElseThrow(Bookings::notFound);
    caller.requireOwns(booking);
    return booking;
  }

  /**
   * Stores {@code next}, which must be the version after {@code current}.
   *
   * @throws ConcurrentChangeException when another execution changed the booking first
   */
  public Booking save(Booking current, Booking next) {
    return save(current, next, List.of());
  }

  /**
   * As {@link #save}; once the version is claimed, the {@value #COLLECTION} document is updated and
   * these follow-ups run, all at once.
   */
  public Booking save(Booking current, Booking next, List<Runnable> followUps) {
    claim(current, next);
    return saved(next, followUps);
  }

  /**
   * As {@link #save}, with the {@value #COLLECTION} document written in the same round as the claim,
   * and the follow-ups once the claim is won: a round fewer. Until the claim is known the document
   * may show a version that never won; so a claim that is lost or stays unknown puts the document
   * back to the newest claimed version (or to {@code current} when {@code next} is not claimed), at
   * worst lagging behind, as every read and cleanup allow.
   *
   * @throws ConcurrentChangeException when another execution changed the booking first
   */
  public Booking saveWritingDocumentAtOnce(Booking current, Booking next, List<Runnable> followUps) {
    Fanout.Both<RuntimeException, RuntimeException> failed =
        fanout.both(() -> failureOf(() -> claim(current, next)), () -> failureOf(() -> project(next)));
    if (failed.first() != null) {
      putBack(current, next);
      throw failed.first();
    }
    fanout.run(followUps);
    if (failed.second() != null) {
      throw failed.second();
    }
    return next;
  }

  private static RuntimeException failureOf(Runnable call) {
    try {
      call.run();
      return null;
    } catch (RuntimeException failed) {
      return failed;
    }
  }

  private void putBack(Booking current, Booking next) {
    try {
      project(newestChange(next.id()).filter(newest -> newest.version() >= next.version()).orElse(current));
    } catch (RuntimeException alsoFailed) {
      // the document lags or shows the version that lost until the next change or cleanup's read
      // of it (see current); the claim's own failure is what the caller answers
    }
  }

  /**
   * The first half of {@link #save}: claims {@code next}, the version after {@code current}, so
   * that the caller can read what it needs meanwhile; {@link #saved} must follow.
   *
   * @throws ConcurrentChangeException when another execution changed the booking first
   */
  public Booking claim(Booking current, Booking next) {
    if (next.version() != current.version() + 1) {
      throw new IllegalArgumentException("next version must follow " + current.version() + ": " + next.version());
    }
    boolean claimed =
        Claims.create(
            store,
            CHANGES,
            changeId(next.id(), next.version()),
            Map.of(
                "bookingId", next.id(),
                "version", next.version(),
                "snapshot", BookingDocuments.snapshot(next),
                "createdAt", DocumentTimes.format(clock.instant())),
            next.owner().readers());
    if (!claimed) {
      throw new ConcurrentChangeException(next.id(), next.version());
    }
    return next;
  }

  /** The second half of {@link #save}: the document brought up to date and the follow-ups, at once. */
  public Booking saved(Booking next, List<Runnable> followUps) {
    List<Runnable> after = new java.util.ArrayList<>();
    after.add(() -> project(next));
    after.addAll(followUps);
    fanout.run(after);
    return next;
  }


  static String changeId(String bookingId, long version) {
    return bookingId + "." + version;
  }

  /**
   * Deletes the booking's versions claimed before {@code before}, but never the newest: every read
   * needs it, and without it the next version's ID could be claimed again. A version is needed as a
   * fence only while an execution that read the one before it may still try to claim it, and no
   * execution lives anywhere near {@link #COMPACT_AFTER}.
   *
   * @return how many versions were deleted
   */
  public int compact(String bookingId, Instant before) {
    List<Document> versions =
        store.list(CHANGES, List.of(Query.equal("bookingId", bookingId), Query.orderDesc("version"), Query.limit(Query.MAX_LIMIT)));
    List<Document> deletable =
        versions.stream().skip(1).filter(version -> !version.instant("createdAt").isAfter(before)).toList();
    fanout.run(deletable.stream().<Runnable>map(version -> () -> deleteIfThere(CHANGES, version.id())).toList());
    return deletable.size();
  }

  /**
   * A signed-in customer's active bookings with this therapist, the pair's, as their documents stand
   * (read each with {@link #asListed}).
   */
  public static List<Query> activeOfPair(String userId, String therapistId) {
    return List.of(
        Query.equal("userId", userId), Query.equal("therapistId", therapistId),
        Query.equal("status", BookingStatus.ACTIVE.code()), Query.limit(Query.MAX_LIMIT));
  }

  /** The booking a document of the collection holds, as it stands there (the newest change aside). */
  public static Booking asListed(Document document) {
    return BookingDocuments.fromDocument(document);
  }

  /** Offers whose window has passed by {@code now}. */
  public static Due offersPast(Instant now) {
    return Due.by(COLLECTION, "offerExpiresAt", now, Query.equal("status", BookingStatus.PENDING_ACCEPT.code()));
  }

  /** Active bookings whose appointment ended by {@code dueBy}. */
  public static Due endedBy(Instant dueBy) {
    return Due.by(COLLECTION, "endsAt", dueBy, Query.equal("status", BookingStatus.ACTIVE.code()));
  }

  /** Bookings searching with no change since {@code dueBy}. */
  public static Due searchingUntouchedSince(Instant dueBy) {
    return Due.by(COLLECTION, "updatedAt", dueBy, Query.equal("status", BookingStatus.SEARCHING.code()));
  }

  /**
   * Accepted scheduled bookings owed a reminder that start after {@code now} and by {@code startsBy}:
   * one whose start has passed without one is not listed again.
   */
  public static Due remindersOwed(Instant now, Instant startsBy) {
    return Due.by(COLLECTION, REMINDER_OWED, startsBy, Query.greaterThan(REMINDER_OWED, DocumentTimes.format(now)));
  }

  /** Cancelled bookings whose leftovers are due to be settled (once, {@link #SETTLE_AFTER} on). */
  public static Due toSettle(Instant now) {
    return Due.by(COLLECTION, SETTLE_DUE, now);
  }

  /** Finished bookings whose logs are due to be compacted (once, {@link #COMPACT_AFTER} on). */
  public static Due toCompact(Instant now) {
    return Due.by(COLLECTION, COMPACT_DUE, now);
  }

  /** Records that cleanup settled this cancelled booking: it is not due again. */
  public void settled(String bookingId) {
    clear(bookingId, SETTLE_DUE);
  }

  /** Records that cleanup compacted this booking's logs: it is not due again. */
  public void compacted(String bookingId) {
    clear(bookingId, COMPACT_DUE);
  }

  private void clear(String bookingId, String marker) {
    Map<String, Object> cleared = new HashMap<>();
    cleared.put(marker, null);
    store.update(COLLECTION, bookingId, cleared);
  }

  private void deleteIfThere(String collection, String id) {
    try {
      store.delete(collection, id);
    } catch (DocumentNotFoundException anotherRunFirst) {
      // compacted by a run at the same time
    }
  }

  private static Rejection notFound() {
    return new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID.");
  }

  private void project(Booking booking) {
    Map<String, Object> data = BookingDocuments.toData(booking);
    // what cleanup does once after a final version: settle a cancellation (its call may have died
    // before letting go), then compact the logs once nothing can race on them
    if (booking.status() == BookingStatus.CANCELLED) {
      data.put(SETTLE_DUE, DocumentTimes.format(booking.updatedAt().plus(SETTLE_AFTER)));
    }
    if (booking.status().isFinal()) {
      data.put(COMPACT_DUE, DocumentTimes.format(booking.updatedAt().plus(COMPACT_AFTER)));
    }
    try {
      // who may read it follows the version too: the engaged therapist from acceptance to the end
      store.updateWithReaders(COLLECTION, booking.id(), data, booking.readers());
    } catch (DocumentNotFoundException withdrawn) {
      // only a booking taken back at its creation has no document (see withdraw): a call that
      // found it in the moment it stood answers as if it never had
      throw notFound();
    }
  }
}
