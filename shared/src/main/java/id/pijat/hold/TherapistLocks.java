package id.pijat.hold;

import id.pijat.model.booking.Booking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a booking holds of a therapist. The therapist's own lock is held by one booking at a time:
 * the open offer, or the immediate booking under way. A booking's time (start to end plus the travel
 * buffer) is held as {@link #SLOT}-long slots, one lock each, so two bookings that overlap in time
 * meet on at least one slot, and bookings that do not overlap never meet.
 */
public final class TherapistLocks {
  /** The grain of time holds: a booking blocks the slots its span touches. */
  public static final Duration SLOT = Duration.ofMinutes(15);
  /** How long the therapist's lock stays engaged while a scheduled booking is being accepted. */
  static final Duration ACCEPT_FENCE = Duration.ofMinutes(1);
  private static final String SLOT_SEPARATOR = "@";
  private static final Set<HoldEntry.Kind> ENGAGED = Set.of(HoldEntry.Kind.ENGAGED);

  private final Holds holds;

  public TherapistLocks(Holds holds) {
    this.holds = holds;
  }

  /** The result of trying to engage a therapist for an accepted booking. */
  public enum Engagement { ENGAGED, OFFER_LOST, TIME_TAKEN }

  public static String therapistKey(String therapistId) {
    return therapistId;
  }

  /** The slot locks of a span: every slot from the one holding {@code from} to the one before {@code until}. */
  public static List<String> slotKeys(String therapistId, Instant from, Instant until) {
    long slotSeconds = SLOT.toSeconds();
    long first = Math.floorDiv(from.getEpochSecond(), slotSeconds);
    long last = Math.floorDiv(until.getEpochSecond() - 1, slotSeconds);
    List<String> keys = new ArrayList<>();
    for (long slot = first; slot <= last; slot++) {
      keys.add(therapistId + SLOT_SEPARATOR + slot);
    }
    return keys;
  }

  /**
   * Offers the therapist to the booking if no other booking holds them or any slot of the span the
   * booking would take: one read for all those heads, one create for the offer.
   *
   * @return false when the therapist or their time is taken
   */
  public boolean offerIfFree(String therapistId, String bookingId, Instant spanStart, Instant spanEnd, Instant offerEnds) {
    return offerIfFree(therapistId, bookingId, spanStart, spanEnd, offerEnds, heads(offerKeys(therapistId, spanStart, spanEnd)));
  }

  /** The locks an offer (and the acceptance after it) of this therapist for this span decides on. */
  public static List<String> offerKeys(String therapistId, Instant spanStart, Instant spanEnd) {
    List<String> locks = new ArrayList<>(slotKeys(therapistId, spanStart, spanEnd));
    locks.add(therapistKey(therapistId));
    return locks;
  }

  /** The heads of these locks in one read, for {@link #offerIfFree} and {@link #engage} to decide on. */
  public Map<String, HoldEntry> heads(List<String> lockKeys) {
    return holds.heads(lockKeys);
  }

  /** As {@link #offerIfFree}, with the heads of its {@link #offerKeys} read a moment before. */
  public boolean offerIfFree(
      String therapistId, String bookingId, Instant spanStart, Instant spanEnd, Instant offerEnds, Map<String, HoldEntry> heads) {
    List<String> slots = slotKeys(therapistId, spanStart, spanEnd);
    Instant now = holds.now();
    boolean timeTaken =
        slots.stream().map(heads::get).anyMatch(head -> head != null && head.isLive(now) && !head.bookingId().equals(bookingId));
    return !timeTaken && holds.offer(therapistKey(therapistId), bookingId, offerEnds, Optional.ofNullable(heads.get(therapistKey(therapistId))));
  }

  /**
   * Turns the booking's offer into an engagement: the therapist's lock (for an immediate booking,
   * until {@code holdUntil}; for a scheduled one, briefly, as a fence) and every slot of the span.
   * On failure nothing stays held.
   */
  public Engagement engage(Booking booking, Instant spanStart, Instant spanEnd, Instant holdUntil, Instant now) {
    return engage(booking, spanStart, spanEnd, holdUntil, now, heads(offerKeys(booking.therapistId(), spanStart, spanEnd)));
  }

  /**
   * As {@link #engage}, with the heads of the span's {@link #offerKeys} read a moment before. The
   * therapist's lock is taken first: it is what decides between bookings, and no other booking can
   * take it before this one lets go. Holding it, this booking is the only one claiming these slots
   * now, so they are claimed all at once; a slot held already belongs to an earlier booking, and
   * what was taken is given back.
   */
  public Engagement engage(Booking booking, Instant spanStart, Instant spanEnd, Instant holdUntil, Instant now, Map<String, HoldEntry> heads) {
    String therapistId = booking.therapistId();
    boolean immediate = booking.request().scheduledAt() == null;
    Instant lockUntil = immediate ? holdUntil : now.plus(ACCEPT_FENCE);
    List<String> slots = slotKeys(therapistId, spanStart, spanEnd);
    if (!holds.engage(therapistKey(therapistId), booking.id(), lockUntil, true, Optional.ofNullable(heads.get(therapistKey(therapistId))))) {
      return Engagement.OFFER_LOST;
    }
    List<String> taken = holds.engageEach(slots, booking.id(), holdUntil, heads);
    if (taken.size() < slots.size()) {
      List<String> giveBack = new ArrayList<>(taken);
      giveBack.add(therapistKey(therapistId));
      holds.releaseEach(giveBack, booking.id(), ENGAGED);
      return Engagement.TIME_TAKEN;
    }
    return Engagement.ENGAGED;
  }

  /**
   * Undoes {@link #engage} after the booking moved on without this acceptance: the engagement and
   * the slots, but not an offer the booking may hold by now.
   */
  public void disengage(Booking booking, Instant spanStart, Instant spanEnd) {
    List<String> locks = new ArrayList<>(slotKeys(booking.therapistId(), spanStart, spanEnd));
    locks.add(therapistKey(booking.therapistId()));
    holds.releaseEach(locks, booking.id(), ENGAGED);
  }

  /** After a scheduled booking is accepted its slots hold the time; the therapist is free for others. */
  public void releaseFence(Booking booking) {
    if (booking.request().scheduledAt() != null) {
      holds.release(therapistKey(booking.therapistId()), booking.id(), ENGAGED);
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
  public int releaseEach(List<String> lockKeys, String bookingId) {
    return holds.releaseEach(lockKeys, bookingId);
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
    releaseEach(ofTherapist, bookingId, heads(ofTherapist));
  }

  /** The locks of this therapist the booking ever had an entry in: what {@link #releaseTherapist} gives back. */
  public List<String> keysOf(String bookingId, String therapistId) {
    return holds.lockKeysOf(bookingId).stream()
        .filter(key -> key.equals(therapistKey(therapistId)) || key.startsWith(therapistId + SLOT_SEPARATOR))
        .toList();
  }

  /**
   * Gives back each of these locks the booking holds, from heads read a moment before (a head that
   * moved on meanwhile is read again); all at once.
   */
  public void releaseEach(List<String> lockKeys, String bookingId, Map<String, HoldEntry> heads) {
    holds.releaseEach(lockKeys, bookingId, Set.of(HoldEntry.Kind.OFFER, HoldEntry.Kind.ENGAGED), heads);
  }
}
