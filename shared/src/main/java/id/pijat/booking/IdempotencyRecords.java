package id.pijat.booking;

import id.pijat.model.booking.BookingToken;
import id.pijat.model.booking.TokenSeal;
import id.pijat.store.Claims;
import id.pijat.store.Document;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Due;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Remembers, per caller and idempotency key, which booking a createBooking made, so that a retry
 * answers with that booking. The record is written before the booking, so a create that dies
 * half-way is finished by its retry. A guest's token is kept sealed with the idempotency key: the
 * record alone does not give it away, but the client that retries with the key gets it back.
 */
public final class IdempotencyRecords {
  public static final String COLLECTION = "idempotency_records";
  /** Clients retry within minutes; a day covers a phone that comes back online the next morning. */
  public static final Duration LIFETIME = Duration.ofHours(24);

  private final DocumentStore store;

  public IdempotencyRecords(DocumentStore store) {
    this.store = store;
  }

  /** What the first request with a key decided. */
  public record Claim(String bookingId, String fingerprint, BookingToken token) {}

  /**
   * Claims the key for this request, or answers the claim an earlier request made; the caller
   * compares fingerprints.
   */
  public Claim claim(String scope, String key, Claim proposed, Instant now) {
    String id = recordId(scope, key);
    Map<String, Object> data = new HashMap<>();
    data.put("scope", scope);
    data.put("fingerprint", proposed.fingerprint());
    data.put("bookingId", proposed.bookingId());
    data.put("sealedToken", proposed.token() == null ? null : TokenSeal.seal(proposed.token(), scope + key));
    data.put("createdAt", DocumentTimes.format(now));
    data.put("expiresAt", DocumentTimes.format(now.plus(LIFETIME)));
    // the proposed booking ID is unique to this request: a record carrying it is this call's, even
    // when the create's answer was lost or a re-sent request met it as a 409
    if (Claims.create(store, COLLECTION, id, data, Set.of(), "bookingId")) {
      return proposed;
    }
    Optional<Document> earlier = store.find(COLLECTION, id);
    if (earlier.isEmpty()) {
      // purged between our create and find: the key is free again
      return claim(scope, key, proposed, now);
    }
    Document record = earlier.get();
    String sealed = record.string("sealedToken");
    return new Claim(
        record.string("bookingId"),
        record.string("fingerprint"),
        sealed == null ? null : TokenSeal.open(sealed, scope + key));
  }

  /** Frees the key of a create that was refused, so its corrected retry is a new request. */
  /** Records past their lifetime, for cleanup to purge. */
  public static Due expired(Instant now) {
    return Due.by(COLLECTION, "expiresAt", now);
  }

  public void release(String scope, String key) {
    try {
      store.delete(COLLECTION, recordId(scope, key));
    } catch (DocumentNotFoundException alreadyGone) {
      // purged meanwhile: free already
    }
  }

  static String recordId(String scope, String key) {
    return "i" + DocumentIds.hashed(scope + "\n" + key, 32);
  }
}
