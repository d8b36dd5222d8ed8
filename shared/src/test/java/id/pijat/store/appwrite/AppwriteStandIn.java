package id.pijat.store.appwrite;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for Appwrite 1.6's Databases API that keeps state, served over HTTP by WireMock and
 * started by the tests themselves. It answers the document endpoints as the spec has them
 * (swagger2-1.6.x-server.json): paths, JSON bodies {documentId, data, permissions}, queries[] as
 * JSON query strings, Document and DocumentList shapes, and Appwrite's error body {message, code,
 * type, version}. A create with a taken ID is 409 document_already_exists, atomically; an update
 * changes only the keys it is sent (an explicit null clears, a missing key is unchanged).
 *
 * <p>It can add a round trip to every request and inject the faults a real server shows (see
 * {@link Fault}), and it records every request with the X-Appwrite-Key it came with: on Appwrite
 * that key is the execution's own, so the record tells what each execution sent, when, and how
 * many of its requests overlapped (its sequential rounds).
 */
public final class AppwriteStandIn implements ResponseDefinitionTransformerV2, AutoCloseable {
  private static final Pattern DOCUMENTS =
      Pattern.compile("/v1/databases/([^/]+)/collections/([^/]+)/documents(?:/([^/?]+))?");
  private static final Pattern READ_BY_USER = Pattern.compile("read\\(\"user:([^\"]+)\"\\)");
  private static final Gson GSON = new GsonBuilder().serializeNulls().create();
  /** Longest a hung request waits for {@link #releaseHangs()}; far beyond any store deadline. */
  private static final Duration LONGEST_HANG = Duration.ofSeconds(60);

  /** What a request can meet besides a plain answer. */
  public enum Fault {
    /** 503 before anything is applied. */
    UNAVAILABLE,
    /** 429 general_rate_limit_exceeded, nothing applied. */
    RATE_LIMITED,
    /** No answer until {@link #releaseHangs()}; nothing applied. */
    HANG,
    /** The write is applied, then the answer is a 500. */
    APPLIED_THEN_500,
    /** The write is applied, then the connection is dropped without an answer. */
    APPLIED_THEN_DROP
  }

  /** One request as the stand-in saw it: whose (the key), what, from when to when (nanoTime), and what it met. */
  public record Call(String key, String method, String collection, String documentId, long startNanos, long endNanos,
      int status, Fault fault) {
    public boolean isWrite() {
      return !method.equals("GET");
    }

    public boolean overlaps(Call other) {
      return startNanos < other.endNanos && other.startNanos < endNanos;
    }
  }

  private record Rule(Fault fault, String method, String collection, int[] remaining) {
    boolean matches(String requestMethod, String requestCollection) {
      return (method == null || method.equals(requestMethod)) && (collection == null || collection.equals(requestCollection));
    }
  }

  private final DocumentStore documents;
  /** Each document's $permissions as last sent, by collection/id. */
  private final Map<String, List<String>> permissions = new java.util.concurrent.ConcurrentHashMap<>();
  private final String projectId;
  private final String apiKey;
  private final WireMockServer server;
  private final List<Rule> rules = new ArrayList<>();
  private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
  private final AtomicInteger received = new AtomicInteger();
  private final AtomicInteger hanging = new AtomicInteger();
  private volatile Duration roundTrip = Duration.ZERO;
  private volatile CountDownLatch hangs = new CountDownLatch(1);
  private Random random;
  private double faultRate;
  private List<Fault> randomFaults = List.of();

  private AppwriteStandIn(DocumentStore documents, String projectId, String apiKey) {
    this.documents = documents;
    this.projectId = projectId;
    this.apiKey = apiKey;
    // enough threads that hung requests never keep a healthy one waiting on the server's side
    this.server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(150).extensions(this));
  }

  /** Starts a stand-in on a free port, holding its documents in {@code documents}; any non-empty key is accepted. */
  public static AppwriteStandIn start(DocumentStore documents, String projectId) {
    return start(documents, projectId, null);
  }

  /** As {@link #start(DocumentStore, String)}, but only {@code apiKey} is accepted (null: any non-empty key). */
  public static AppwriteStandIn start(DocumentStore documents, String projectId, String apiKey) {
    AppwriteStandIn standIn = new AppwriteStandIn(documents, projectId, apiKey);
    standIn.server.start();
    standIn.server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(standIn.getName())));
    return standIn;
  }

  public static AppwriteStandIn start(String projectId) {
    return start(new InMemoryDocumentStore(), projectId);
  }

  /** The endpoint as APPWRITE_FUNCTION_API_ENDPOINT gives it: http://127.0.0.1:port/v1. */
  public String endpoint() {
    return server.baseUrl() + "/v1";
  }

  /** The WireMock server, for tests that verify exact requests. */
  public WireMockServer server() {
    return server;
  }

  /** The documents behind the API, to seed and to check without going through HTTP. */
  public DocumentStore documents() {
    return documents;
  }

  /** Every request from now on takes this long on the server's side (a network round trip). */
  public AppwriteStandIn roundTrip(Duration duration) {
    roundTrip = duration;
    return this;
  }

  /** The next {@code times} requests of this method (null: any) on this collection (null: any) meet the fault. */
  public synchronized AppwriteStandIn inject(Fault fault, String method, String collection, int times) {
    rules.add(new Rule(fault, method, collection, new int[] {times}));
    return this;
  }

  /** Every request no rule catches meets one of {@code faults} with probability {@code rate}, from a seeded random. */
  public synchronized AppwriteStandIn randomFaults(long seed, double rate, List<Fault> faults) {
    random = new Random(seed);
    faultRate = rate;
    randomFaults = List.copyOf(faults);
    return this;
  }

  /** No more faults, rules or random. */
  public synchronized AppwriteStandIn healthy() {
    rules.clear();
    faultRate = 0;
    return this;
  }

  /** Lets every hung request finish (with a dropped connection; its caller is long gone). */
  public void releaseHangs() {
    CountDownLatch released = hangs;
    hangs = new CountDownLatch(1);
    released.countDown();
  }

  /** Requests that have reached the stand-in, answered or not (a hung one counts from its arrival). */
  public int received() {
    return received.get();
  }

  /** Requests hanging right now (met {@link Fault#HANG}, not yet released). */
  public int hanging() {
    return hanging.get();
  }

  public List<Call> calls() {
    return List.copyOf(calls);
  }

  public List<Call> calls(String key) {
    return calls.stream().filter(c -> key.equals(c.key())).toList();
  }

  public void forgetCalls() {
    calls.clear();
  }

  /**
   * How many requests of this key had to wait for one another: the longest chain of its requests
   * each starting after the one before ended. Requests sent at once count as one round.
   */
  public int rounds(String key) {
    List<Call> sorted = new ArrayList<>(calls(key));
    sorted.sort(Comparator.comparingLong(Call::endNanos));
    int rounds = 0;
    long lastEnd = Long.MIN_VALUE;
    for (Call call : sorted) {
      if (call.startNanos() >= lastEnd) {
        rounds++;
        lastEnd = call.endNanos();
      }
    }
    return rounds;
  }

  @Override
  public void close() {
    releaseHangs();
    server.stop();
  }

  @Override
  public String getName() {
    return "appwrite-stand-in";
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    long start = System.nanoTime();
    received.incrementAndGet();
    Request request = event.getRequest();
    String key = request.getHeader("X-Appwrite-Key");
    Matcher path = DOCUMENTS.matcher(request.getUrl().split("\\?")[0]);
    String method = request.getMethod().getName();
    String collection = path.matches() ? path.group(2) : null;
    String id = path.matches() ? path.group(3) : null;
    Fault fault = collection == null ? null : faultFor(method, collection);
    sleep(roundTrip);
    ResponseDefinition answer = answer(request, path, fault, key);
    if (fault == Fault.HANG) {
      hanging.incrementAndGet();
      awaitRelease();
      hanging.decrementAndGet();
    }
    calls.add(new Call(key, method, collection, id, start, System.nanoTime(), answer.getStatus(), fault));
    return answer;
  }

  private ResponseDefinition answer(Request request, Matcher path, Fault fault, String key) {
    if (!projectId.equals(request.getHeader("X-Appwrite-Project")) || key == null || key.isEmpty()
        || (apiKey != null && !apiKey.equals(key))) {
      return error(401, "user_unauthorized", "The current user is not authorized to perform the requested action.");
    }
    if (!path.matches()) {
      return error(404, "general_route_not_found", "The requested route was not found.");
    }
    if (fault == Fault.UNAVAILABLE) {
      return error(503, "general_server_error", "Service unavailable.");
    }
    if (fault == Fault.RATE_LIMITED) {
      return error(429, "general_rate_limit_exceeded", "Rate limit for the current endpoint has been exceeded.");
    }
    if (fault == Fault.HANG) {
      return new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
    }
    ResponseDefinition applied = apply(request, path.group(1), path.group(2), path.group(3));
    if (fault == Fault.APPLIED_THEN_500) {
      return error(500, "general_server_error", "Server Error");
    }
    if (fault == Fault.APPLIED_THEN_DROP) {
      return new ResponseDefinitionBuilder().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
    }
    return applied;
  }

  private ResponseDefinition apply(Request request, String database, String collection, String id) {
    try {
      return switch (request.getMethod().getName()) {
        case "POST" -> {
          JsonObject body = JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
          String documentId = body.get("documentId").getAsString();
          Map<String, Object> data = data(body);
          List<String> sent = permissions(body).orElse(List.of());
          Document created = documents.create(collection, documentId, data, readers(sent));
          permissions.put(collection + "/" + documentId, sent);
          yield json(201, document(database, collection, created));
        }
        case "GET" -> {
          if (id != null) {
            yield documents.find(collection, id)
                .map(d -> json(200, document(database, collection, d)))
                .orElseGet(AppwriteStandIn::notFound);
          }
          List<Query> queries = new ArrayList<>();
          QueryParameter parameter = request.queryParameter("queries[]");
          if (parameter.isPresent()) {
            parameter.values().forEach(q -> queries.add(decode(q)));
          }
          List<Map<String, Object>> page = new ArrayList<>();
          documents.list(collection, queries).forEach(d -> page.add(document(database, collection, d)));
          yield json(200, Map.of("total", page.size(), "documents", page));
        }
        case "PATCH" -> {
          JsonObject body = JsonParser.parseString(request.getBodyAsString()).getAsJsonObject();
          Optional<List<String>> sent = permissions(body);
          if (sent.isEmpty()) {
            yield json(200, document(database, collection, documents.update(collection, id, data(body))));
          }
          Document updated = documents.updateWithReaders(collection, id, data(body), readers(sent.get()));
          permissions.put(collection + "/" + id, sent.get());
          yield json(200, document(database, collection, updated));
        }
        case "DELETE" -> {
          documents.delete(collection, id);
          permissions.remove(collection + "/" + id);
          yield new ResponseDefinitionBuilder().withStatus(204).build();
        }
        default -> error(405, "general_route_not_found", "Method not allowed");
      };
    } catch (DocumentExistsException e) {
      return error(409, "document_already_exists",
          "Document with the requested ID already exists. Try again with a different ID or use ID.unique() to generate a unique ID.");
    } catch (DocumentNotFoundException e) {
      return notFound();
    }
  }

  /** The body's data as sent: a key with null stays (it clears), a key not sent is absent (unchanged). */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> data(JsonObject body) {
    JsonElement data = body.get("data");
    if (data == null || data.isJsonNull()) {
      return Map.of();
    }
    // the SDK sends data as an object; older clients send it as a JSON string
    JsonElement object = data.isJsonPrimitive() ? JsonParser.parseString(data.getAsString()) : data;
    return GSON.fromJson(object, LinkedHashMap.class);
  }

  /** The body's permissions; absent (or null) on an update means "as they are", as Appwrite reads it. */
  private static Optional<List<String>> permissions(JsonObject body) {
    JsonElement sent = body.get("permissions");
    if (sent == null || sent.isJsonNull()) {
      return Optional.empty();
    }
    List<String> permissions = new ArrayList<>();
    sent.getAsJsonArray().forEach(permission -> permissions.add(permission.getAsString()));
    return Optional.of(permissions);
  }

  /** The users a document's permissions let read it: read("user:ID") (the only kind the functions write). */
  private static Set<String> readers(List<String> permissions) {
    Set<String> readers = new java.util.HashSet<>();
    for (String permission : permissions) {
      Matcher read = READ_BY_USER.matcher(permission);
      if (!read.matches()) {
        throw new IllegalArgumentException("a permission the functions never write: " + permission);
      }
      readers.add(read.group(1));
    }
    return readers;
  }

  /** A document's $permissions as Appwrite would answer them, for tests of who may read what. */
  public List<String> permissionsOf(String collection, String id) {
    return permissions.getOrDefault(collection + "/" + id, List.of());
  }

  private synchronized Fault faultFor(String method, String collection) {
    for (Rule rule : rules) {
      if (rule.remaining()[0] > 0 && rule.matches(method, collection)) {
        rule.remaining()[0]--;
        return rule.fault();
      }
    }
    if (faultRate > 0 && random.nextDouble() < faultRate) {
      return randomFaults.get(random.nextInt(randomFaults.size()));
    }
    return null;
  }

  private void awaitRelease() {
    try {
      hangs.await(LONGEST_HANG.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An Appwrite 1.6 query string: {"method":"equal","attribute":"status","values":["searching"]}. */
  static Query decode(String text) {
    JsonObject query = JsonParser.parseString(text).getAsJsonObject();
    String method = query.get("method").getAsString();
    String attribute = query.has("attribute") && !query.get("attribute").isJsonNull() ? query.get("attribute").getAsString() : null;
    List<Object> values = new ArrayList<>();
    if (query.has("values")) {
      for (JsonElement value : query.getAsJsonArray("values")) {
        values.add(value.getAsJsonPrimitive().isNumber() ? (Object) value.getAsDouble()
            : value.getAsJsonPrimitive().isBoolean() ? (Object) value.getAsBoolean() : value.getAsString());
      }
    }
    return switch (method) {
      case "equal" -> Query.equalAny(attribute, values);
      case "lessThan" -> Query.lessThan(attribute, values.get(0));
      case "lessThanEqual" -> Query.lessThanEqual(attribute, values.get(0));
      case "greaterThan" -> Query.greaterThan(attribute, values.get(0));
      case "greaterThanEqual" -> new Query.Compare(attribute, Query.Comparison.GREATER_THAN_EQUAL, values.get(0));
      case "orderAsc" -> Query.orderAsc(attribute);
      case "orderDesc" -> Query.orderDesc(attribute);
      case "cursorAfter" -> Query.cursorAfter((String) values.get(0));
      case "limit" -> Query.limit(((Number) values.get(0)).intValue());
      default -> throw new IllegalArgumentException("query method not in the stand-in: " + method);
    };
  }

  private Map<String, Object> document(String database, String collection, Document document) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("$id", document.id());
    json.put("$collectionId", collection);
    json.put("$databaseId", database);
    json.put("$createdAt", DocumentTimes.format(Instant.parse("2026-11-21T10:00:00Z")));
    json.put("$updatedAt", DocumentTimes.format(Instant.parse("2026-11-21T10:00:00Z")));
    json.put("$permissions", permissionsOf(collection, document.id()));
    json.putAll(document.data());
    return json;
  }

  private static ResponseDefinition notFound() {
    return error(404, "document_not_found", "Document with the requested ID could not be found.");
  }

  static ResponseDefinition error(int status, String type, String message) {
    return json(status, Map.of("message", message, "code", status, "type", type, "version", "1.6.0"));
  }

  private static ResponseDefinition json(int status, Object body) {
    return new ResponseDefinitionBuilder()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(GSON.toJson(body))
        .build();
  }
}
