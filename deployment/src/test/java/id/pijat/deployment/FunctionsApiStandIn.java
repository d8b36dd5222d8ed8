package id.pijat.deployment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the part of Appwrite 1.6's server API a deploy uses: functions (get, create,
 * update) and their deployments (upload, read the build, activate). It answers the shapes of the
 * 1.6 spec and its errors, and can be told to fail a build, to leave a deployment inactive, or to
 * refuse a key that lacks a scope. A key or a console session cookie authenticates.
 */
final class FunctionsApiStandIn implements AutoCloseable {
  static final String PROJECT = "pijat-booking";
  static final String KEY = "standin-key";
  static final String SESSION_COOKIE = "a_session_console=standin-session";
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();
  private static final Pattern FUNCTION = Pattern.compile("/v1/functions/([^/]+)");
  private static final Pattern DEPLOYMENTS = Pattern.compile("/v1/functions/([^/]+)/deployments");
  private static final Pattern DEPLOYMENT = Pattern.compile("/v1/functions/([^/]+)/deployments/([^/]+)");
  private static final Pattern VARIABLES = Pattern.compile("/v1/functions/([^/]+)/variables");

  final Map<String, Map<String, Object>> functions = new ConcurrentHashMap<>();
  final Map<String, Map<String, Object>> deployments = new ConcurrentHashMap<>();
  final List<String> requests = new ArrayList<>();
  /** What every build ends in: "ready" or "failed". */
  volatile String buildOutcome = "ready";
  /** Whether an uploaded deployment with activate=true becomes the function's active one. */
  volatile boolean activates = true;
  /** A scope the key lacks, or null. */
  volatile String missingScope;
  private final HttpServer server;

  FunctionsApiStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/v1/", exchange -> {
      try (exchange) {
        handle(exchange);
      }
    });
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** A function that exists already, with an old deployment active. */
  void existing(String functionId, Instant deployedAt) {
    String deploymentId = "old-" + functionId;
    deployments.put(deploymentId, deployment(deploymentId, functionId, 1234, "ready", deployedAt));
    Map<String, Object> function = function(functionId, Map.of("name", functionId));
    function.put("deployment", deploymentId);
    functions.put(functionId, function);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    synchronized (requests) {
      requests.add(method + " " + path);
    }
    String key = exchange.getRequestHeaders().getFirst("X-Appwrite-Key");
    String cookie = exchange.getRequestHeaders().getFirst("Cookie");
    if (!PROJECT.equals(exchange.getRequestHeaders().getFirst("X-Appwrite-Project"))) {
      error(exchange, 404, "project_not_found", "Project with the requested ID could not be found.");
      return;
    }
    if (!(KEY.equals(key) || (key == null && cookie != null && cookie.contains(SESSION_COOKIE)))) {
      error(exchange, 401, "user_unauthorized", "The current user is not authorized to perform the requested action.");
      return;
    }
    boolean writes = !method.equals("GET");
    if (KEY.equals(key) && missingScope != null && (writes == missingScope.endsWith(".write"))) {
      error(exchange, 401, "general_unauthorized_scope",
          "app." + PROJECT + "@service.localhost (role: applications) missing scope (" + missingScope + ")");
      return;
    }
    Matcher deployment = DEPLOYMENT.matcher(path);
    Matcher deploymentsOf = DEPLOYMENTS.matcher(path);
    Matcher function = FUNCTION.matcher(path);
    Matcher variables = VARIABLES.matcher(path);
    if (variables.matches() && method.equals("POST")) {
      createVariable(exchange, variables.group(1), body);
    } else if (path.equals("/v1/functions") && method.equals("POST")) {
      JsonObject json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
      String id = json.get("functionId").getAsString();
      if (functions.containsKey(id)) {
        error(exchange, 409, "function_already_exists", "Function with the requested ID already exists.");
        return;
      }
      functions.put(id, function(id, GSON.fromJson(json, Map.class)));
      send(exchange, 201, functions.get(id));
    } else if (deployment.matches() && method.equals("GET")) {
      Map<String, Object> found = deployments.get(deployment.group(2));
      if (found == null || !found.get("resourceId").equals(deployment.group(1))) {
        error(exchange, 404, "deployment_not_found", "Deployment with the requested ID could not be found.");
        return;
      }
      build(found);
      send(exchange, 200, found);
    } else if (deploymentsOf.matches() && method.equals("POST")) {
      upload(exchange, deploymentsOf.group(1), body);
    } else if (function.matches() && method.equals("GET")) {
      Map<String, Object> found = functions.get(function.group(1));
      if (found == null) {
        error(exchange, 404, "function_not_found", "Function with the requested ID could not be found.");
        return;
      }
      send(exchange, 200, found);
    } else if (function.matches() && method.equals("PUT")) {
      Map<String, Object> found = functions.get(function.group(1));
      if (found == null) {
        error(exchange, 404, "function_not_found", "Function with the requested ID could not be found.");
        return;
      }
      found.putAll(GSON.fromJson(new String(body, StandardCharsets.UTF_8), Map.class));
      send(exchange, 200, found);
    } else {
      error(exchange, 404, "general_route_not_found", "Route not found.");
    }
  }

  /** A function's variable (createVariable: {key, value}); a key the function has already is 409. */
  @SuppressWarnings("unchecked")
  private void createVariable(HttpExchange exchange, String functionId, byte[] body) throws IOException {
    Map<String, Object> function = functions.get(functionId);
    if (function == null) {
      error(exchange, 404, "function_not_found", "Function with the requested ID could not be found.");
      return;
    }
    JsonObject json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
    String key = json.get("key").getAsString();
    List<Map<String, Object>> vars = new ArrayList<>((List<Map<String, Object>>) function.get("vars"));
    if (vars.stream().anyMatch(v -> v.get("key").equals(key))) {
      error(exchange, 409, "variable_already_exists", "Variable with the same ID already exists in this project. Try again with a different ID.");
      return;
    }
    Map<String, Object> variable = new LinkedHashMap<>();
    String now = Instant.now().toString();
    variable.put("$id", UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    variable.put("$createdAt", now);
    variable.put("$updatedAt", now);
    variable.put("key", key);
    variable.put("value", json.get("value").getAsString());
    variable.put("resourceType", "function");
    variable.put("resourceId", functionId);
    vars.add(variable);
    function.put("vars", vars);
    send(exchange, 201, variable);
  }

  /** A function that has a variable already, as set in the console. */
  void variable(String functionId, String key, String value) {
    Map<String, Object> function = functions.computeIfAbsent(functionId, id -> function(id, Map.of("name", id)));
    function.put("vars", List.of(Map.of("$id", "v-" + key, "$createdAt", "2026-01-01T00:00:00.000+00:00",
        "$updatedAt", "2026-01-01T00:00:00.000+00:00", "key", key, "value", value, "resourceType", "function", "resourceId", functionId)));
  }

  /** A function's variable's value, or null. */
  @SuppressWarnings("unchecked")
  String variableOf(String functionId, String key) {
    return ((List<Map<String, Object>>) functions.get(functionId).get("vars")).stream()
        .filter(v -> v.get("key").equals(key)).map(v -> (String) v.get("value")).findFirst().orElse(null);
  }

  /** The multipart upload of createDeployment: the code's size and the activate field are all the stand-in reads. */
  private void upload(HttpExchange exchange, String functionId, byte[] body) throws IOException {
    if (!functions.containsKey(functionId)) {
      error(exchange, 404, "function_not_found", "Function with the requested ID could not be found.");
      return;
    }
    String text = new String(body, StandardCharsets.ISO_8859_1);
    String boundary = exchange.getRequestHeaders().getFirst("Content-Type").replaceAll(".*boundary=", "");
    long size = 0;
    boolean activate = false;
    for (String part : text.split("--" + Pattern.quote(boundary))) {
      int split = part.indexOf("\r\n\r\n");
      if (split < 0) {
        continue;
      }
      String head = part.substring(0, split);
      String content = part.substring(split + 4, Math.max(split + 4, part.length() - 2));
      if (head.contains("name=\"code\"")) {
        size = content.length();
      } else if (head.contains("name=\"activate\"")) {
        activate = content.strip().equals("true");
      }
    }
    if (size == 0) {
      error(exchange, 400, "storage_file_empty", "Empty file passed to the endpoint.");
      return;
    }
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    Map<String, Object> created = deployment(id, functionId, size, "processing", Instant.now());
    created.put("activate", activate);
    deployments.put(id, created);
    send(exchange, 202, created);
  }

  /** A build finishes the first time it is read after the upload. */
  private void build(Map<String, Object> deployment) {
    if (!deployment.get("status").equals("processing")) {
      return;
    }
    deployment.put("status", buildOutcome);
    deployment.put("buildTime", 42);
    deployment.put("buildLogs", buildOutcome.equals("ready") ? "BUILD SUCCESSFUL" : "error: cannot find symbol\n  symbol: class Booking\nBUILD FAILED");
    if (buildOutcome.equals("ready") && activates && Boolean.TRUE.equals(deployment.get("activate"))) {
      functions.get(deployment.get("resourceId")).put("deployment", deployment.get("$id"));
    }
  }

  private static Map<String, Object> function(String id, Map<String, Object> settings) {
    Map<String, Object> function = new LinkedHashMap<>();
    String now = Instant.now().toString();
    function.put("$id", id);
    function.put("$createdAt", now);
    function.put("$updatedAt", now);
    function.put("execute", List.of());
    function.put("name", id);
    function.put("enabled", true);
    function.put("live", true);
    function.put("logging", true);
    function.put("runtime", "java-17.0");
    function.put("deployment", "");
    function.put("scopes", List.of());
    function.put("vars", List.of());
    function.put("events", List.of());
    function.put("schedule", "");
    function.put("timeout", 15);
    function.put("entrypoint", "src/Main.java");
    function.put("commands", "");
    function.put("version", "v4");
    function.put("installationId", "");
    function.put("providerRepositoryId", "");
    function.put("providerBranch", "");
    function.put("providerRootDirectory", "");
    function.put("providerSilentMode", false);
    function.put("specification", "s-1vcpu-512mb");
    settings.forEach((name, value) -> {
      if (function.containsKey(name) && value != null) {
        function.put(name, value instanceof Double number && name.equals("timeout") ? number.intValue() : value);
      }
    });
    return function;
  }

  private static Map<String, Object> deployment(String id, String functionId, long size, String status, Instant at) {
    Map<String, Object> deployment = new LinkedHashMap<>();
    deployment.put("$id", id);
    deployment.put("$createdAt", at.toString());
    deployment.put("$updatedAt", at.toString());
    deployment.put("type", "manual");
    deployment.put("resourceId", functionId);
    deployment.put("resourceType", "functions");
    deployment.put("entrypoint", "src/Main.java");
    deployment.put("size", size);
    deployment.put("buildSize", 0);
    deployment.put("buildId", "");
    deployment.put("activate", false);
    deployment.put("status", status);
    deployment.put("buildLogs", "");
    deployment.put("buildTime", 0);
    for (String field : List.of("providerRepositoryName", "providerRepositoryOwner", "providerRepositoryUrl", "providerBranch",
        "providerCommitHash", "providerCommitAuthorUrl", "providerCommitAuthor", "providerCommitMessage", "providerCommitUrl",
        "providerBranchUrl")) {
      deployment.put(field, "");
    }
    return deployment;
  }

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    send(exchange, status, Map.of("message", message, "code", status, "type", type, "version", "1.6.0"));
  }

  private static void send(HttpExchange exchange, int status, Object json) throws IOException {
    byte[] bytes = GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
