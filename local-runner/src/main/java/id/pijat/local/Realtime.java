package id.pijat.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.project.AppwriteProject.CollectionAccess;
import id.pijat.local.store.DocumentChanges;
import id.pijat.local.store.StoredDocument;
import id.pijat.store.DocumentTimes;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Appwrite 1.6's Realtime at /v1/realtime, where the web SDK's client.subscribe connects: the
 * channels are named in the URL (channels[]), every document the store writes is an event on the
 * channels "documents", "databases.DB.collections.COL.documents" and "…documents.ID", and a
 * connection hears an event only on a channel it named and only if its caller may read the document
 * ({@link ReadRule}, as the Databases API decides). The shapes of the messages are Appwrite's
 * (app/realtime.php): connected, event, response to authentication, pong, error.
 *
 * <p>Who is connected: a guest, or the user of a local sign-in "local:USER_ID" sent as the
 * authentication message's session (what the SDK sends after client.setSession, or from the
 * cookieFallback in localStorage), as the cookie a_session_PROJECT on the upgrade (a browser's
 * session cookie, as on Appwrite), or as the query parameter jwt (what newer SDKs send after
 * client.setJWT).
 */
final class Realtime implements DocumentChanges {
  static final String PATH = "/v1/realtime";
  /** Appwrite's codes: a refused connection is closed with 1008; a bad message is answered with 1003. */
  static final int POLICY_VIOLATION = 1008;
  static final int MESSAGE_FORMAT_INVALID = 1003;
  static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  /**
   * The SDK pings every 20 s, but a browser slows the timers of a tab in the background to one a
   * minute: an idle connection is closed only after much longer than that.
   */
  static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

  private final AppwriteProject project;
  private final Cors cors;
  private final Clock clock;
  private final PrintStream log;
  private final Set<RealtimeConnection> connections = new CopyOnWriteArraySet<>();

  Realtime(AppwriteProject project, Cors cors, Clock clock, PrintStream log) {
    this.project = project;
    this.cors = cors;
    this.clock = clock;
    this.log = log;
  }

  /** The context serving /v1/realtime on this server. */
  ContextHandler context(Server server) {
    ContextHandler context = new ContextHandler(PATH);
    context.setAllowNullPathInContext(true);
    context.setHandler(WebSocketUpgradeHandler.from(server, context,
        container -> {
          container.setIdleTimeout(IDLE_TIMEOUT);
          container.addMapping("/*", (request, response, callback) -> connect(request));
        }));
    return context;
  }

  private RealtimeConnection connect(Request request) {
    Fields query = Request.extractQueryParameters(request);
    String projectId = query.getValue("project");
    Set<String> channels = new LinkedHashSet<>(query.getValuesOrEmpty("channels[]"));
    channels.addAll(query.getValuesOrEmpty("channels"));
    String origin = request.getHeaders().get("Origin");
    if (projectId == null || !projectId.equals(project.projectId())) {
      return RealtimeConnection.refused(this, POLICY_VIOLATION, "Missing or unknown project ID");
    }
    if (origin != null && !cors.allows(origin)) {
      return RealtimeConnection.refused(this, POLICY_VIOLATION, "Invalid Origin. Register your new client (" + origin
          + ") as a new Web platform on your project console dashboard (locally: CORS_ORIGINS)");
    }
    LocalAuth.Identity caller;
    try {
      caller = identify(query.getValue("jwt"), sessionCookie(request, projectId));
    } catch (AppwriteError refused) {
      return RealtimeConnection.refused(this, POLICY_VIOLATION, refused.getMessage());
    }
    if (channels.isEmpty()) {
      return RealtimeConnection.refused(this, POLICY_VIOLATION, "Missing channels");
    }
    return new RealtimeConnection(this, caller, channels);
  }

  private static LocalAuth.Identity identify(String jwt, String session) {
    String token = jwt != null && !jwt.isEmpty() ? jwt : session;
    return token == null || token.isEmpty() ? new LocalAuth.Identity(null, false, "") : LocalAuth.signedIn(token);
  }

  private static String sessionCookie(Request request, String projectId) {
    for (HttpCookie cookie : Request.getCookies(request)) {
      if (cookie.getName().equals("a_session_" + projectId)) {
        return cookie.getValue();
      }
    }
    return null;
  }

  void opened(RealtimeConnection connection) {
    connections.add(connection);
    log.println("REALTIME open " + connection.describe());
  }

  void closed(RealtimeConnection connection) {
    if (connections.remove(connection)) {
      log.println("REALTIME close " + connection.describe());
    }
  }

  @Override
  public boolean listening() {
    return !connections.isEmpty();
  }

  @Override
  public void changed(String collection, Change change, StoredDocument document) {
    CollectionAccess access = project.access().get(collection);
    if (access == null) {
      return;
    }
    String databaseId = access.databaseId();
    String documents = "databases." + databaseId + ".collections." + collection + ".documents";
    List<String> channels = List.of("documents", documents, documents + "." + document.id());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("events", events(databaseId, collection, document.id(), change));
    data.put("channels", channels);
    data.put("timestamp", DocumentTimes.format(clock.instant()));
    data.put("payload", DatabasesEndpoint.json(databaseId, collection, document));
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "event");
    message.put("data", data);
    String text = GSON.toJson(message);
    for (RealtimeConnection connection : connections) {
      if (connection.hears(channels) && ReadRule.mayRead(access, connection.roles(), document.permissions())) {
        connection.send(text);
      }
    }
  }

  /**
   * The event names Appwrite gives a document's change (Event::generateEvents on
   * "databases.[databaseId].collections.[collectionId].documents.[documentId].ACTION"): each
   * pattern with every ID, with none, and with each one or two of them as "*".
   */
  static List<String> events(String databaseId, String collectionId, String documentId, Change change) {
    List<String> keys = List.of("databaseId", "collectionId", "documentId");
    Map<String, String> values = Map.of("databaseId", databaseId, "collectionId", collectionId, "documentId", documentId);
    String document = "databases.[databaseId].collections.[collectionId].documents.[documentId]";
    List<String> patterns = List.of(document + "." + change.event(), document,
        "databases.[databaseId].collections.[collectionId]", "databases.[databaseId]");
    Set<String> events = new LinkedHashSet<>();
    for (String pattern : patterns) {
      events.add(fill(pattern, values, Set.of()));
      events.add(fill(pattern, values, Set.copyOf(keys)));
      for (String key : keys) {
        for (String current : keys) {
          for (String subCurrent : keys) {
            if (subCurrent.equals(current) || subCurrent.equals(key)) {
              continue;
            }
            events.add(fill(pattern, values, Set.of(subCurrent)));
            events.add(fill(pattern, values, Set.of(subCurrent, current)));
            events.add(fill(pattern, values, Set.of(current)));
          }
        }
      }
    }
    return new ArrayList<>(events);
  }

  private static String fill(String pattern, Map<String, String> values, Set<String> starred) {
    String event = pattern;
    for (Map.Entry<String, String> value : values.entrySet()) {
      event = event.replace("[" + value.getKey() + "]", starred.contains(value.getKey()) ? "*" : value.getValue());
    }
    return event;
  }
}
