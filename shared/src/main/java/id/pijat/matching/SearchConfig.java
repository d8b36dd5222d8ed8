package id.pijat.matching;

import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.geo.Coordinates;
import java.time.Duration;

/**
 * How a search runs (searchTherapists' `searchConfig`, README "What the functions answer").
 *
 * @param maxRadiusKm how far from the customer a therapist may be
 * @param offerWindow how long the customer has to accept an offer
 * @param maxAttempts how many offers or empty rounds the search may use
 * @param serviceDuration the duration the client believes it booked, or null; must be the booking's
 * @param userLocation where the client says the customer is, or null: the search is centred on the
 *     booking's address, but where the two share their nearest cells the first cells are read with
 *     the booking, a round sooner (README "Holding a therapist without transactions")
 */
public record SearchConfig(
    double maxRadiusKm, Duration offerWindow, int maxAttempts, ServiceDuration serviceDuration, Coordinates userLocation) {
  public static final double DEFAULT_RADIUS_KM = 25;
  public static final double MAX_RADIUS_KM = 50;
  public static final Duration DEFAULT_OFFER_WINDOW = Duration.ofSeconds(60);
  public static final Duration MIN_OFFER_WINDOW = Duration.ofSeconds(15);
  public static final Duration MAX_OFFER_WINDOW = Duration.ofMinutes(10);
  public static final int MAX_ATTEMPTS = 5;
  public static final SearchConfig DEFAULT = new SearchConfig(DEFAULT_RADIUS_KM, DEFAULT_OFFER_WINDOW, MAX_ATTEMPTS, null, null);

  public SearchConfig {
    requireRadius(maxRadiusKm);
    requireOfferWindow(offerWindow);
    requireAttempts(maxAttempts);
  }

  /** The radius in km; the edge checks each setting of a request on its own. */
  public static double requireRadius(double km) {
    if (!(km > 0 && km <= MAX_RADIUS_KM)) {
      throw new IllegalArgumentException("maxRadius must be more than 0 and at most " + (int) MAX_RADIUS_KM + " km: " + km);
    }
    return km;
  }

  public static Duration requireOfferWindow(Duration window) {
    if (window.compareTo(MIN_OFFER_WINDOW) < 0 || window.compareTo(MAX_OFFER_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "maxSearchTime must be " + MIN_OFFER_WINDOW.toSeconds() + " to " + MAX_OFFER_WINDOW.toSeconds() + " seconds: " + window.toSeconds());
    }
    return window;
  }

  public static int requireAttempts(int attempts) {
    if (attempts < 1 || attempts > MAX_ATTEMPTS) {
      throw new IllegalArgumentException("retryAttempts must be 1 to " + MAX_ATTEMPTS + ": " + attempts);
    }
    return attempts;
  }
}
