package id.pijat.matching;

import java.time.Duration;

/**
 * How long a therapist takes to arrive: distance at an urban scooter speed of {@value
 * #URBAN_SPEED_KMH} km/h (Jakarta and Denpasar traffic, door to door), and never under {@link
 * #MINIMUM} to get ready and park.
 */
public final class TravelTime {
  public static final double URBAN_SPEED_KMH = 20;
  public static final Duration MINIMUM = Duration.ofMinutes(5);

  private TravelTime() {}

  public static int minutesFor(double distanceKm) {
    long minutes = (long) Math.ceil(distanceKm / URBAN_SPEED_KMH * 60);
    return (int) Math.max(MINIMUM.toMinutes(), minutes);
  }
}
