package id.pijat.model.geo;


/**
 * Geohash cells: the spatial index of therapists. Appwrite 1.6 has no geo queries, so each therapist
 * stores the geohash of their position at {@link #PRECISION} characters (cells about 4.9 km × 4.9 km
 * at the equator) as an indexed string, and a search asks for the cells that cover its radius with
 * equal().
 */
public final class GeoCell {
  public static final int PRECISION = 5;
  private static final char[] BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz".toCharArray();

  private GeoCell() {}

  public static String of(Coordinates point) {
    return encode(point.lat(), point.lng(), PRECISION);
  }

  /** The 5 bits a geohash character stands for. */
  public static int bits(char character) {
    int bits = new String(BASE32).indexOf(character);
    if (bits < 0) {
      throw new IllegalArgumentException("not a geohash character: " + character);
    }
    return bits;
  }

  /** The geohash character of 5 bits. */
  public static char character(int bits) {
    return BASE32[bits];
  }

  /** The centre of a geohash cell. */
  public static Coordinates centre(String hash) {
    double[] latRange = {-90, 90};
    double[] lngRange = {-180, 180};
    boolean evenBit = true;
    for (int i = 0; i < hash.length(); i++) {
      int bits = bits(hash.charAt(i));
      for (int bit = 4; bit >= 0; bit--) {
        double[] range = evenBit ? lngRange : latRange;
        double mid = (range[0] + range[1]) / 2;
        if ((bits >> bit & 1) == 1) {
          range[0] = mid;
        } else {
          range[1] = mid;
        }
        evenBit = !evenBit;
      }
    }
    return new Coordinates((latRange[0] + latRange[1]) / 2, (lngRange[0] + lngRange[1]) / 2);
  }

  public static String encode(double lat, double lng, int precision) {
    double[] latRange = {-90, 90};
    double[] lngRange = {-180, 180};
    StringBuilder hash = new StringBuilder(precision);
    boolean evenBit = true;
    int bit = 0;
    int ch = 0;
    while (hash.length() < precision) {
      double[] range = evenBit ? lngRange : latRange;
      double value = evenBit ? lng : lat;
      double mid = (range[0] + range[1]) / 2;
      if (value >= mid) {
        ch = (ch << 1) | 1;
        range[0] = mid;
      } else {
        ch = ch << 1;
        range[1] = mid;
      }
      evenBit = !evenBit;
      if (++bit == 5) {
        hash.append(BASE32[ch]);
        bit = 0;
        ch = 0;
      }
    }
    return hash.toString();
  }
}
