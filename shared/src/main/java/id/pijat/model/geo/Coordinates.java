package id.pijat.model.geo;

/** A point on Earth in degrees. */
public record Coordinates(double lat, double lng) {
  private static final double EARTH_RADIUS_KM = 6371.0088;
  /** Steps of 0.01°: 1.1 km of latitude, and of longitude at the equator (Indonesia lies across it). */
  private static final double GRID_STEPS_PER_DEGREE = 100;

  public Coordinates {
    requireLatitude(lat);
    requireLongitude(lng);
  }

  /** A latitude in degrees, -90 to 90; the edge checks each field of a position on its own. */
  public static double requireLatitude(double lat) {
    if (!Double.isFinite(lat) || Math.abs(lat) > 90) {
      throw new IllegalArgumentException("latitude must be between -90 and 90: " + lat);
    }
    return lat;
  }

  /** A longitude in degrees, -180 to 180. */
  public static double requireLongitude(double lng) {
    if (!Double.isFinite(lng) || Math.abs(lng) > 180) {
      throw new IllegalArgumentException("longitude must be between -180 and 180: " + lng);
    }
    return lng;
  }

  /**
   * This point rounded to a grid of 0.01° (at most about 800 m off): what may be shown of where
   * someone is, enough to show the area on a map, never the place.
   */
  public Coordinates coarse() {
    return new Coordinates(grid(lat), grid(lng));
  }

  private static double grid(double degrees) {
    return Math.round(degrees * GRID_STEPS_PER_DEGREE) / GRID_STEPS_PER_DEGREE;
  }

  /** Great-circle distance by the haversine formula. */
  public double kilometresTo(Coordinates other) {
    double dLat = Math.toRadians(other.lat - lat);
    double dLng = Math.toRadians(other.lng - lng);
    double a =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat))
                * Math.cos(Math.toRadians(other.lat))
                * Math.pow(Math.sin(dLng / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
