package id.pijat.model.booking;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How far the search for a therapist has gone: the attempts used (each offer or empty round is
 * one), when the client may next get a new round, and the therapists this booking will not be
 * offered again because they were declined or let time out.
 */
public record SearchProgress(
    String searchId, int attempts, Instant lastSearchAt, Instant nextRetryAt, List<String> passedOver) {
  public static final SearchProgress NOT_STARTED = new SearchProgress(null, 0, null, null, List.of());
  /** Long enough for the client's own tag, search_<epoch ms>_<bookingId> (57 characters at most). */
  public static final int MAX_SEARCH_ID_LENGTH = 64;
  private static final Pattern SEARCH_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_SEARCH_ID_LENGTH + "}");

  /** A search ID the client names: an opaque tag we store and echo, so only its length and characters are checked. */
  public static String searchId(String tag) {
    if (!SEARCH_ID.matcher(tag).matches()) {
      throw new IllegalArgumentException("must be 1 to " + MAX_SEARCH_ID_LENGTH + " letters, digits, '.', '-' or '_'");
    }
    return tag;
  }

  public SearchProgress {
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
    passedOver = List.copyOf(new LinkedHashSet<>(passedOver));
  }

  /** A new round of this search starts now. */
  public SearchProgress nextAttempt(String searchId, Instant now) {
    return new SearchProgress(searchId, attempts + 1, now, null, passedOver);
  }

  /** The round found nobody: the client should come back no sooner than this. */
  public SearchProgress waitUntil(Instant nextRetryAt) {
    return new SearchProgress(searchId, attempts, lastSearchAt, nextRetryAt, passedOver);
  }

  public SearchProgress passOver(String therapistId) {
    Set<String> more = new LinkedHashSet<>(passedOver);
    more.add(therapistId);
    return new SearchProgress(searchId, attempts, lastSearchAt, nextRetryAt, List.copyOf(more));
  }
}
