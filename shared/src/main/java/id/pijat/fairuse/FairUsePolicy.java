package id.pijat.fairuse;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much of the city one customer may take at once (README "Fair use" argues each default).
 *
 * @param maxOpenBookings bookings searching, offered or active (scheduled ones until they are done)
 *     one customer may have at once; each holds at most one therapist
 * @param offerWindowCap the longest offer window a search may ask for; a longer one is cut to it
 * @param rates the rate of each limit
 * @param enforced false only where one client stands for many customers on purpose: load tests
 *     and benchmarks on the local runner (FAIR_USE=off); the offer window is capped either way
 */
public record FairUsePolicy(int maxOpenBookings, Duration offerWindowCap, Map<Limit, Rate> rates, boolean enforced) {
  public static final int DEFAULT_MAX_OPEN_BOOKINGS = 2;
  public static final Duration DEFAULT_OFFER_WINDOW_CAP = Duration.ofSeconds(60);
  /** Beyond two minutes a therapist sits idle for a customer who has stopped looking. */
  public static final Duration MAX_OFFER_WINDOW_CAP = Duration.ofSeconds(120);
  public static final Duration MIN_OFFER_WINDOW_CAP = Duration.ofSeconds(15);

  public static final Map<Limit, Rate> DEFAULT_RATES =
      Map.of(
          Limit.CREATES_PER_CUSTOMER, Rate.of(6, Duration.ofMinutes(10)),
          Limit.CREATES_PER_ADDRESS, Rate.of(20, Duration.ofMinutes(10)),
          Limit.SCHEDULED_PER_ADDRESS, Rate.of(6, Duration.ofHours(24)),
          Limit.ROUNDS_PER_CUSTOMER, Rate.of(15, Duration.ofMinutes(10)),
          Limit.ROUNDS_PER_ADDRESS, Rate.of(4, Duration.ofMinutes(1)),
          Limit.PASSES_PER_CUSTOMER, Rate.of(8, Duration.ofMinutes(30)),
          Limit.MESSAGES_PER_SENDER, Rate.of(30, Duration.ofMinutes(1)));

  public static final FairUsePolicy DEFAULT =
      new FairUsePolicy(DEFAULT_MAX_OPEN_BOOKINGS, DEFAULT_OFFER_WINDOW_CAP, DEFAULT_RATES, true);

  public FairUsePolicy {
    if (maxOpenBookings < 1 || maxOpenBookings > 20) {
      throw new IllegalArgumentException("MAX_OPEN_BOOKINGS must be 1 to 20: " + maxOpenBookings);
    }
    if (offerWindowCap.compareTo(MIN_OFFER_WINDOW_CAP) < 0 || offerWindowCap.compareTo(MAX_OFFER_WINDOW_CAP) > 0) {
      throw new IllegalArgumentException("OFFER_WINDOW_CAP_SECONDS must be " + MIN_OFFER_WINDOW_CAP.toSeconds()
          + " to " + MAX_OFFER_WINDOW_CAP.toSeconds() + ": " + offerWindowCap.toSeconds());
    }
    Map<Limit, Rate> all = new EnumMap<>(DEFAULT_RATES);
    all.putAll(rates);
    rates = Map.copyOf(all);
  }

  public static FairUsePolicy from(Map<String, String> env) {
    Map<Limit, Rate> rates = new EnumMap<>(Limit.class);
    for (Limit limit : Limit.values()) {
      String value = env.get(limit.variable());
      if (value != null) {
        rates.put(limit, Rate.parse(value));
      }
    }
    return new FairUsePolicy(
        env.containsKey("MAX_OPEN_BOOKINGS") ? Integer.parseInt(env.get("MAX_OPEN_BOOKINGS")) : DEFAULT_MAX_OPEN_BOOKINGS,
        env.containsKey("OFFER_WINDOW_CAP_SECONDS")
            ? Duration.ofSeconds(Long.parseLong(env.get("OFFER_WINDOW_CAP_SECONDS")))
            : DEFAULT_OFFER_WINDOW_CAP,
        rates,
        !"off".equals(env.get("FAIR_USE")));
  }

  public Rate rate(Limit limit) {
    return rates.get(limit);
  }

  /** The window a search asked for, cut to the cap. */
  public Duration offerWindow(Duration asked) {
    return asked.compareTo(offerWindowCap) > 0 ? offerWindowCap : asked;
  }
}
