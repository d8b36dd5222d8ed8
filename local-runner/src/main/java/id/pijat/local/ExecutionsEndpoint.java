package id.pijat.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import id.pijat.local.project.AppwriteProject.FunctionSpec;
import id.pijat.store.DocumentIds;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeOutput;
import io.openruntimes.java.RuntimeRequest;
import io.openruntimes.java.RuntimeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /v1/functions/{functionId}/executions, as Appwrite 1.6 answers it: the function runs with the
 * x-appwrite-* headers the runner sets (any the client sent are dropped), and the answer is an
 * Execution object. Answers CORS for browser clients on another origin.
 */
final class ExecutionsEndpoint implements HttpHandler {
  private static final Pattern PATH = Pattern.compile("/v1/functions/([^/]+)/executions/?");
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  private static final int MAX_REQUEST_BYTES = 10 * 1024 * 1024;

  private final Map<String, FunctionSpec> specs;
  private final Map<String, FunctionHost> hosts;
  private final LocalAuth auth;
  private final Clock clock;

  ExecutionsEndpoint(Map<String, FunctionSpec> specs, Map<String, FunctionHost> hosts, LocalAuth auth, Clock clock) {
    this.specs = specs;
    this.hosts = hosts;
    this.auth = auth;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      allowCors(exchange);
      if ("OPTIONS".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      Matcher path = PATH.matcher(exchange.getRequestURI().getPath());
      if (!path.matches()) {
        send(exchange, 404, appwriteError("Route not found", 404, "general_route_not_found"));
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, appwriteError("Method not allowed", 405, "general_route_not_found"));
        return;
      }
      String functionId = path.group(1);
      FunctionSpec spec = specs.get(functionId);
      FunctionHost host = hosts.get(functionId);
      if (spec == null || host == null) {
        send(exchange, 404, appwriteError("Function with the requested ID could not be found.", 404, "function_not_found"));
        return;
      }
      LocalAuth.Identity identity = auth.identify(exchange.getRequestHeaders());
      if (!identity.mayExecute(spec.execute())) {
        send(exchange, 401, appwriteError(
            "The current user is not authorized to perform the requested action.", 401, "user_unauthorized"));
        return;
      }
      JsonObject payload = payload(exchange.getRequestBody());
      if (payload == null) {
        send(exchange, 400, appwriteError("Invalid JSON body.", 400, "general_argument_invalid"));
        return;
      }
      send(exchange, 201, execute(host, identity, "http", payload, clientIp(exchange)));
    }
  }

  /** Runs a function and describes the run as Appwrite's Execution object. */
  Map<String, Object> execute(FunctionHost host, LocalAuth.Identity identity, String trigger, JsonObject payload, String clientIp) {
    String method = string(payload, "method", "POST").toUpperCase(Locale.ROOT);
    String requestPath = string(payload, "path", "/");
    String body = string(payload, "body", "");
    Map<String, String> headers = new HashMap<>();
    if (payload.has("headers") && payload.get("headers").isJsonObject()) {
      for (Map.Entry<String, JsonElement> header : payload.getAsJsonObject("headers").entrySet()) {
        String name = header.getKey().toLowerCase(Locale.ROOT);
        if (!name.startsWith("x-appwrite-") && header.getValue().isJsonPrimitive()) {
          headers.put(name, header.getValue().getAsString());
        }
      }
    }
    headers.putIfAbsent("content-type", "application/json");
    headers.put("x-appwrite-trigger", trigger);
    headers.put("x-appwrite-user-id", identity.userId() == null ? "" : identity.userId());
    headers.put("x-appwrite-user-jwt", "");
    headers.put("x-appwrite-key", auth.executionKey());
    headers.put("x-appwrite-client-ip", clientIp);

    RuntimeLogger logger = new RuntimeLogger();
    RuntimeRequest request = new RuntimeRequest(
        method, "http", "localhost", 3000, pathOnly(requestPath), Map.of(), queryOf(requestPath), headers,
        body.getBytes(StandardCharsets.UTF_8), "http://localhost:3000" + requestPath);
    RuntimeContext context = new RuntimeContext(request, new RuntimeResponse(), logger);
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    int status;
    String responseBody;
    Map<String, String> responseHeaders;
    String failure = "";
    try {
      RuntimeOutput output = host.run(context);
      status = output.getStatusCode();
      responseBody = new String(output.getBody(), StandardCharsets.UTF_8);
      responseHeaders = output.getHeaders();
    } catch (Exception | LinkageError e) {
      status = 500;
      responseBody = "";
      responseHeaders = Map.of();
      failure = "An internal curl error has occurred within the executor! Error Msg: " + e;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf(Locale.ROOT, "%s %s %d %.3fs%n", host.functionId(), trigger, status, seconds);

    Map<String, Object> execution = new LinkedHashMap<>();
    execution.put("$id", DocumentIds.unique());
    execution.put("$createdAt", started.toString());
    execution.put("$updatedAt", clock.instant().toString());
    execution.put("$permissions", identity.userId() == null ? List.of() : List.of("read(\"user:" + identity.userId() + "\")"));
    execution.put("functionId", host.functionId());
    execution.put("trigger", trigger);
    execution.put("status", failure.isEmpty() ? "completed" : "failed");
    execution.put("requestMethod", method);
    execution.put("requestPath", requestPath);
    execution.put("requestHeaders", pairs(withoutSecrets(headers)));
    execution.put("responseStatusCode", status);
    execution.put("responseBody", responseBody);
    execution.put("responseHeaders", pairs(responseHeaders));
    execution.put("logs", logger.logs());
    execution.put("errors", failure.isEmpty() ? logger.errors() : failure);
    execution.put("duration", seconds);
    execution.put("scheduledAt", null);
    return execution;
  }

  /**
   * As Appwrite 1.7 reports it: the first X-Forwarded-For entry when the runner sits behind a proxy
   * (tests and benchmarks use it to call from several addresses), else the connection's address.
   */
  private static String clientIp(HttpExchange exchange) {
    String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].strip();
    }
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  private static Map<String, String> withoutSecrets(Map<String, String> headers) {
    Map<String, String> shown = new HashMap<>(headers);
    shown.remove("x-appwrite-key");
    shown.remove("x-appwrite-user-jwt");
    return shown;
  }

  private static List<Map<String, String>> pairs(Map<String, String> headers) {
    List<Map<String, String>> pairs = new ArrayList<>();
    headers.forEach((name, value) -> pairs.add(Map.of("name", name, "value", value)));
    return pairs;
  }

  private static String pathOnly(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String queryOf(String path) {
    int query = path.indexOf('?');
    return query < 0 ? "" : path.substring(query + 1);
  }

  private static JsonObject payload(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES);
    if (bytes.length == 0) {
      return new JsonObject();
    }
    try {
      JsonElement element = JsonParser.parseString(new String(bytes, StandardCharsets.UTF_8));
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String string(JsonObject payload, String name, String fallback) {
    JsonElement value = payload.get(name);
    return value == null || value.isJsonNull() ? fallback : value.getAsString();
  }

  static Map<String, Object> appwriteError(String message, int code, String type) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("message", message);
    error.put("code", code);
    error.put("type", type);
    error.put("version", "1.6.0");
    return error;
  }

  private static void allowCors(HttpExchange exchange) {
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    var headers = exchange.getResponseHeaders();
    headers.set("Access-Control-Allow-Origin", origin == null ? "*" : origin);
    headers.set("Access-Control-Allow-Credentials", "true");
    headers.set("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
    headers.set("Access-Control-Allow-Headers",
        "Origin, Cookie, Set-Cookie, X-Requested-With, Content-Type, Access-Control-Allow-Origin, Access-Control-Request-Headers, "
            + "Accept, X-Appwrite-Project, X-Appwrite-Key, X-Appwrite-Locale, X-Appwrite-Mode, X-Appwrite-JWT, "
            + "X-Appwrite-Response-Format, X-Appwrite-Timeout, X-SDK-Version, X-SDK-Name, X-SDK-Language, X-SDK-Platform, "
            + "X-SDK-GraphQL, X-Appwrite-ID, X-Appwrite-Timestamp, Content-Range, Range, Cache-Control, Expires, Pragma, "
            + "X-Fallback-Cookies, X-Appwrite-Session, X-Idempotency-Key, X-Booking-Token");
    headers.set("Access-Control-Expose-Headers", "X-Appwrite-Session, X-Fallback-Cookies");
  }

  static void send(HttpExchange exchange, int status, Object json) throws IOException {
    byte[] bytes = GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
