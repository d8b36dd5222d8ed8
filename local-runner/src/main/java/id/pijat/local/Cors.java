package id.pijat.local;

import com.sun.net.httpserver.Headers;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CORS as Appwrite answers it: a browser origin is allowed only if it is one of the project's web
 * platforms (here CORS_ORIGINS), and then that origin exactly is echoed with credentials; any other
 * origin gets no Access-Control-Allow-Origin, and its state-changing requests are refused
 * (general_unknown_origin) unless they carry an API key.
 */
final class Cors {
  /** The usual local dev servers: Vite (5173) and its preview (4173), and port 3000. */
  static final List<String> DEFAULT_ORIGINS = List.of(
      "http://localhost:5173", "http://127.0.0.1:5173", "http://localhost:4173", "http://127.0.0.1:4173",
      "http://localhost:3000", "http://127.0.0.1:3000");
  private static final String ALLOWED_HEADERS =
      "Origin, Cookie, Set-Cookie, X-Requested-With, Content-Type, Access-Control-Allow-Origin, Access-Control-Request-Headers, "
          + "Accept, X-Appwrite-Project, X-Appwrite-Key, X-Appwrite-Locale, X-Appwrite-Mode, X-Appwrite-JWT, "
          + "X-Appwrite-Response-Format, X-Appwrite-Timeout, X-SDK-Version, X-SDK-Name, X-SDK-Language, X-SDK-Platform, "
          + "X-SDK-GraphQL, X-Appwrite-ID, X-Appwrite-Timestamp, Content-Range, Range, Cache-Control, Expires, Pragma, "
          + "X-Fallback-Cookies, X-Appwrite-Session, X-Idempotency-Key, X-Booking-Token";

  private final List<String> origins;

  private Cors(List<String> origins) {
    this.origins = origins;
  }

  /** @param configured CORS_ORIGINS, comma-separated origins such as http://localhost:5173; null or blank for the defaults */
  static Cors allowing(String configured) {
    if (configured == null || configured.isBlank()) {
      return new Cors(DEFAULT_ORIGINS);
    }
    return new Cors(Arrays.stream(configured.split(",")).map(String::strip).filter(o -> !o.isEmpty())
        .map(Cors::normalised).toList());
  }

  List<String> origins() {
    return origins;
  }

  boolean allows(String origin) {
    return origin != null && origins.contains(normalised(origin));
  }

  /** Sets the CORS headers of the answer to a request from this origin (null when not from a browser). */
  void answer(String origin, Headers response) {
    headersFor(origin).forEach(response::set);
  }

  /**
   * The CORS headers of the answer to a request from this origin, whoever answers it: an endpoint, or
   * the server refusing the request before any endpoint reads it (a browser shows a refusal without
   * them as a CORS failure, hiding Appwrite's error).
   */
  Map<String, String> headersFor(String origin) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Vary", "Origin");
    headers.put("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
    headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.put("Access-Control-Expose-Headers", "X-Appwrite-Session, X-Fallback-Cookies");
    if (allows(origin)) {
      headers.put("Access-Control-Allow-Origin", origin);
      headers.put("Access-Control-Allow-Credentials", "true");
    }
    return headers;
  }

  private static String normalised(String origin) {
    String lower = origin.strip().toLowerCase(Locale.ROOT);
    return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
  }
}
