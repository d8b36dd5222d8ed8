package id.pijat.function;

import id.pijat.booking.PriceList;
import java.time.Duration;
import java.util.Map;

/**
 * The functions' configuration, from environment variables (Appwrite function variables). Each
 * default is written here, where it is defined; the README lists them.
 */
public record Settings(String databaseId, PriceList prices, Duration storeTimeout) {
  public static final String DEFAULT_DATABASE_ID = "marketplace";
  public static final Duration DEFAULT_STORE_TIMEOUT = Duration.ofSeconds(5);

  public static Settings from(Map<String, String> env) {
    return new Settings(
        env.getOrDefault("APPWRITE_DATABASE_ID", DEFAULT_DATABASE_ID),
        env.containsKey("PRICE_LIST") ? PriceList.parse(env.get("PRICE_LIST")) : PriceList.DEFAULT,
        env.containsKey("STORE_TIMEOUT_MS")
            ? Duration.ofMillis(Long.parseLong(env.get("STORE_TIMEOUT_MS")))
            : DEFAULT_STORE_TIMEOUT);
  }
}
