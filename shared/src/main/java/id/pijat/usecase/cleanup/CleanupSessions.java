package id.pijat.usecase.cleanup;

import id.pijat.booking.Bookings;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.chat.Chats;
import id.pijat.fairuse.RateCounters;
import id.pijat.hold.TherapistLocks;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Cancellation;
import id.pijat.store.Document;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.Due;
import id.pijat.store.Fanout;
import id.pijat.usecase.CancelBooking;
import id.pijat.usecase.Completion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The scheduled run (README, "cleanupSessions"). Each duty finds what is due with an indexed query and
 * changes it only if it is still due when re-read: a booking through its next version (a customer
 * who acted a moment before wins, and of two runs only one moves it), everything else through
 * derived IDs and checks, so two runs at once do each thing once and a run after a gap catches up.
 */
public final class CleanupSessions {
  /** The event of the reminder's system message (its ID is derived from it and the booking). */
  public static final String REMINDER = "reminder";

  private final DocumentStore store;
  private final Bookings bookings;
  private final TherapistLocks locks;
  private final Chats chats;
  private final Completion completion;
  private final BookingPolicy policy;
  private final Clock clock;
  private final Fanout fanout;

  public CleanupSessions(
      DocumentStore store,
      Bookings bookings,
      TherapistLocks locks,
      Chats chats,
      BookingPolicy policy,
      Clock clock,
      Fanout fanout) {
    this.store = store;
    this.bookings = bookings;
    this.locks = locks;
    this.chats = chats;
    this.completion = new Completion(locks, chats, fanout);
    this.policy = policy;
    this.clock = clock;
    this.fanout = fanout;
  }

  /** What one run did, duty by duty, and which duties have more left for the next run. */
  public record Report(Map<String, Integer> done, List<String> unfinished) {
    public boolean more() {
      return !unfinished.isEmpty();
    }
  }

  private record Duty(String name, Function<Budget, Sweep.Outcome> sweep) {}

  public Report run(Budget budget) {
    Instant now = clock.instant();
    List<Duty> duties =
        List.of(
            new Duty("offersExpired", b -> bookingsDue(b, Bookings.offersPast(now), this::expireOffer)),
            new Duty("bookingsCompleted", b -> bookingsDue(b, Bookings.endedBy(now.minus(policy.completionGrace())), this::complete)),
            new Duty("searchesAbandoned", b -> bookingsDue(b, Bookings.searchingUntouchedSince(now.minus(policy.abandonAfter())), this::abandon)),
            new Duty("remindersSent", b -> remind(b, now)),
            new Duty("holdsReleased", b -> settleCancellations(b, now)),
            new Duty("logsCompacted", b -> compactLogs(b, now)),
            new Duty("roomsClosed", b -> closeRooms(b, now)),
            new Duty("sessionsDeactivated", b -> endSessions(b, now)),
            new Duty("idempotencyRecordsPurged", b -> purge(b, IdempotencyRecords.expired(now))),
            new Duty("rateCountersPurged", b -> purge(b, RateCounters.expired(now))));
    // the duties work on different documents (or meet on a booking's next version, which decides),
    // so they run at once: an idle run is one round of lists
    List<Sweep.Outcome> outcomes =
        fanout.all(duties.stream().<Supplier<Sweep.Outcome>>map(duty ->
            () -> budget.isSpent() ? new Sweep.Outcome(0, true) : duty.sweep().apply(budget)).toList());
    Map<String, Integer> done = new LinkedHashMap<>();
    List<String> unfinished = new ArrayList<>();
    for (int i = 0; i < duties.size(); i++) {
      done.put(duties.get(i).name(), outcomes.get(i).handled());
      if (outcomes.get(i).more()) {
        unfinished.add(duties.get(i).name());
      }
    }
    return new Report(done, unfinished);
  }

  /** The cleanup's decision on one booking it re-read: the next version, or empty when nothing is due any more. */
  @FunctionalInterface
  private interface BookingRule {
    Optional<Booking> next(Booking current, Instant now);
  }

  private Sweep.Outcome bookingsDue(Budget budget, Due due, BookingRule rule) {
    ToIntFunction<Document> handle = document -> {
      Optional<Booking> current = Optional.of(bookings.current(document));
      Optional<Booking> next = current.flatMap(booking -> rule.next(booking, clock.instant()));
      if (next.isEmpty()) {
        return 0;
      }
      try {
        bookings.save(current.get(), next.get());
      } catch (ConcurrentChangeException customerFirst) {
        return 0;
      }
      if (next.get().status() == BookingStatus.COMPLETED) {
        // as when the therapist reports it completed
        completion.letGo(next.get());
      } else if (next.get().status().isFinal()) {
        locks.releaseAll(next.get().id());
      } else {
        // back to searching: the lapsed therapist goes; a newer round may already hold the next one
        locks.releaseTherapist(current.get().id(), current.get().therapistId());
      }
      return 1;
    };
    return Sweep.updating(store, due, budget, handle);
  }

  /** An offer past its window: back to searching, the therapist passed over and free again. */
  private Optional<Booking> expireOffer(Booking booking, Instant now) {
    if (booking.status() != BookingStatus.PENDING_ACCEPT || booking.isOfferOpen(now)) {
      return Optional.empty();
    }
    return Optional.of(booking.keepSearching(booking.search().passOver(booking.therapistId()), now));
  }

  /**
   * An active booking past its expected end (later when the therapist reported a delay or a late
   * start) and the grace: completed, the therapist free. The fallback for a therapist who does not
   * report the completion.
   */
  private Optional<Booking> complete(Booking booking, Instant now) {
    if (booking.status() != BookingStatus.ACTIVE || now.isBefore(policy.completesAt(booking))) {
      return Optional.empty();
    }
    return Optional.of(booking.complete(now));
  }

  /** A booking left searching with no call for the abandonment time: cancelled. */
  private Optional<Booking> abandon(Booking booking, Instant now) {
    if (booking.status() != BookingStatus.SEARCHING || now.isBefore(booking.updatedAt().plus(policy.abandonAfter()))) {
      return Optional.empty();
    }
    return Optional.of(booking.cancel(Cancellation.ABANDONED, Cancellation.BY_SYSTEM, now));
  }

  /**
   * A reminder in the room of each accepted scheduled booking, {@link BookingPolicy#reminderBefore}
   * ahead of its start, once however many runs overlap. The message's ID is derived from the
   * booking, so of two runs at once one writes it and counts it; reminderSentAt is then recorded
   * through the booking's next version, which takes the booking out of the query. It is posted
   * before it is recorded, so a run that dies in between leaves it owed, and the next run finds the
   * message there and only records it.
   */
  private Sweep.Outcome remind(Budget budget, Instant now) {
    return Sweep.updating(store, Bookings.remindersOwed(now, now.plus(policy.reminderBefore())), budget, document -> {
      Booking booking = bookings.current(document);
      if (!policy.isReminderDue(booking, now)) {
        return 0;
      }
      boolean posted = chats.post(booking, REMINDER, reminderText(Duration.between(now, booking.startsAt())), now);
      try {
        bookings.save(booking, booking.reminded(now));
      } catch (ConcurrentChangeException changedFirst) {
        // another run recorded it, or the booking changed meanwhile: the next run re-reads it and,
        // should it still be owed, finds the message there and only records it
      }
      return posted ? 1 : 0;
    });
  }

  /** "Reminder: this appointment starts in 1 hour 55 minutes." The customer and the therapist read it. */
  static String reminderText(Duration untilStart) {
    long minutes = untilStart.plusMinutes(1).minusNanos(1).toMinutes();
    long hours = minutes / 60;
    long rest = minutes % 60;
    String in = hours == 0
        ? plural(rest, "minute")
        : rest == 0 ? plural(hours, "hour") : plural(hours, "hour") + " " + plural(rest, "minute");
    return "Reminder: this appointment starts in " + in + ".";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }

  /**
   * Each cancellation settled once, a couple of minutes after it: a cancel that died after its
   * commit left its holds (and maybe its chat); counted are the locks this run released.
   */
  private Sweep.Outcome settleCancellations(Budget budget, Instant now) {
    return Sweep.updating(store, Bookings.toSettle(now), budget, document -> {
      Booking cancelled = bookings.current(document);
      int released = 0;
      if (cancelled.status() == BookingStatus.CANCELLED) {
        chats.close(cancelled, CancelBooking.closingMessageOf(cancelled), now);
        released = locks.releaseAll(cancelled.id());
      }
      bookings.settled(cancelled.id());
      return released;
    });
  }

  /**
   * The logs of each finished booking compacted once, an hour after it finished: its older versions
   * and the lock entries it and others left below each lock's head; counted are the documents deleted.
   */
  private Sweep.Outcome compactLogs(Budget budget, Instant now) {
    Instant before = now.minus(Bookings.COMPACT_AFTER);
    return Sweep.updating(store, Bookings.toCompact(now), budget, document -> {
      int deleted = bookings.compact(document.id(), before) + locks.compact(document.id(), before);
      bookings.compacted(document.id());
      return deleted;
    });
  }

  /** Rooms six hours past their appointment's end: closed with a system message. */
  private Sweep.Outcome closeRooms(Budget budget, Instant now) {
    return Sweep.updating(store, Chats.roomsToClose(now), budget, room -> chats.closeRoom(room, Chats.CLOSED_FINISHED, now) ? 1 : 0);
  }

  /** Sessions past their 24 hours: no longer active. */
  private Sweep.Outcome endSessions(Budget budget, Instant now) {
    return Sweep.updating(store, Chats.sessionsExpired(now), budget, session -> {
      try {
        return chats.endExpiredSession(session.id(), now) ? 1 : 0;
      } catch (DocumentNotFoundException gone) {
        return 0;
      }
    });
  }

  /** Deletes the documents that are due: records past their lifetime. */
  private Sweep.Outcome purge(Budget budget, Due due) {
    return Sweep.deleting(store, due, budget, record -> {
      try {
        store.delete(due.collection(), record.id());
        return 1;
      } catch (DocumentNotFoundException anotherRunFirst) {
        return 0;
      }
    });
  }
}
