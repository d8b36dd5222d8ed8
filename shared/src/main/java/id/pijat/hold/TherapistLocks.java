package id.pijat.hold;

import id.pijat.model.booking.Booking;
import id.pijat.store.DocumentStore;
import id.pijat.store.Fanout;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a booking holds of a therapist. The therapist's own lock is held by one booking at a time:
 * the open offer, or the immediate booking under way. A booking's time (start to end plus the travel
 * buffer) is held as {@link #SLOT}-long slots, one lock each, so two bookings that overlap in time
 * meet on at least one slot; bookings that do not overlap meet only when they come within one
 * slot of each other (a span is held in whole slots, README "What is locked"). A caller reads the heads
 * of the locks it decides on once ({@link #heads}), then acts on them by name: offer, engage,
 * release.
 */
public final class TherapistLocks {
  /** The grain of time holds: a booking blocks the slots its span touches. */
  static final Duration SLOT = Duration.ofMinutes(15);
  /** How long the therapist's lock stays engaged while a scheduled booking is being accepted. */
  static final Duration ACCEPT_FENCE = Duration.ofMinutes(1);
  private static final String SLOT_SEPARATOR = "@";
  private static final Set<HoldEntry.Kind> ENGAGED = Set.of(HoldEntry.Kind.ENGAGED);

  /** The collection of the locks' logs (appwrite.json). */
  public static final String COLLECTION = Holds.COLLECTION;

  private final Holds holds;
  private final Clock clock;

  /** Its calls one after the other. */
  public TherapistLocks(DocumentStore store, Clock clock) {
    this(store, clock, Fanout.SEQUENTIAL);
  }

  /** Changes of different locks are written at once. */
  public TherapistLocks(DocumentStore store, Clock clock, Fanout fanout) {
    this(new Holds(store, clock, fanout), clock);
  }

  TherapistLocks(Holds holds, Clock clock) {
    this.holds = holds;
    this.clock = clock;
  }

  /** The result of trying to engage a therapist for an accepted booking. */
  public enum Engagement { ENGAGED, OFFER_LOST, TIME_TAKEN }

  /** The slot locks of a span: every slot from the one holding {@code from} to the one before {@code until}. */
  static List<String> slotKeys(String therapistId, Instant from, Instant until) {
    long slotSeconds = SLOT.toSeconds();
    long first = Math.floorDiv(from.getEpochSecond(), slotSeconds);
    long last = Math.floorDiv(until.getEpochSecond() - 1, slotSeconds);
    List<String> keys = new ArrayList<>();
    for (long slot = first; slot <= last; slot++) {
      keys.add(therapistId + SLOT_SEPARATOR + slot);
    }
    return keys;
  }

  /** The locks an offer (and the acceptance after it) of this therapist for this span decides on. */
  public static List<String> offerKeys(String therapistId, Instant spanStart, Instant spanEnd) {
    List<String> locks = new ArrayList<>(slotKeys(therapistId, spanStart, spanEnd));
    locks.add(therapistId);
    return locks;
  }

  /** The heads of these locks in one read: what the intents below decide on. */
  public Heads heads(List<String> lockKeys) {
    return holds.heads(lockKeys);
  }

  /**
   * The heads of a span's {@link #offerKeys}, the therapist's own lock read apart from the slots, at
   * once: its log holds every offer made to them and can fill a page by itself, before the slots
   * show, where a slot holds an entry or two for each booking of its quarter hour.
   */
  public Heads headsApart(String therapistId, Instant spanStart, Instant spanEnd) {
    return holds.heads(therapistId, slotKeys(therapistId, spanStart, spanEnd));
  }

  /**
   * Offers the therapist to the booking if no other booking holds them or any slot of the span the
   * booking would take, deciding on the heads of its {@link #offerKeys}: one create for the offer.
   *
   * @return false when the therapist or their time is taken
   */
  public boolean offer(Heads heads, String therapistId, String bookingId, Instant spanStart, Instant spanEnd, Instant offerEnds) {
    Instant now = clock.instant();
    boolean timeTaken =
        slotKeys(therapistId, spanStart, spanEnd).stream()
            .map(heads::of)
            .flatMap(Optional::stream)
            .anyMatch(head -> head.isLive(now) && !head.bookingId().equals(bookingId));
    return !timeTaken && holds.offer(therapistId, bookingId, offerEnds, heads);
  }

  /**
   * Turns the booking's offer into an engagement: the therapist's lock (for an immediate booking,
   * until {@code holdUntil}; for a scheduled one, briefly, as a fence) and every slot of the span,
   * deciding on the heads of the span's {@link #offerKeys}. The therapist's lock is what decides
   * between bookings: only the booking holding its offer may engage it, and only a booking holding
   * the offer claims the therapist's slots. So the slots are claimed in the same round as the lock,
   * and only when the heads show the lock held by this booking: a rival can then meet these slots
   * only if it took the offer over in the moment between the read and the writes, and then one of
   * the two fails to engage the lock and gives its slots back (never both engaged). A slot held
   * already belongs to an earlier booking, and what was taken is given back. On failure nothing
   * stays held.
   */
  public Engagement engage(Heads heads, Booking booking, Instant spanStart, Instant spanEnd, Instant holdUntil, Instant now) {
    String therapistId = booking.therapistId();
    if (!heads.of(therapistId).map(head -> head.isHeldBy(booking.id(), now)).orElse(false)) {
      return Engagement.OFFER_LOST;
    }
    boolean immediate = booking.request().scheduledAt() == null;
    Instant lockUntil = immediate ? holdUntil : now.plus(ACCEPT_FENCE);
    List<String> slots = slotKeys(therapistId, spanStart, spanEnd);
    List<String> taken = holds.engageOfferedWithEach(therapistId, lockUntil, slots, booking.id(), holdUntil, heads);
    if (taken.size() == slots.size() + 1) {
      return Engagement.ENGAGED;
    }
    holds.releaseEach(taken, booking.id(), ENGAGED);
    return taken.contains(therapistId) ? Engagement.TIME_TAKEN : Engagement.OFFER_LOST;
  }

  /**
   * Keeps an engaged therapist's time while the job runs later than planned: the slots from the
   * planned span's end to the later one (each free one engaged until {@code holdUntil}) and, for an
   * immediate booking, the therapist's lock until then, all from one read of the heads and written
   * at once. A slot another booking holds stays theirs: the therapist is late into it, which no lock
   * can undo.
   */
  public void keepEngaged(Booking booking, Instant plannedSpanEnd, Instant spanEnd, Instant holdUntil) {
    String therapistId = booking.therapistId();
    List<String> later = slotKeys(therapistId, plannedSpanEnd, spanEnd);
    List<String> keys = new ArrayList<>(later);
    boolean immediate = booking.request().scheduledAt() == null;
    if (immediate) {
      keys.add(therapistId);
    }
    Heads heads = heads(keys);
    holds.engageEach(later, booking.id(), holdUntil, heads);
    if (immediate) {
      holds.extendEngagement(therapistId, booking.id(), holdUntil, heads.of(therapistId));
    }
  }

  /**
   * Undoes {@link #engage} after the booking moved on without this acceptance: the engagement and
   * the slots, but not an offer the booking may hold by now.
   */
  public void disengage(Booking booking, Instant spanStart, Instant spanEnd) {
    List<String> locks = new ArrayList<>(slotKeys(booking.therapistId(), spanStart, spanEnd));
    locks.add(booking.therapistId());
    holds.releaseEach(locks, booking.id(), ENGAGED);
  }

  /** After a scheduled booking is accepted its slots hold the time; the therapist is free for others. */
  public void releaseFence(Booking booking) {
    if (booking.request().scheduledAt() != null) {
      holds.release(booking.therapistId(), booking.id(), ENGAGED);
    }
  }

  /**
   * Gives back everything the booking may hold: its offer, its engagement and its time; safe to
   * repeat.
   *
   * @return how many locks were given back
   */
  public int releaseAll(String bookingId) {
    return holds.releaseAllOf(bookingId);
  }

  /** Every lock this booking ever had an entry in. */
  public List<String> lockKeysOf(String bookingId) {
    return holds.lockKeysOf(bookingId);
  }

  /** As {@link #releaseAll}, with the booking's locks listed a moment before (by {@link #lockKeysOf}). */
  public void release(List<String> lockKeys, String bookingId) {
    holds.releaseEach(lockKeys, bookingId);
  }

  /**
   * Compacts the logs of every lock this finished booking touched: entries before {@code before}
   * go, each lock's head stays, and a time slot that ended before then goes entirely (no booking can
   * take a slot in the past).
   *
   * @return how many entries were deleted
   */
  public int compact(String bookingId, Instant before) {
    List<String> lockKeys = holds.lockKeysOf(bookingId);
    List<String> past = lockKeys.stream().filter(key -> slotEnd(key).map(end -> !end.isAfter(before)).orElse(false)).toList();
    List<String> current = lockKeys.stream().filter(key -> !past.contains(key)).toList();
    return holds.compact(current, before) + holds.dropEach(past, before);
  }

  /** When a slot lock's time ends; empty for a therapist's own lock. */
  private static Optional<Instant> slotEnd(String lockKey) {
    int at = lockKey.lastIndexOf(SLOT_SEPARATOR);
    if (at < 0) {
      return Optional.empty();
    }
    long slot = Long.parseLong(lockKey.substring(at + 1));
    return Optional.of(Instant.ofEpochSecond((slot + 1) * SLOT.toSeconds()));
  }

  /**
   * Gives back everything the booking holds of one therapist: the offer, and an engagement with its
   * slots left by an acceptance that died before its commit. Call it only once the booking's next
   * version, in which this therapist is passed over, is claimed: from then on no acceptance of this
   * therapist can commit, and no newer round can hold them for this booking.
   */
  public void releaseTherapist(String bookingId, String therapistId) {
    List<String> ofTherapist = keysOf(bookingId, therapistId);
    release(heads(ofTherapist), ofTherapist, bookingId);
  }

  /** The locks of this therapist the booking ever had an entry in: what {@link #releaseTherapist} gives back. */
  public List<String> keysOf(String bookingId, String therapistId) {
    return holds.lockKeysOf(bookingId).stream()
        .filter(key -> key.equals(therapistId) || key.startsWith(therapistId + SLOT_SEPARATOR))
        .toList();
  }

  /**
   * Gives back each of these locks the booking holds, from heads read a moment before (a head that
   * moved on meanwhile is read again); all at once.
   */
  public void release(Heads heads, List<String> lockKeys, String bookingId) {
    holds.releaseEach(lockKeys, bookingId, Set.of(HoldEntry.Kind.OFFER, HoldEntry.Kind.ENGAGED), heads);
  }
}
