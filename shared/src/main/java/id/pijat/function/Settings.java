package id.pijat.function;

import id.pijat.fairuse.FairUsePolicy;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.PriceList;
import java.time.Duration;
import java.util.Map;

/**
 * The functions' configuration, from environment variables (Appwrite function variables). Each
 * default is written where it is defined (here, PriceList, BookingPolicy and FairUsePolicy); the README lists them.
 */
public record Settings(
    String databaseId,
    PriceList prices,
    Duration storeTimeout,
    BookingPolicy policy,
    Duration cleanupBudget,
    FairUsePolicy fairUse,
    String chatCursorSecret,
    String bookingPlaceSecret) {
  public static final String DEFAULT_DATABASE_ID = "marketplace";
  public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(5);
  /** Well inside cleanupSessions' timeout of 120 s in appwrite.json, leaving time for the last page. */
  public static final Duration DEFAULT_CLEANUP_BUDGET = Duration.ofSeconds(90);

  /** A secret shorter than this is guessable: it is refused rather than used. */
  public static final int MIN_SECRET_LENGTH = 32;

  public Settings {
    requireLongEnough("CHAT_CURSOR_SECRET", chatCursorSecret);
    requireLongEnough("BOOKING_PLACE_SECRET", bookingPlaceSecret);
  }

  private static void requireLongEnough(String name, String secret) {
    if (secret != null && secret.length() < MIN_SECRET_LENGTH) {
      throw new IllegalArgumentException(name + " must be at least " + MIN_SECRET_LENGTH + " characters");
    }
  }

  /**
   * Without secrets: each chat poll reads the booking too (README "Chat"), and a search reads the
   * booking before the therapists near it (BookingIds).
   */
  public Settings(
      String databaseId, PriceList prices, Duration storeTimeout, BookingPolicy policy, Duration cleanupBudget, FairUsePolicy fairUse) {
    this(databaseId, prices, storeTimeout, policy, cleanupBudget, fairUse, null, null);
  }

  public static Settings from(Map<String, String> env) {
    BookingPolicy defaults = BookingPolicy.DEFAULT;
    return new Settings(
        env.getOrDefault("APPWRITE_DATABASE_ID", DEFAULT_DATABASE_ID),
        env.containsKey("PRICE_LIST") ? PriceList.parse(env.get("PRICE_LIST")) : PriceList.DEFAULT,
        millis(env, "STORE_TIMEOUT_MS", DEFAULT_STORE_TIMEOUT),
        new BookingPolicy(
            minutes(env, "TRAVEL_BUFFER_MINUTES", defaults.travelBuffer()),
            minutes(env, "COMPLETION_GRACE_MINUTES", defaults.completionGrace()),
            defaults.emptyRoundWait(),
            minutes(env, "CHAT_CLOSE_AFTER_END_MINUTES", defaults.chatCloseAfterEnd()),
            minutes(env, "ABANDON_AFTER_MINUTES", defaults.abandonAfter()),
            minutes(env, "REMINDER_BEFORE_MINUTES", defaults.reminderBefore())),
        millis(env, "CLEANUP_BUDGET_MS", DEFAULT_CLEANUP_BUDGET),
        FairUsePolicy.from(env),
        env.get("CHAT_CURSOR_SECRET"),
        env.get("BOOKING_PLACE_SECRET"));
  }

  private static Duration millis(Map<String, String> env, String name, Duration fallback) {
    return env.containsKey(name) ? Duration.ofMillis(Long.parseLong(env.get(name))) : fallback;
  }

  private static Duration minutes(Map<String, String> env, String name, Duration fallback) {
    if (!env.containsKey(name)) {
      return fallback;
    }
    long minutes = Long.parseLong(env.get(name));
    if (minutes < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + minutes);
    }
    return Duration.ofMinutes(minutes);
  }
}
