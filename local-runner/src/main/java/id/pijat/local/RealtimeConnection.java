package id.pijat.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One client's WebSocket on /v1/realtime: its channels, who it is (it may sign in after connecting),
 * and the messages it is sent, one at a time. Public only because Jetty calls its listener methods
 * through method handles, which need a public class.
 */
public final class RealtimeConnection implements Session.Listener.AutoDemanding {
  private final Realtime realtime;
  private final Set<String> channels;
  private final int refusalCode;
  private final String refusal;
  private volatile LocalAuth.Identity caller;
  private Session session;

  RealtimeConnection(Realtime realtime, LocalAuth.Identity caller, Set<String> channels) {
    this(realtime, caller, channels, 0, null);
  }

  private RealtimeConnection(Realtime realtime, LocalAuth.Identity caller, Set<String> channels, int refusalCode, String refusal) {
    this.realtime = realtime;
    this.caller = caller;
    this.channels = Set.copyOf(channels);
    this.refusalCode = refusalCode;
    this.refusal = refusal;
  }

  /** A connection Appwrite refuses once it is open: the error, then the close with its code. */
  static RealtimeConnection refused(Realtime realtime, int code, String message) {
    return new RealtimeConnection(realtime, new LocalAuth.Identity(null, false, ""), Set.of(), code, message);
  }

  @Override
  public void onWebSocketOpen(Session session) {
    synchronized (this) {
      this.session = session;
    }
    if (refusal != null) {
      send(error(refusalCode, refusal));
      session.close(refusalCode, refusal, Callback.NOOP);
      return;
    }
    realtime.opened(this);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channels", List.copyOf(channels));
    data.put("user", caller.userId() == null ? null : account(caller.userId()));
    send(message("connected", data));
  }

  @Override
  public void onWebSocketText(String text) {
    JsonObject message;
    try {
      message = JsonParser.parseString(text).getAsJsonObject();
    } catch (RuntimeException e) {
      send(error(Realtime.MESSAGE_FORMAT_INVALID, "Message format is not valid."));
      return;
    }
    JsonElement type = message.get("type");
    String kind = type != null && type.isJsonPrimitive() ? type.getAsString() : "";
    switch (kind) {
      case "ping" -> send(message("pong", null));
      case "authentication" -> authenticate(message.get("data"));
      default -> send(error(Realtime.MESSAGE_FORMAT_INVALID, "Message type is not valid."));
    }
  }

  /** The local session "local:USER_ID", as Appwrite takes a session: the connection hears as that user from now on. */
  private void authenticate(JsonElement data) {
    JsonElement session = data != null && data.isJsonObject() ? data.getAsJsonObject().get("session") : null;
    if (session == null || !session.isJsonPrimitive()) {
      send(error(Realtime.MESSAGE_FORMAT_INVALID, "Payload is not valid."));
      return;
    }
    try {
      caller = LocalAuth.signedIn(session.getAsString());
    } catch (AppwriteError refused) {
      send(error(Realtime.MESSAGE_FORMAT_INVALID, "Session is not valid."));
      return;
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("to", "authentication");
    answer.put("success", true);
    answer.put("user", account(caller.userId()));
    send(message("response", answer));
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason) {
    realtime.closed(this);
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    realtime.closed(this);
  }

  boolean hears(List<String> eventChannels) {
    return eventChannels.stream().anyMatch(channels::contains);
  }

  Set<String> roles() {
    return caller.roles();
  }

  String describe() {
    return caller.describe() + " " + String.join(" ", channels);
  }

  /** Sends one whole message; messages from several writers never interleave. */
  synchronized void send(String text) {
    if (session != null && session.isOpen()) {
      session.sendText(text, Callback.NOOP);
    }
  }

  private static String message(String type, Object data) {
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", type);
    if (data != null) {
      message.put("data", data);
    }
    return Realtime.GSON.toJson(message);
  }

  private static String error(int code, String text) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("code", code);
    data.put("message", text);
    return message("error", data);
  }

  /** Appwrite's Account model for a local user, who has no account: the ID, the rest empty. */
  private static Map<String, Object> account(String userId) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("$id", userId);
    account.put("$createdAt", "");
    account.put("$updatedAt", "");
    account.put("name", "");
    account.put("registration", "");
    account.put("status", true);
    account.put("labels", List.of());
    account.put("passwordUpdate", "");
    account.put("email", "");
    account.put("phone", "");
    account.put("emailVerification", false);
    account.put("phoneVerification", false);
    account.put("mfa", false);
    account.put("prefs", Map.of());
    account.put("targets", List.of());
    account.put("accessedAt", "");
    return account;
  }
}
