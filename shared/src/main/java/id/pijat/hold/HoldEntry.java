package id.pijat.hold;

import id.pijat.store.Document;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a lock's log. The entry with the highest sequence is the lock's state: held by its
 * booking until {@code expiresAt}, or free once released or expired.
 */
public record HoldEntry(String lockKey, long sequence, Kind kind, String bookingId, Instant expiresAt) {
  /** What the entry says about the lock. */
  public enum Kind {
    /** Offered to a customer for the offer window. */
    OFFER,
    /** Taken by an accepted booking until it ends. */
    ENGAGED,
    /** Given back. */
    RELEASED;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Kind fromCode(String code) {
      return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
  }

  public HoldEntry {
    Objects.requireNonNull(lockKey, "lockKey");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(bookingId, "bookingId");
    if (kind != Kind.RELEASED) {
      Objects.requireNonNull(expiresAt, "a hold expires");
    }
  }

  public boolean isLive(Instant now) {
    return kind != Kind.RELEASED && now.isBefore(expiresAt);
  }

  public boolean isHeldBy(String booking, Instant now) {
    return isLive(now) && bookingId.equals(booking);
  }

  static HoldEntry fromDocument(Document document) {
    return new HoldEntry(
        document.string("lockKey"),
        document.longValue("sequence"),
        Kind.fromCode(document.string("kind")),
        document.string("bookingId"),
        document.instant("expiresAt"));
  }
}
