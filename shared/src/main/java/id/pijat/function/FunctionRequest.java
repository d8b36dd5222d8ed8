package id.pijat.function;

import id.pijat.booking.BookingToken;
import id.pijat.booking.Caller;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.store.DocumentIds;
import io.openruntimes.java.RuntimeRequest;
import java.util.Map;

/**
 * One execution's request. The x-appwrite-* headers are set by Appwrite (or the local runner), never
 * by the client, so the user ID in them can be trusted.
 */
public record FunctionRequest(String method, String path, Map<String, String> headers, String body) {
  public static final String USER_ID = "x-appwrite-user-id";
  public static final String TRIGGER = "x-appwrite-trigger";
  public static final String KEY = "x-appwrite-key";
  public static final String BOOKING_TOKEN = "x-booking-token";
  public static final String IDEMPOTENCY_KEY = "x-idempotency-key";

  public FunctionRequest {
    headers = Map.copyOf(headers);
  }

  public static FunctionRequest of(RuntimeRequest request) {
    return new FunctionRequest(request.getMethod(), request.getPath(), request.getHeaders(), request.getBodyText());
  }

  public String header(String name) {
    String value = headers.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  public String trigger() {
    String trigger = header(TRIGGER);
    return trigger == null ? "http" : trigger;
  }

  /**
   * The caller: the signed-in user, or a guest with the booking token from the body's bookingToken
   * or the x-booking-token header. A body userId that is not the signed-in user is refused.
   */
  public Caller caller(JsonInput body) {
    String userId = header(USER_ID);
    String claimed = body.string("userId", false);
    if (claimed != null && userId != null && !claimed.equals(userId)) {
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "userId does not match the signed-in user.");
    }
    if (userId != null) {
      return Caller.user(userId);
    }
    String token = body.has("bookingToken") ? body.string("bookingToken", false) : header(BOOKING_TOKEN);
    if (token == null) {
      return Caller.guest(null);
    }
    return Caller.guest(body.check("bookingToken", () -> new BookingToken(token)));
  }

  /** From the x-idempotency-key header or the body's idempotencyKey: 1 to 128 printable characters. */
  public String idempotencyKey(JsonInput body) {
    String key = body.has("idempotencyKey") ? body.string("idempotencyKey", false) : header(IDEMPOTENCY_KEY);
    if (key != null && (key.isEmpty() || key.length() > 128 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
      body.problem("idempotencyKey", "must be 1 to 128 printable characters without spaces");
      return null;
    }
    return key;
  }

  /** A document ID the client names: Appwrite's rule, at most 36 of [a-zA-Z0-9._-]. */
  public static String documentId(JsonInput body, String name) {
    return body.string(
        name,
        true,
        id -> {
          if (!DocumentIds.isValid(id)) {
            throw new IllegalArgumentException("must be at most 36 letters, digits, '.', '-' or '_'");
          }
          return id;
        });
  }
}
