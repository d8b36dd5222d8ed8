package id.pijat.hold;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The heads of some locks as one read found them: what an intent (offer, engage, release) decides
 * on. A head that moves on after the read makes the intent's create meet a 409, and the lock is read
 * again, so a snapshot is never trusted beyond its first attempt.
 */
public final class Heads {
  private final Map<String, HoldEntry> byLockKey;

  Heads(Map<String, HoldEntry> byLockKey) {
    this.byLockKey = Map.copyOf(byLockKey);
  }

  /** The lock's newest entry; empty for a lock that was never held (or was not in the read). */
  public Optional<HoldEntry> of(String lockKey) {
    return Optional.ofNullable(byLockKey.get(lockKey));
  }

  /** These heads and those of another read. */
  Heads and(Heads other) {
    Map<String, HoldEntry> both = new HashMap<>(byLockKey);
    both.putAll(other.byLockKey);
    return new Heads(both);
  }

  boolean has(String lockKey) {
    return byLockKey.containsKey(lockKey);
  }
}
