package id.pijat.hold;

import id.pijat.store.Claims;
import id.pijat.store.Document;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Fanout;
import id.pijat.store.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Locks on therapists without transactions. Each lock is an append-only log in {@value #COLLECTION}:
 * entry n of lock k has the ID {@code hash(k).n}. To change the lock an execution reads the head
 * (highest n) and creates entry n+1; creating an ID that exists fails, so of all executions that
 * read the same head exactly one moves the lock on. That is the fencing: a holder whose offer ran out
 * and was taken over finds a newer head and cannot write over it. Every hold expires, so an
 * execution that dies holding one blocks nobody for long.
 */
final class Holds {
  static final String COLLECTION = "therapist_holds";
  /** How often a change is retried when others keep moving the lock in between. */
  private static final int ATTEMPTS = 4;
  private static final Set<HoldEntry.Kind> HELD = EnumSet.of(HoldEntry.Kind.OFFER, HoldEntry.Kind.ENGAGED);

  private final DocumentStore store;
  private final Clock clock;
  private final Fanout fanout;

  /** Its calls one after the other. */
  Holds(DocumentStore store, Clock clock) {
    this(store, clock, Fanout.SEQUENTIAL);
  }

  /** Entries of different locks are written at once. */
  Holds(DocumentStore store, Clock clock, Fanout fanout) {
    this.store = store;
    this.clock = clock;
    this.fanout = fanout;
  }

  Optional<HoldEntry> head(String lockKey) {
    return store
        .list(COLLECTION, List.of(Query.equal("lockKey", lockKey), Query.orderDesc("sequence"), Query.limit(1)))
        .stream()
        .findFirst()
        .map(HoldEntry::fromDocument);
  }

  /** The head of one lock whose log may be long, read alone, and of others in one read, at once. */
  Heads heads(String longLog, List<String> others) {
    Fanout.Both<Optional<HoldEntry>, Heads> read = fanout.both(() -> head(longLog), () -> heads(others));
    return read.second().and(new Heads(read.first().map(head -> Map.of(longLog, head)).orElse(Map.of())));
  }

  /**
   * The heads of several locks in one read: their entries newest first, the first of each lock being
   * its head. Should the page fill up before every lock showed, the rest are read in one more query.
   */
  Heads heads(List<String> lockKeys) {
    Map<String, HoldEntry> heads = new HashMap<>();
    for (int from = 0; from < lockKeys.size(); from += Query.MAX_LIMIT) {
      List<String> batch = lockKeys.subList(from, Math.min(lockKeys.size(), from + Query.MAX_LIMIT));
      List<Document> entries =
          store.list(
              COLLECTION,
              List.of(Query.equalAny("lockKey", batch), Query.orderDesc("sequence"), Query.limit(Query.MAX_LIMIT)));
      entries.stream().map(HoldEntry::fromDocument).forEach(entry -> heads.putIfAbsent(entry.lockKey(), entry));
      if (entries.size() == Query.MAX_LIMIT) {
        // long logs filled the page: the locks it did not reach (most often slots never held, which
        // have no entries) are read in one more query, and only should that fill up too, each alone, at once
        List<String> unseen = batch.stream().filter(key -> !heads.containsKey(key)).toList();
        List<Document> more = unseen.isEmpty() ? List.of() : store.list(
            COLLECTION, List.of(Query.equalAny("lockKey", List.copyOf(unseen)), Query.orderDesc("sequence"), Query.limit(Query.MAX_LIMIT)));
        more.stream().map(HoldEntry::fromDocument).forEach(entry -> heads.putIfAbsent(entry.lockKey(), entry));
        if (more.size() == Query.MAX_LIMIT) {
          fanout.all(unseen.stream().filter(key -> !heads.containsKey(key)).<Supplier<Optional<HoldEntry>>>map(key -> () -> head(key)).toList())
              .forEach(head -> head.ifPresent(entry -> heads.put(entry.lockKey(), entry)));
        }
      }
    }
    return new Heads(heads);
  }

  /**
   * Engages the lock holding this booking's offer and each of these other locks (free, or already
   * the booking's) all at once, from heads read a moment before: one create each, in one round.
   *
   * @return the locks this booking now holds of them, all of them on success
   */
  List<String> engageOfferedWithEach(
      String offeredLock, Instant offeredUntil, List<String> lockKeys, String bookingId, Instant until, Heads heads) {
    Fanout.Both<Boolean, List<String>> taken =
        fanout.both(
            () -> engageOffered(offeredLock, bookingId, offeredUntil, heads),
            () -> engageEach(lockKeys, bookingId, until, heads));
    List<String> engaged = new ArrayList<>();
    if (taken.first()) {
      engaged.add(offeredLock);
    }
    engaged.addAll(taken.second());
    return engaged;
  }

  /**
   * Engages each of these locks for the booking that is free (or already the booking's), all at
   * once, from heads read a moment before: one create each, in one round.
   *
   * @return the locks this booking now holds, all of them on success
   */
  List<String> engageEach(List<String> lockKeys, String bookingId, Instant until, Heads heads) {
    List<Boolean> taken =
        fanout.all(lockKeys.stream().<Supplier<Boolean>>map(lockKey ->
            () -> append(lockKey, HoldEntry.Kind.ENGAGED, bookingId, until, Set.of(), heads.of(lockKey))).toList());
    List<String> engaged = new ArrayList<>();
    for (int i = 0; i < lockKeys.size(); i++) {
      if (taken.get(i)) {
        engaged.add(lockKeys.get(i));
      }
    }
    return engaged;
  }

  /**
   * Offers the lock to a booking: succeeds when it is free, or already offered to this booking.
   *
   * @return false when another booking holds it
   */
  boolean offer(String lockKey, String bookingId, Instant until) {
    return append(lockKey, HoldEntry.Kind.OFFER, bookingId, until, Set.of());
  }

  /** As {@link #offer}, with the head read a moment before (by {@link #heads}). */
  boolean offer(String lockKey, String bookingId, Instant until, Heads heads) {
    return append(lockKey, HoldEntry.Kind.OFFER, bookingId, until, Set.of(), heads.of(lockKey));
  }

  /**
   * Engages the lock for the booking that holds a live offer on it.
   *
   * @return false when the lock is not this booking's to take
   */
  boolean engageOffered(String lockKey, String bookingId, Instant until) {
    return append(lockKey, HoldEntry.Kind.ENGAGED, bookingId, until, Set.of(HoldEntry.Kind.OFFER));
  }

  /** As {@link #engageOffered}, with the head read a moment before (by {@link #heads}). */
  boolean engageOffered(String lockKey, String bookingId, Instant until, Heads heads) {
    return append(lockKey, HoldEntry.Kind.ENGAGED, bookingId, until, Set.of(HoldEntry.Kind.OFFER), heads.of(lockKey));
  }

  /**
   * Keeps the lock engaged for this booking until {@code until}: a later entry when the head is this
   * booking's live engagement ending sooner, nothing when it lasts that long already.
   *
   * @return false when the head is not this booking's live engagement
   */
  boolean extendEngagement(String lockKey, String bookingId, Instant until, Optional<HoldEntry> readHead) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HoldEntry> head = attempt == 0 ? readHead : head(lockKey);
      if (head.isEmpty() || head.get().kind() != HoldEntry.Kind.ENGAGED || !head.get().isHeldBy(bookingId, clock.instant())) {
        return false;
      }
      if (!head.get().expiresAt().isBefore(until)) {
        return true;
      }
      if (create(lockKey, head.get().sequence() + 1, HoldEntry.Kind.ENGAGED, bookingId, until)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Gives the lock back if this booking holds it; a lock moved on to someone else is left alone.
   *
   * @return true when this call released it
   */
  boolean release(String lockKey, String bookingId) {
    return release(lockKey, bookingId, HELD);
  }

  /**
   * Gives the lock back only if this booking holds it as one of these kinds: a search that moved on
   * from an offer must not undo the engagement a racing acceptance of the same booking just made.
   *
   * @return true when this call released it
   */
  boolean release(String lockKey, String bookingId, Set<HoldEntry.Kind> kinds) {
    return release(lockKey, bookingId, kinds, head(lockKey));
  }

  /**
   * Gives back each of these locks this booking holds: one read for all the heads, then one create
   * each.
   *
   * @return how many were given back
   */
  int releaseEach(List<String> lockKeys, String bookingId) {
    return releaseEach(lockKeys, bookingId, HELD);
  }

  int releaseEach(List<String> lockKeys, String bookingId, Set<HoldEntry.Kind> kinds) {
    return releaseEach(lockKeys, bookingId, kinds, heads(lockKeys));
  }

  /** As {@link #releaseEach}, from heads read a moment before; the releases are written at once. */
  int releaseEach(List<String> lockKeys, String bookingId, Set<HoldEntry.Kind> kinds, Heads heads) {
    List<Supplier<Boolean>> releases =
        lockKeys.stream()
            .filter(heads::has)
            .<Supplier<Boolean>>map(lockKey -> () -> release(lockKey, bookingId, kinds, heads.of(lockKey)))
            .toList();
    return (int) fanout.all(releases).stream().filter(Boolean::booleanValue).count();
  }

  private boolean release(String lockKey, String bookingId, Set<HoldEntry.Kind> kinds, Optional<HoldEntry> readHead) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<HoldEntry> head = attempt == 0 ? readHead : head(lockKey);
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
  int releaseAllOf(String bookingId) {
    return releaseEach(lockKeysOf(bookingId), bookingId, HELD);
  }

  /** Every lock this booking has ever had an entry in, from the hold_booking index. */
  List<String> lockKeysOf(String bookingId) {
    Set<String> lockKeys = new TreeSet<>();
    store.list(COLLECTION, List.of(Query.equal("bookingId", bookingId), Query.limit(Query.MAX_LIMIT)))
        .forEach(entry -> lockKeys.add(entry.string("lockKey")));
    return List.copyOf(lockKeys);
  }

  /**
   * Deletes the entries of these locks made before {@code before}, except each lock's head. The head
   * is the lock's state, and deleting it would let its sequence be created again. Entries below it
   * are needed only as a fence against an execution that read the head before them; entry n+1 was
   * made after any such read, so once it is older than every execution can live it is no longer
   * needed.
   *
   * @return how many entries were deleted
   */
  int compact(List<String> lockKeys, Instant before) {
    Heads heads = heads(lockKeys);
    List<Supplier<Integer>> compactions =
        lockKeys.stream()
            .filter(lockKey -> heads.of(lockKey).map(head -> head.sequence() > 1).orElse(false))
            .<Supplier<Integer>>map(lockKey ->
                () -> deleteEntries(lockKey, List.of(Query.lessThan("sequence", heads.of(lockKey).orElseThrow().sequence())), before))
            .toList();
    return fanout.all(compactions).stream().mapToInt(Integer::intValue).sum();
  }

  /** As {@link #drop}, for several locks at once. */
  int dropEach(List<String> lockKeys, Instant before) {
    return fanout.all(lockKeys.stream().<Supplier<Integer>>map(lockKey -> () -> drop(lockKey, before)).toList())
        .stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Deletes every entry of a lock made before {@code before}, the head too: only for a lock nobody
   * can take any more (a time slot long past).
   *
   * @return how many entries were deleted
   */
  int drop(String lockKey, Instant before) {
    return deleteEntries(lockKey, List.of(), before);
  }

  private int deleteEntries(String lockKey, List<Query> which, Instant before) {
    List<Query> queries = new ArrayList<>();
    queries.add(Query.equal("lockKey", lockKey));
    queries.addAll(which);
    queries.add(Query.orderAsc("sequence"));
    queries.add(Query.limit(Query.MAX_LIMIT));
    List<Supplier<Boolean>> deletes =
        store.list(COLLECTION, queries).stream()
            .filter(entry -> !entry.instant("createdAt").isAfter(before))
            .<Supplier<Boolean>>map(entry -> () -> delete(entry.id()))
            .toList();
    return (int) fanout.all(deletes).stream().filter(Boolean::booleanValue).count();
  }

  private boolean delete(String entryId) {
    try {
      store.delete(COLLECTION, entryId);
      return true;
    } catch (DocumentNotFoundException anotherRunFirst) {
      return false;
    }
  }

  /**
   * @param mustFollow when not empty, the head must be a live entry of this booking of one of these
   *     kinds; when empty, the lock must be free or already this booking's
   */
  private boolean append(
      String lockKey, HoldEntry.Kind kind, String bookingId, Instant until, Set<HoldEntry.Kind> mustFollow) {
    return append(lockKey, kind, bookingId, until, mustFollow, head(lockKey));
  }

  /** @param readHead the head as read just before; later attempts read it again */
  private boolean append(
      String lockKey,
      HoldEntry.Kind kind,
      String bookingId,
      Instant until,
      Set<HoldEntry.Kind> mustFollow,
      Optional<HoldEntry> readHead) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = clock.instant();
      Optional<HoldEntry> head = attempt == 0 ? readHead : head(lockKey);
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
    // a 409 is "taken" only when the entry there is not the one this call wrote (see Claims)
    return Claims.create(store, COLLECTION, entryId(lockKey, sequence), data, Set.of());
  }

  /** At most 24 + 1 + 10 characters, within Appwrite's 36, whatever the lock key's length. */
  static String entryId(String lockKey, long sequence) {
    return DocumentIds.hashed(lockKey, 24) + "." + sequence;
  }
}
