package id.pijat.fairuse;

import id.pijat.error.RateLimited;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Due;
import id.pijat.store.Fanout;
import id.pijat.store.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts requests without an atomic increment, on Appwrite's one atomic step. A window of a rate is
 * a bucket (a hash of the key and the window's start); its n-th request is the document with the ID
 * hash(bucket, n), so of two requests that both read n-1, one creates n and the other gets 409 and
 * takes n+1: a bucket never holds more than the rate's count, however many executions race.
 *
 * <p>A check reads the current and previous window of every key in one list call (a list per key
 * where raised rates do not fit one page together), and weighs the
 * previous one by how much of it still overlaps the last {@code per} (a sliding window, so a burst
 * across a window's edge is not twice the rate). Then one create per key, all at once. A request that is let
 * through costs one list and one create per key; a refused one, the list only, and it writes
 * nothing. Counters expire after two windows; cleanupSessions deletes them.
 */
public final class RateCounters {
  public static final String COLLECTION = "rate_counters";

  private final DocumentStore store;
  private final Fanout fanout;

  /** Its calls one after the other. */
  public RateCounters(DocumentStore store) {
    this(store, Fanout.SEQUENTIAL);
  }

  public RateCounters(DocumentStore store, Fanout fanout) {
    this.store = store;
    this.fanout = fanout;
  }

  /** One request to count against a rate, for one key ("customer:+62812…", "address:203.0.113.7"). */
  public record Charge(Limit limit, Rate rate, String key) {}

  /** Counters whose window and look-back have passed, for cleanup to purge. */
  public static Due expired(Instant now) {
    return Due.by(COLLECTION, "expiresAt", now);
  }

  /**
   * Counts this request against every charge, or counts it against none.
   *
   * @throws RateLimited when any charge is over its rate; retryAt is the latest of them
   */
  public void take(List<Charge> charges, Instant now) {
    count(charges, now).take();
  }

  /**
   * The first half of {@link #take}: reads the charges' windows (one list), so that the caller can
   * read what else it needs meanwhile; {@link Counted#take} decides and writes.
   */
  public Counted count(List<Charge> charges, Instant now) {
    List<Window> windows = charges.stream().map(charge -> Window.of(charge, now)).toList();
    return new Counted(windows, charges.isEmpty() ? Map.of() : countAll(windows), now);
  }

  /** The windows of a request's charges as one read found them. */
  public final class Counted implements CustomerLimits.RoundCount {
    private final List<Window> windows;
    private final Map<String, Integer> counts;
    private final Instant now;

    private Counted(List<Window> windows, Map<String, Integer> counts, Instant now) {
      this.windows = windows;
      this.counts = counts;
      this.now = now;
    }

    /**
     * Counts the request against every charge (one create each, all at once), or against none.
     *
     * @throws RateLimited when any charge is over its rate; retryAt is the latest of them
     */
    @Override
    public void take() {
      check();
      fanout.run(windows.stream().<Runnable>map(window -> () -> claim(window, counts.getOrDefault(window.current, 0), now)).toList());
    }

    /**
     * The decision of {@link #take} without its writes, so that a caller can refuse before writing
     * anything and then count in the round of its own write.
     *
     * @throws RateLimited when any charge is over its rate; retryAt is the latest of them
     */
    @Override
    public void check() {
      Instant retryAt = null;
      Limit exceeded = null;
      for (Window window : windows) {
        Instant free = window.freeAt(counts.getOrDefault(window.current, 0), counts.getOrDefault(window.previous, 0), now);
        if (free != null && (retryAt == null || free.isAfter(retryAt))) {
          retryAt = free;
          exceeded = window.charge.limit();
        }
      }
      if (exceeded != null) {
        throw new RateLimited(exceeded.words(), retryAt, now);
      }
    }
  }

  private Map<String, Integer> countAll(List<Window> windows) {
    int most = windows.stream().mapToInt(Window::most).sum();
    if (most <= Query.MAX_LIMIT) {
      return count(windows, most);
    }
    // Raised rates may not fit one page together; each alone does (two windows of at most MAX_COUNT).
    Map<String, Integer> counts = new HashMap<>();
    for (Window window : windows) {
      counts.putAll(count(List.of(window), window.most()));
    }
    return counts;
  }

  private Map<String, Integer> count(List<Window> windows, int most) {
    List<Object> buckets = new ArrayList<>();
    for (Window window : windows) {
      buckets.add(window.current);
      buckets.add(window.previous);
    }
    Map<String, Integer> counts = new HashMap<>();
    for (Document counter : store.list(COLLECTION, List.of(Query.equalAny("bucket", buckets), Query.limit(most)))) {
      counts.merge(counter.string("bucket"), 1, Integer::sum);
    }
    return counts;
  }

  /** Takes the first free number of the current window; a 409 means a racing request took it. */
  private void claim(Window window, int counted, Instant now) {
    Map<String, Object> data = new HashMap<>();
    data.put("bucket", window.current);
    data.put("expiresAt", DocumentTimes.format(window.end.plus(window.charge.rate().per())));
    for (int n = counted + 1; n <= window.charge.rate().count(); n++) {
      try {
        store.create(COLLECTION, "r" + DocumentIds.hashed(window.current + "." + n, 32), data, Set.of());
        return;
      } catch (DocumentExistsException taken) {
        // the next number, if the window has one
      }
    }
    throw new RateLimited(window.charge.limit().words(), window.freeAt(window.charge.rate().count(), 0, now), now);
  }

  private record Window(Charge charge, String current, String previous, Instant start, Instant end) {
    static Window of(Charge charge, Instant now) {
      long per = charge.rate().per().toSeconds();
      long index = Math.floorDiv(now.getEpochSecond(), per);
      Instant start = Instant.ofEpochSecond(index * per);
      return new Window(charge, bucket(charge, index), bucket(charge, index - 1), start, start.plusSeconds(per));
    }

    /** The most counters its two windows can hold. */
    int most() {
      return 2 * charge.rate().count();
    }

    private static String bucket(Charge charge, long index) {
      return DocumentIds.hashed(charge.limit().name() + "\n" + charge.key() + "\n" + charge.rate().per().toSeconds() + "\n" + index, 32);
    }

    /**
     * When a request would be let through again, or null if it is now. The count of the last
     * {@code per} is the current window plus the part of the previous one still inside it, rounded
     * up: the previous window's requests are taken as spread evenly, and never as fewer than that.
     * A full window is not free at its end, where all its requests still count as the next window's
     * previous one, but once enough of them have slid out.
     */
    Instant freeAt(int current, int previous, Instant now) {
      int count = charge.rate().count();
      long per = charge.rate().per().toMillis();
      if (current >= count) {
        return end.plusMillis(per - Math.floorDiv((long) (count - 1) * per, current));
      }
      // in whole milliseconds, so that the edge is exact: previous * (per - elapsed) / per <= count - current - 1
      long elapsed = Duration.between(start, now).toMillis();
      long room = (long) (count - current - 1) * per;
      if ((long) previous * (per - elapsed) <= room) {
        return null;
      }
      return start.plusMillis(per - Math.floorDiv(room, previous));
    }
  }
}
