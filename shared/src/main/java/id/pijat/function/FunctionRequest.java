package id.pijat.function;

import id.pijat.error.ErrorCode;
import id.pijat.error.FieldProblem;
import id.pijat.error.Rejection;
import id.pijat.model.booking.BookingToken;
import id.pijat.model.booking.Caller;
import id.pijat.model.chat.ChatParticipant;
import id.pijat.store.DocumentIds;
import id.pijat.text.Excerpt;
import io.openruntimes.java.RuntimeRequest;
import java.util.List;
import java.util.Locale;
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
  /** Set by Appwrite from 1.7 on (and by the local runner); absent on 1.6. */
  public static final String CLIENT_IP = "x-appwrite-client-ip";
  /** A key a stranger could guess would let them replay a guest's booking and its token. */
  public static final int MIN_IDEMPOTENCY_KEY = 16;

  public FunctionRequest {
    headers = Map.copyOf(headers);
  }

  public static FunctionRequest of(RuntimeRequest request) {
    return new FunctionRequest(request.getMethod(), request.getPath(), request.getHeaders(), request.getBodyText());
  }

  /**
   * Every function answers at "/" only, and only to the methods that fit it. A wrong method is
   * INVALID_INPUT naming `method` rather than 405: a client handles the codes of ErrorCode, and
   * 405 is not one of them, while 400 with the field named is what it already shows for a request
   * it got wrong.
   */
  void requireRoute(List<String> methods) {
    String used = method == null ? "" : method.toUpperCase(Locale.ROOT);
    if (!methods.contains(used)) {
      throw Rejection.invalidInput("method", "must be " + String.join(" or ", methods) + ", not " + clip(used));
    }
    if (path != null && !path.isEmpty() && !path.equals("/")) {
      throw Rejection.invalidInput("path", "must be /, not " + clip(path));
    }
  }

  /** Enough of what the client sent to recognise it, never a page of it. */
  private static String clip(String text) {
    String excerpt = Excerpt.of(text);
    return excerpt.isEmpty() ? "an empty one" : excerpt;
  }

  public String header(String name) {
    String value = headers.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * For a function no client may execute (appwrite.json `execute: []`): Appwrite refuses guests and
   * users before it runs, and only a call with an API key gets here. A request on behalf of a user
   * is refused here too, should the function ever be opened to users by mistake.
   */
  public void requireServerCall() {
    if (header(USER_ID) != null) {
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "Only the server may make this call.");
    }
  }

  public String trigger() {
    String trigger = header(TRIGGER);
    return trigger == null ? "http" : trigger;
  }

  /**
   * The caller: the signed-in user, or a guest with the booking token from the body's bookingToken
   * or the x-booking-token header (both only when they agree: which one would be meant?). A body userId
   * that is not the signed-in user is refused.
   */
  public Caller caller(JsonInput body) {
    String userId = header(USER_ID);
    if (userId != null && userId.startsWith(ChatParticipant.GUEST_PREFIX)) {
      // Appwrite lets a client choose its account's ID: this one would speak in a guest's chat as the guest
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "Account IDs starting with " + ChatParticipant.GUEST_PREFIX + " are kept for guests.");
    }
    String claimed = body.string("userId", false);
    if (claimed != null && userId != null && !claimed.equals(userId)) {
      throw new Rejection(ErrorCode.PERMISSION_DENIED, "userId does not match the signed-in user.",
          List.of(new FieldProblem("userId", "does not match the signed-in user")));
    }
    // a guest who booked and signed in later still holds their guest booking's token
    String header = header(BOOKING_TOKEN);
    String token = body.has("bookingToken") ? body.string("bookingToken", false) : header;
    if (token != null && header != null && !token.equals(header)) {
      body.problem("bookingToken", "differs from the x-booking-token header: send one token, or the same token in both");
      return new Caller(userId, null, clientAddress());
    }
    BookingToken shown = token == null ? null : body.check("bookingToken", () -> new BookingToken(token));
    return new Caller(userId, shown, clientAddress());
  }

  /** The client's IP as Appwrite reports it; anything that is not an address is ignored, not trusted. */
  private String clientAddress() {
    String address = header(CLIENT_IP);
    return address != null && address.length() <= 45 && address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')
        ? address
        : null;
  }

  /**
   * From the x-idempotency-key header or the body's idempotencyKey: 16 to 128 printable characters, a
   * UUID say. Both may be sent when they are the same key; two different keys are refused, since
   * either one taken would let a retry that sends only the other make a second booking.
   */
  public String idempotencyKey(JsonInput body) {
    String header = header(IDEMPOTENCY_KEY);
    String key = body.has("idempotencyKey") ? body.string("idempotencyKey", false) : header;
    if (key != null && header != null && !key.equals(header)) {
      body.problem("idempotencyKey", "differs from the x-idempotency-key header: send one key, or the same key in both");
      return null;
    }
    if (key != null
        && (key.length() < MIN_IDEMPOTENCY_KEY || key.length() > 128 || !key.chars().allMatch(c -> c > 32 && c < 127))) {
      body.problem("idempotencyKey", "must be " + MIN_IDEMPOTENCY_KEY + " to 128 printable characters without spaces, random (a UUID)");
      return null;
    }
    return key;
  }

  /** A document ID the client names: Appwrite's rule ({@link DocumentIds}). */
  public static String documentId(JsonInput body, String name) {
    return body.string(name, true, DocumentIds::require);
  }
}
