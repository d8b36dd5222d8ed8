package id.pijat.local;

import com.sun.net.httpserver.Headers;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Who is calling the local runner. Locally there are no accounts: a client acts as a signed-in user
 * by sending the JWT "local:USER_ID" (the web SDK's client.setJWT("local:alice")). A request whose
 * X-Appwrite-Key equals $APPWRITE_API_KEY is a server call that may execute any function. Anyone
 * else is a guest.
 */
final class LocalAuth {
  static final String LOCAL_JWT_PREFIX = "local:";

  /** A caller: a user ID, or null for a guest; server calls bypass execute lists as in Appwrite. */
  record Identity(String userId, boolean server) {
    /** Appwrite itself, as when its scheduler runs a function. */
    static final Identity SERVER = new Identity(null, true);

    boolean mayExecute(List<String> execute) {
      if (server || execute.contains("any")) {
        return true;
      }
      if (userId == null) {
        return execute.contains("guests");
      }
      return execute.contains("users") || execute.contains("user:" + userId);
    }
  }

  private final String apiKey;
  private final String executionKey = "local-" + UUID.randomUUID();

  LocalAuth(String apiKey) {
    this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
  }

  Identity identify(Headers headers) {
    String key = headers.getFirst("X-Appwrite-Key");
    if (apiKey != null && key != null
        && MessageDigest.isEqual(apiKey.getBytes(StandardCharsets.UTF_8), key.getBytes(StandardCharsets.UTF_8))) {
      return new Identity(null, true);
    }
    String jwt = headers.getFirst("X-Appwrite-JWT");
    if (jwt != null && jwt.startsWith(LOCAL_JWT_PREFIX) && jwt.length() > LOCAL_JWT_PREFIX.length()) {
      String userId = jwt.substring(LOCAL_JWT_PREFIX.length());
      if (userId.matches("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}")) {
        return new Identity(userId, false);
      }
    }
    return new Identity(null, false);
  }

  /** The x-appwrite-key a function receives; locally it only stands in for Appwrite's short-lived key. */
  String executionKey() {
    return executionKey;
  }
}
