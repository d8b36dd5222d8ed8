package id.pijat.hold;

import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Query;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Locks on therapists without transactions. Each lock is an append-only log in {@value #COLLECTION}:
 * entry n of lock k has the ID {@code hash(k).n}. To change the lock an execution reads the head
 * (highest n) and creates entry n+1; creating an ID that exists fails, so of all executions that
 * read the same head exactly one moves the lock on. That is the fencing: a holder whose offer ran out
 * and was taken over finds a newer head and cannot write over it. Every hold expires, so an
 * execution that dies holding one blocks nobody for long.
 */
public final class Holds {
  public static final String COLLECTION = "therapist_holds";
  /** How often a change is retried when others keep moving the lock in between. */
  private static final int ATTEMPTS = 4;

  private final DocumentStore store;
  private final Clock clock;

  public Holds(DocumentStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Optional<HoldEntry> head(String lockKey) {
    return store
        .list(COLLECTION, List.of(Query.equal("lockKey", lockKey), Query.orderDesc("sequence"), Query.limit(1)))
        .stream()
        .findFirst()
        .map(HoldEntry::fromDocument);
  }

  /**
   * Whether any of these locks is held by another booking now. One read when none is (the usual
   * case); a head read for each lock that has an unexpired entry, to see whether it was released.
   */
  public boolean anyHeldByOthers(List<String> lockKeys, String bookingId) {
    Instant now = clock.instant();
    Set<String> suspects = new java.util.TreeSet<>();
    for (int from = 0; from < lockKeys.size(); from += Query.MAX_LIMIT) {
      List<String> batch = lockKeys.subList(from, Math.min(lockKeys.size(), from + Query.MAX_LIMIT));
      store
          .list(
              COLLECTION,
              List.of(
                  Query.equalAny("lockKey", batch),
                  Query.greaterThan("expiresAt", DocumentTimes.format(now)),
                  Query.limit(Query.MAX_LIMIT)))
          .stream()
          .map(HoldEntry::fromDocument)
          .filter(entry -> !entry.bookingId().equals(bookingId))
          .forEach(entry -> suspects.add(entry.lockKey()));
    }
    for (String lockKey : suspects) {
      Optional<HoldEntry> head = head(lockKey);
      if (head.isPresent() && head.get().isLive(now) && !head.get().bookingId().equals(bookingId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Offers the lock to a booking: succeeds when it is free, or already offered to this booking.
   *
   * @return false when another booking holds it
   */
  public boolean offer(String lockKey, String bookingId, Instant until) {
    return append(lockKey, HoldEntry.Kind.OFFER, bookingId, until, Set.of());
  }

  /**
   * Engages the lock for a booking that holds its offer, or (for a time slot) that finds it free.
   *
   * @param fromOffer true when the booking must hold a live offer on this lock first
   * @return false when the lock is not this booking's to take
   */
  public boolean engage(String lockKey, String bookingId, Instant until, boolean fromOffer) {
    return append(
        lockKey,
        HoldEntry.Kind.ENGAGED,
        bookingId,
        until,
        fromOffer ? Set.of(HoldEntry.Kind.OFFER) : Set.of());
  }

  /**
   * Gives the lock back if this booking holds it; a lock moved on to someone else is left alone.
   *
   * @return true when this call released it
   */
  public boolean release(String lockKey, String bookingId) {
    return release(lockKey, bookingId, EnumSet.of(HoldEntry.Kind.OFFER, HoldEntry.Kind.ENGAGED));
  }

  /**
   * Gives the lock back only if this booking holds it as one of these kinds: a search that moved on
   * from an offer must not undo the engagement a racing acceptance of the same booking just made.
   *
   * @return true when this call released it
   */
  public boolean release(String lockKey, String bookingId, Set<HoldEntry.Kind> kinds) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HoldEntry> head = head(lockKey);
      if (head.isEmpty() || !kinds.contains(head.get().kind()) || !head.get().bookingId().equals(bookingId)) {
        return false;
      }
      if (create(lockKey, head.get().sequence() + 1, HoldEntry.Kind.RELEASED, bookingId, null)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives back every lock this booking may still hold, found through its entries (the hold_booking
   * index), so nothing about the booking's time needs to be known; safe to repeat.
   *
   * @return how many locks were given back
   */
  public int releaseAllOf(String bookingId) {
    Set<String> lockKeys = new java.util.TreeSet<>();
    store.list(COLLECTION, List.of(Query.equal("bookingId", bookingId), Query.limit(Query.MAX_LIMIT)))
        .forEach(entry -> lockKeys.add(entry.string("lockKey")));
    int released = 0;
    for (String lockKey : lockKeys) {
      if (release(lockKey, bookingId)) {
        released++;
      }
    }
    return released;
  }

  /**
   * @param mustFollow when not empty, the head must be a live entry of this booking of one of these
   *     kinds; when empty, the lock must be free or already this booking's
   */
  private boolean append(
      String lockKey, HoldEntry.Kind kind, String bookingId, Instant until, Set<HoldEntry.Kind> mustFollow) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Optional<HoldEntry> head = head(lockKey);
      boolean mine = head.isPresent() && head.get().isHeldBy(bookingId, now);
      if (mine && head.get().kind() == kind) {
        return true;
      }
      boolean free = head.isEmpty() || !head.get().isLive(now);
      boolean allowed = mustFollow.isEmpty() ? free || mine : mine && mustFollow.contains(head.get().kind());
      if (!allowed) {
        return false;
      }
      if (create(lockKey, head.map(HoldEntry::sequence).orElse(0L) + 1, kind, bookingId, until)) {
        return true;
      }
    }
    return false;
  }

  private boolean create(String lockKey, long sequence, HoldEntry.Kind kind, String bookingId, Instant until) {
    Map<String, Object> data = new HashMap<>();
    data.put("lockKey", lockKey);
    data.put("sequence", sequence);
    data.put("kind", kind.code());
    data.put("bookingId", bookingId);
    data.put("expiresAt", DocumentTimes.format(until));
    data.put("createdAt", DocumentTimes.format(clock.instant()));
    try {
      store.create(COLLECTION, entryId(lockKey, sequence), data, Set.of());
      return true;
    } catch (DocumentExistsException taken) {
      return false;
    }
  }

  /** At most 24 + 1 + 10 characters, within Appwrite's 36, whatever the lock key's length. */
  static String entryId(String lockKey, long sequence) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(lockKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12) + "." + sequence;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
