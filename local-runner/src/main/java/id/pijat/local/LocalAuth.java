package id.pijat.local;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling the local runner. Locally there are no accounts: a client acts as a signed-in user
 * by sending the JWT "local:USER_ID" (the web SDK's client.setJWT("local:alice")), or the same as its
 * session (client.setSession("local:alice"), which the SDK also hands to Realtime). A request whose
 * X-Appwrite-Key equals $APPWRITE_API_KEY is a server call that may execute any function. A request
 * with neither is a guest. As on Appwrite, a key or JWT that is sent but not valid is refused (401),
 * never quietly turned into a guest, so a client with a broken sign-in finds out at once.
 */
final class LocalAuth {
  static final String LOCAL_JWT_PREFIX = "local:";

  /** A caller: a user ID, or null for a guest; server calls bypass execute lists as in Appwrite. */
  record Identity(String userId, boolean server, String jwt) {
    /** Appwrite itself, as when its scheduler runs a function. */
    static final Identity SERVER = new Identity(null, true, "");

    boolean mayExecute(List<String> execute) {
      if (server || execute.contains("any")) {
        return true;
      }
      if (userId == null) {
        return execute.contains("guests");
      }
      return execute.contains("users") || execute.contains("user:" + userId);
    }

    /** The roles Appwrite gives this caller: a user any, users and user:ID; a guest any and guests (not for a server call). */
    Set<String> roles() {
      return userId == null ? Set.of("any", "guests") : Set.of("any", "users", "user:" + userId);
    }

    /** What this caller is, for the runner's log. */
    String describe() {
      return server ? "server" : userId == null ? "guest" : "user:" + userId;
    }
  }

  private final String apiKey;
  private final String executionKey = "local-" + UUID.randomUUID();

  LocalAuth(String apiKey) {
    this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
  }

  /**
   * The caller of a request; a browser's signed-in caller is handed its sign-in back as Appwrite's
   * fallback cookie (X-Fallback-Cookies), which the web SDK keeps in localStorage and sends to
   * Realtime as its session: a client signed in with setJWT alone then hears its documents live.
   *
   * @throws AppwriteError 401 for a key or JWT that is not valid
   */
  Identity identify(HttpExchange exchange) {
    Headers request = exchange.getRequestHeaders();
    Identity caller = identify(request);
    String project = request.getFirst("X-Appwrite-Project");
    if (caller.userId() != null && request.getFirst("Origin") != null && project != null && project.matches("[a-zA-Z0-9._-]{1,36}")) {
      exchange.getResponseHeaders().set("X-Fallback-Cookies",
          "{\"a_session_" + project + "\":\"" + LOCAL_JWT_PREFIX + caller.userId() + "\"}");
    }
    return caller;
  }

  /** @throws AppwriteError 401 for a key or JWT that is not valid */
  Identity identify(Headers headers) {
    String key = headers.getFirst("X-Appwrite-Key");
    if (key != null && !key.isEmpty()) {
      if (apiKey != null
          && MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
        return new Identity(null, true, "");
      }
      throw AppwriteError.unauthorized();
    }
    String jwt = headers.getFirst("X-Appwrite-JWT");
    if (jwt == null || jwt.isEmpty()) {
      jwt = headers.getFirst("X-Appwrite-Session");
    }
    return jwt == null || jwt.isEmpty() ? new Identity(null, false, "") : signedIn(jwt);
  }

  /**
   * The user a local sign-in names: the JWT or session "local:USER_ID".
   *
   * @throws AppwriteError 401 for anything else
   */
  static Identity signedIn(String jwt) {
    String userId = jwt.startsWith(LOCAL_JWT_PREFIX) ? jwt.substring(LOCAL_JWT_PREFIX.length()) : "";
    if (!userId.matches("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}")) {
      throw new AppwriteError(401, "user_jwt_invalid",
          "Failed to verify JWT. The local runner signs in only with the JWT local:USER_ID.");
    }
    return new Identity(userId, false, jwt);
  }

  /** The x-appwrite-key a function receives; locally it only stands in for Appwrite's short-lived key. */
  String executionKey() {
    return executionKey;
  }
}
