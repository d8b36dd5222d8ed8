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
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appwrite 1.6's executions API for the functions of appwrite.json: create an execution (synchronous,
 * 201, or async, 202 "waiting" and run in the background), get one, list them. The function runs
 * with the x-appwrite-* headers Appwrite sets (any the client sent are dropped). Refusals use
 * Appwrite's error shape and status, and every request is logged on one line, refused ones too.
 */
final class ExecutionsEndpoint implements HttpHandler, AutoCloseable {
  private static final Pattern EXECUTIONS = Pattern.compile("/v1/functions/([^/]+)/executions/?");
  private static final Pattern EXECUTION = Pattern.compile("/v1/functions/([^/]+)/executions/([^/]+)/?");
  private static final Pattern UID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,35}");
  private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
  /** Room for a body of Appwrite's 10 MiB limit, escaped in JSON, and the other parameters. */
  private static final int MAX_REQUEST_BYTES = 3 * ExecutionPayload.MAX_BODY_CHARS;
  /** Executions kept for GET; the oldest are forgotten, as Appwrite's retention forgets them. */
  private static final int KEPT_EXECUTIONS = 10_000;
  private static final int DEFAULT_PAGE = 25;

  private final Map<String, FunctionSpec> specs;
  private final Map<String, FunctionHost> hosts;
  private final ProjectCheck project;
  private final LocalAuth auth;
  private final Cors cors;
  private final Clock clock;
  private final PrintStream log;
  private final ExecutorService background = Executors.newFixedThreadPool(4, runnable -> {
    Thread thread = new Thread(runnable, "async-execution");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Execution> executions = Collections.synchronizedMap(new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Execution> eldest) {
      return size() > KEPT_EXECUTIONS;
    }
  });

  ExecutionsEndpoint(Map<String, FunctionSpec> specs, Map<String, FunctionHost> hosts, ProjectCheck project,
      LocalAuth auth, Cors cors, Clock clock, PrintStream log) {
    this.specs = specs;
    this.hosts = hosts;
    this.project = project;
    this.auth = auth;
    this.cors = cors;
    this.clock = clock;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String origin = exchange.getRequestHeaders().getFirst("Origin");
      cors.answer(origin, exchange.getResponseHeaders());
      if ("OPTIONS".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      try {
        route(exchange, origin);
      } catch (AppwriteError refused) {
        refuse(exchange, refused);
      } catch (RuntimeException defect) {
        log.println(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " 500 " + defect);
        refuse(exchange, new AppwriteError(500, "general_unknown", "Server Error"));
      }
    }
  }

  /** Answers Appwrite's error and logs it on one line; the request's body is read first, so the connection stays sound. */
  static void refuse(HttpExchange exchange, AppwriteError refused) throws IOException {
    drain(exchange.getRequestBody());
    send(exchange, refused.status(), refused.json());
  }

  private void route(HttpExchange exchange, String origin) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Matcher many = EXECUTIONS.matcher(path);
    Matcher one = EXECUTION.matcher(path);
    try {
      boolean served = many.matches() && ("POST".equals(method) || "GET".equals(method)) || one.matches() && "GET".equals(method);
      if (!served) {
        throw AppwriteError.routeNotFound();
      }
      project.require(exchange);
      if (many.matches() && "POST".equals(method)) {
        create(exchange, origin, many.group(1));
      } else if (many.matches()) {
        list(exchange, many.group(1));
      } else {
        get(exchange, one.group(1), one.group(2));
      }
    } catch (AppwriteError refused) {
      log.println(method + " " + path + " " + refused.status() + " " + refused.type());
      throw refused;
    }
  }

  private void create(HttpExchange exchange, String origin, String functionId) throws IOException {
    LocalAuth.Identity caller = auth.identify(exchange);
    if (origin != null && !caller.server() && !cors.allows(origin)) {
      throw new AppwriteError(403, "general_unknown_origin",
          "The request originated from an unknown origin. If you trust this domain, please list it as a trusted platform in the Appwrite console."
              + " (Locally: add it to CORS_ORIGINS.)");
    }
    ExecutionPayload payload = ExecutionPayload.parse(read(exchange.getRequestBody()));
    FunctionSpec spec = function(functionId);
    if (!caller.mayExecute(spec.execute())) {
      throw AppwriteError.unauthorized();
    }
    FunctionHost host = hosts.get(functionId);
    String clientIp = clientIp(exchange);
    if (payload.async()) {
      Execution started = Execution.started(DocumentIds.unique(), clock.instant(), caller.userId(), functionId, "http",
          "waiting", payload.method(), payload.path());
      Execution waiting = started.waiting(handed(started, caller, payload, clientIp, true));
      executions.put(waiting.id(), waiting);
      background.execute(() -> run(host, caller, waiting, payload, clientIp, true));
      log.println(functionId + " http 202 waiting " + waiting.id());
      send(exchange, 202, waiting.json(caller, false));
      return;
    }
    Execution started = Execution.started(DocumentIds.unique(), clock.instant(), caller.userId(), functionId, "http",
        "processing", payload.method(), payload.path());
    send(exchange, 201, run(host, caller, started, payload, clientIp, false).json(caller, true));
  }

  /** Runs a scheduled function, as Appwrite's scheduler does: a server call with the trigger "schedule". */
  void runScheduled(String functionId) {
    Execution started = Execution.started(DocumentIds.unique(), clock.instant(), null, functionId, "schedule",
        "processing", "POST", "/");
    run(hosts.get(functionId), LocalAuth.Identity.SERVER, started, ExecutionPayload.SCHEDULED, "", true);
  }

  /** The headers the function is handed: the client's, and those Appwrite sets. */
  private Map<String, String> handed(Execution execution, LocalAuth.Identity caller, ExecutionPayload payload,
      String clientIp, boolean fromWorker) {
    Map<String, String> headers = new LinkedHashMap<>(payload.headers());
    headers.putIfAbsent("content-type", "application/json");
    headers.put("x-appwrite-execution-id", execution.id());
    headers.put("x-appwrite-key", auth.executionKey());
    headers.put("x-appwrite-trigger", execution.trigger());
    headers.put("x-appwrite-user-id", caller.userId() == null ? "" : caller.userId());
    headers.put("x-appwrite-user-jwt", caller.jwt());
    headers.put("x-appwrite-country-code", "");
    headers.put("x-appwrite-continent-code", "");
    headers.put("x-appwrite-continent-eu", "false");
    headers.put("x-appwrite-client-ip", clientIp);
    if (fromWorker) {
      // Appwrite's functions worker (async and scheduled runs) also names the event; there is none here
      headers.put("x-appwrite-event", "");
    }
    return headers;
  }

  private Execution run(FunctionHost host, LocalAuth.Identity caller, Execution execution, ExecutionPayload payload,
      String clientIp, boolean fromWorker) {
    Map<String, String> headers = handed(execution, caller, payload, clientIp, fromWorker);
    Execution running = execution.processing(clock.instant(), headers);
    executions.put(running.id(), running);
    RuntimeLogger logger = new RuntimeLogger();
    String path = payload.path();
    int query = path.indexOf('?');
    RuntimeRequest request = new RuntimeRequest(
        payload.method(), "http", "localhost", 3000, query < 0 ? path : path.substring(0, query), Map.of(),
        query < 0 ? "" : path.substring(query + 1), headers, payload.body().getBytes(StandardCharsets.UTF_8),
        "http://localhost:3000" + path);
    RuntimeContext context = new RuntimeContext(request, new RuntimeResponse(), logger);
    long startNanos = System.nanoTime();
    int status;
    String body;
    Map<String, String> responseHeaders;
    String failure = "";
    try {
      RuntimeOutput output = host.run(context);
      status = output.getStatusCode();
      body = new String(output.getBody(), StandardCharsets.UTF_8);
      responseHeaders = output.getHeaders();
    } catch (Exception | LinkageError e) {
      status = 500;
      body = "";
      responseHeaders = Map.of();
      failure = "An internal curl error has occurred within the executor! Error Msg: " + e;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    Execution done = running.finished(clock.instant(), status, body, responseHeaders, logger.logs(),
        failure.isEmpty() ? logger.errors() : failure, seconds);
    executions.put(done.id(), done);
    log.printf(Locale.ROOT, "%s %s %d %.3fs %s%n", host.functionId(), execution.trigger(), status, seconds, caller.describe());
    return done;
  }

  private void get(HttpExchange exchange, String functionId, String executionId) throws IOException {
    LocalAuth.Identity caller = auth.identify(exchange);
    function(functionId);
    Execution execution = executions.get(executionId);
    if (execution == null || !execution.functionId().equals(functionId) || !execution.readableBy(caller)) {
      throw AppwriteError.executionNotFound();
    }
    log.println("GET " + functionId + " execution " + executionId + " 200 " + execution.status());
    send(exchange, 200, execution.json(caller, false));
  }

  private void list(HttpExchange exchange, String functionId) throws IOException {
    LocalAuth.Identity caller = auth.identify(exchange);
    function(functionId);
    int limit = DEFAULT_PAGE;
    int offset = 0;
    for (String query : queries(exchange.getRequestURI().getRawQuery())) {
      JsonObject parsed;
      try {
        parsed = JsonParser.parseString(query).getAsJsonObject();
      } catch (RuntimeException e) {
        throw new AppwriteError(400, "general_query_invalid", "Invalid query: Syntax error");
      }
      JsonElement named = parsed.get("method");
      if (named != null && !named.isJsonPrimitive()) {
        throw new AppwriteError(400, "general_query_invalid", "Invalid query: Syntax error");
      }
      String method = named == null ? "" : named.getAsString();
      int value = singleNumber(parsed.get("values"));
      switch (method) {
        case "limit" -> limit = value;
        case "offset" -> offset = value;
        default -> throw new AppwriteError(400, "general_query_invalid",
            "Invalid query: the local runner answers limit and offset only, not " + method);
      }
      if (value < 0) {
        throw new AppwriteError(400, "general_query_invalid", "Invalid query: " + method + " needs one number, 0 or more");
      }
    }
    List<Execution> readable;
    synchronized (executions) {
      readable = executions.values().stream()
          .filter(e -> e.functionId().equals(functionId) && e.readableBy(caller)).toList();
    }
    List<Map<String, Object>> page = new ArrayList<>();
    readable.stream().skip(offset).limit(limit).forEach(e -> page.add(e.json(caller, false)));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", readable.size());
    answer.put("executions", page);
    log.println("GET " + functionId + " executions 200 " + page.size() + " of " + readable.size());
    send(exchange, 200, answer);
  }

  /** The one whole number a limit or offset query carries, or -1. */
  private static int singleNumber(JsonElement values) {
    if (values == null || !values.isJsonArray() || values.getAsJsonArray().size() != 1) {
      return -1;
    }
    JsonElement value = values.getAsJsonArray().get(0);
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
      return -1;
    }
    double number = value.getAsDouble();
    return number == Math.rint(number) && number >= 0 && number <= Integer.MAX_VALUE ? (int) number : -1;
  }

  private FunctionSpec function(String functionId) {
    if (!UID.matcher(functionId).matches()) {
      throw AppwriteError.invalidParam("functionId",
          "UID must contain at most 36 chars. Valid chars are a-z, A-Z, 0-9, period, hyphen, and underscore. Can't start with a special char");
    }
    FunctionSpec spec = specs.get(functionId);
    if (spec == null || !hosts.containsKey(functionId)) {
      throw AppwriteError.functionNotFound();
    }
    return spec;
  }

  /** The SDKs send queries as queries[]=... or queries[0]=... */
  static List<String> queries(String rawQuery) {
    List<String> queries = new ArrayList<>();
    if (rawQuery == null) {
      return queries;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      if (equals > 0 && name.startsWith("queries")) {
        queries.add(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
      }
    }
    return queries;
  }

  /** As Appwrite's request IP: the first X-Forwarded-For entry, else the peer. */
  private static String clientIp(HttpExchange exchange) {
    String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank()) {
      return forwarded.split(",")[0].strip();
    }
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  private static String read(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES);
    if (in.read() != -1) {
      throw AppwriteError.invalidParam("body",
          "Value must be a valid string and no longer than " + ExecutionPayload.MAX_BODY_CHARS + " chars");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  static void send(HttpExchange exchange, int status, Object json) throws IOException {
    byte[] bytes = GSON.toJson(json).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    background.shutdownNow();
  }
}
