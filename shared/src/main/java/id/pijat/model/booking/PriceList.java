package id.pijat.model.booking;

import java.util.EnumMap;
import java.util.Map;

/**
 * The server's prices in whole rupiah. A price a client sends is never used. Configured as
 * "60=200000,90=300000,120=400000"; every price lies within {@link #MIN_PRICE} and {@link
 * #MAX_PRICE} so that a typo in configuration cannot sell a massage for 2 rupiah.
 */
public record PriceList(Map<ServiceDuration, Long> prices) {
  public static final String CURRENCY = "IDR";
  public static final long MIN_PRICE = 100_000;
  public static final long MAX_PRICE = 2_000_000;

  public static final PriceList DEFAULT =
      new PriceList(
          Map.of(
              ServiceDuration.MINUTES_60, 200_000L,
              ServiceDuration.MINUTES_90, 300_000L,
              ServiceDuration.MINUTES_120, 400_000L));

  public PriceList {
    EnumMap<ServiceDuration, Long> copy = new EnumMap<>(ServiceDuration.class);
    copy.putAll(prices);
    for (ServiceDuration duration : ServiceDuration.values()) {
      Long price = copy.get(duration);
      if (price == null) {
        throw new IllegalArgumentException("price list has no price for " + duration.code());
      }
      if (price < MIN_PRICE || price > MAX_PRICE) {
        throw new IllegalArgumentException(
            "price for " + duration.code() + " must be " + MIN_PRICE + " to " + MAX_PRICE + ": " + price);
      }
    }
    prices = Map.copyOf(copy);
  }

  /** Reads "60=200000,90=300000,120=400000"; durations it does not name keep their default. */
  public static PriceList parse(String text) {
    EnumMap<ServiceDuration, Long> prices = new EnumMap<>(DEFAULT.prices);
    for (String entry : text.split(",")) {
      String[] parts = entry.split("=");
      if (parts.length != 2) {
        throw new IllegalArgumentException("price list entries look like 60=200000: " + entry);
      }
      try {
        prices.put(ServiceDuration.parse(parts[0].strip()), Long.parseLong(parts[1].trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("price must be a whole number of rupiah: " + parts[1]);
      }
    }
    return new PriceList(prices);
  }

  public long priceOf(ServiceDuration duration) {
    return prices.get(duration);
  }
}
