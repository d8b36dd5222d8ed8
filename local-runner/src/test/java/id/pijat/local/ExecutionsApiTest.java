package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The runner's executions API against Appwrite 1.6's: what a function is handed, what the Execution
 * shows to whom, async executions, refusals in Appwrite's shape, CORS. Runs a function that echoes
 * what it receives ({@link EchoProject}).
 */
class ExecutionsApiTest {
  private static final String KEY = "server-secret";
  private static final Gson GSON = new Gson();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static LocalRunner runner;

  @TempDir static Path root;

  @BeforeAll
  static void start() throws Exception {
    runner = LocalRunner.start(EchoProject.create(root), "jdbc:h2:mem:" + UUID.randomUUID(), 0,
        Map.of("APPWRITE_API_KEY", KEY), MutableClock.at("2026-11-21T10:00:00Z"), new PrintStream(LOG, true, StandardCharsets.UTF_8));
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + runner.port() + "/v1/functions/" + path);
  }

  private static HttpResponse<String> post(String functionId, Object payload, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(functionId + "/executions"))
        .header("Content-Type", "application/json").header("X-Appwrite-Project", "pijat-booking")
        .POST(HttpRequest.BodyPublishers.ofString(payload instanceof String text ? text : GSON.toJson(payload)));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("X-Appwrite-Project", "pijat-booking").GET();
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Map<String, Object> payload(String body, boolean async, String method, Map<String, String> headers) {
    return Map.of("body", body, "async", async, "path", "/", "method", method, "headers", headers);
  }

  private static JsonObject json(HttpResponse<String> response) {
    return JsonParser.parseString(response.body()).getAsJsonObject();
  }

  private static JsonObject echoed(JsonObject execution) {
    return JsonParser.parseString(execution.get("responseBody").getAsString()).getAsJsonObject();
  }

  private static Set<String> names(JsonObject execution, String headers) {
    Set<String> names = new HashSet<>();
    for (JsonElement pair : execution.getAsJsonArray(headers)) {
      names.add(pair.getAsJsonObject().get("name").getAsString());
    }
    return names;
  }

  private static String log() {
    return LOG.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logsAndErrorsGoOnlyToServerCallers() throws Exception {
    JsonObject guest = json(post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of()));
    JsonObject server = json(post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("X-Appwrite-Key", KEY)));

    assertEquals("", guest.get("logs").getAsString());
    assertEquals("", guest.get("errors").getAsString());
    assertEquals("log line", server.get("logs").getAsString().strip());
    assertEquals("error line", server.get("errors").getAsString().strip());
  }

  @Test
  void aFunctionThatThrowsIsAFailedExecutionWhoseTraceAGuestNeverSees() throws Exception {
    JsonObject guest = json(post(EchoProject.ECHO, payload("fail", false, "POST", Map.of()), Map.of()));
    JsonObject server = json(post(EchoProject.ECHO, payload("fail", false, "POST", Map.of()), Map.of("X-Appwrite-Key", KEY)));

    assertEquals("failed", guest.get("status").getAsString());
    assertEquals(500, guest.get("responseStatusCode").getAsInt());
    assertEquals("", guest.get("errors").getAsString());
    assertTrue(server.get("errors").getAsString().contains("a defect with a stack trace"));
  }

  @Test
  void aFiveHundredFromTheFunctionIsFailedAndAFourHundredCompleted() throws Exception {
    assertEquals("failed", json(post(EchoProject.ECHO, payload("status:503", false, "POST", Map.of()), Map.of())).get("status").getAsString());
    assertEquals("completed", json(post(EchoProject.ECHO, payload("status:409", false, "POST", Map.of()), Map.of())).get("status").getAsString());
  }

  @Test
  void theFunctionIsHandedTheHeadersAppwriteSetsAndNotTheClientsOwn() throws Exception {
    JsonObject execution = json(post(EchoProject.ECHO,
        payload("hi", false, "GET", Map.of("x-appwrite-user-id", "mallory", "x-booking-token", "tok")),
        Map.of("X-Appwrite-JWT", "local:alice")));
    JsonObject headers = echoed(execution).getAsJsonObject("headers");

    assertEquals(execution.get("$id").getAsString(), headers.get("x-appwrite-execution-id").getAsString());
    assertEquals("http", headers.get("x-appwrite-trigger").getAsString());
    assertEquals("alice", headers.get("x-appwrite-user-id").getAsString());
    assertEquals("local:alice", headers.get("x-appwrite-user-jwt").getAsString());
    assertEquals("127.0.0.1", headers.get("x-appwrite-client-ip").getAsString());
    assertEquals("", headers.get("x-appwrite-country-code").getAsString());
    assertEquals("false", headers.get("x-appwrite-continent-eu").getAsString());
    assertFalse(headers.get("x-appwrite-key").getAsString().isEmpty());
    assertEquals("tok", headers.get("x-booking-token").getAsString());
  }

  @Test
  void aGetExecutionHandsTheFunctionItsBodyAsAppwriteDoes() throws Exception {
    JsonObject echoed = echoed(json(post(EchoProject.ECHO, payload("{'bookingId':'b1'}", false, "GET", Map.of()), Map.of())));

    assertEquals("GET", echoed.get("method").getAsString());
    assertEquals("{'bookingId':'b1'}", echoed.get("body").getAsString());
  }

  @Test
  void requestHeadersShowOnlyAppwritesAllowlistAndResponseHeadersCarryTheExecutionId() throws Exception {
    JsonObject execution = json(post(EchoProject.ECHO,
        payload("hi", false, "POST", Map.of("x-booking-token", "secret-token", "content-type", "application/json")), Map.of()));

    Set<String> shown = names(execution, "requestHeaders");
    assertTrue(Execution.SHOWN_REQUEST_HEADERS.containsAll(shown), shown.toString());
    assertTrue(shown.contains("x-appwrite-client-ip"));
    assertFalse(execution.getAsJsonArray("requestHeaders").toString().contains("secret-token"), "the token is not echoed back");
    assertTrue(names(execution, "responseHeaders").containsAll(List.of("x-appwrite-execution-id", "x-echo")));
  }

  @Test
  void asyncAnswers202WaitingThenRunsInTheBackgroundAndIsReadWithGet() throws Exception {
    Map<String, String> alice = Map.of("X-Appwrite-JWT", "local:alice");
    HttpResponse<String> accepted = post(EchoProject.ECHO, payload("hi", true, "POST", Map.of()), alice);

    assertEquals(202, accepted.statusCode());
    JsonObject waiting = json(accepted);
    assertEquals("waiting", waiting.get("status").getAsString());
    assertEquals(0, waiting.get("responseStatusCode").getAsInt());
    assertTrue(names(waiting, "requestHeaders").contains("x-appwrite-client-ip"));
    String id = waiting.get("$id").getAsString();
    JsonObject done = awaitFinished(EchoProject.ECHO + "/executions/" + id, alice);
    assertEquals("completed", done.get("status").getAsString());
    assertEquals(200, done.get("responseStatusCode").getAsInt());
    assertEquals("", done.get("responseBody").getAsString(), "an async execution keeps no response body");
    assertEquals(Set.of("content-type"), names(done, "responseHeaders"));
    assertEquals(id, json(get(EchoProject.ECHO + "/executions/" + id, Map.of("X-Appwrite-Key", KEY))).get("$id").getAsString());
  }

  @Test
  void anExecutionsTimesAreWrittenAsAppwriteWritesEveryDatetime() throws Exception {
    JsonObject answered = json(post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("X-Appwrite-Key", KEY)));
    JsonObject read = json(get(EchoProject.ECHO + "/executions/" + answered.get("$id").getAsString(), Map.of("X-Appwrite-Key", KEY)));

    for (JsonObject execution : List.of(answered, read)) {
      assertEquals("2026-11-21T10:00:00.000+00:00", execution.get("$createdAt").getAsString());
      assertEquals("2026-11-21T10:00:00.000+00:00", execution.get("$updatedAt").getAsString());
    }
  }

  @Test
  void anExecutionIsReadOnlyByItsUserAndServerCalls() throws Exception {
    String id = json(post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("X-Appwrite-JWT", "local:bob")))
        .get("$id").getAsString();

    assertEquals(200, get(EchoProject.ECHO + "/executions/" + id, Map.of("X-Appwrite-JWT", "local:bob")).statusCode());
    HttpResponse<String> other = get(EchoProject.ECHO + "/executions/" + id, Map.of("X-Appwrite-JWT", "local:carol"));
    assertEquals(404, other.statusCode());
    assertEquals("execution_not_found", json(other).get("type").getAsString());
    assertEquals(404, get(EchoProject.ECHO + "/executions/" + id, Map.of()).statusCode());
    assertEquals("", json(get(EchoProject.ECHO + "/executions/" + id, Map.of("X-Appwrite-JWT", "local:bob"))).get("logs").getAsString());
  }

  @Test
  void theListAnswersTotalAndAPageOfTheCallersExecutions() throws Exception {
    Map<String, String> dave = Map.of("X-Appwrite-JWT", "local:dave");
    for (int i = 0; i < 3; i++) {
      post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), dave);
    }
    String limit = URLEncoder.encode("{\"method\":\"limit\",\"values\":[2]}", StandardCharsets.UTF_8);

    JsonObject page = json(get(EchoProject.ECHO + "/executions?queries%5B0%5D=" + limit, dave));

    assertEquals(3, page.get("total").getAsInt());
    assertEquals(2, page.getAsJsonArray("executions").size());
    assertEquals(400, get(EchoProject.ECHO + "/executions?queries%5B0%5D=" + URLEncoder.encode("{\"method\":\"search\",\"values\":[\"x\"]}", StandardCharsets.UTF_8), dave).statusCode());
  }

  @Test
  void aListQueryWhoseMethodIsNotANameIsASyntaxErrorNotAServerError() throws Exception {
    String query = URLEncoder.encode("{\"method\":{},\"values\":[2]}", StandardCharsets.UTF_8);

    HttpResponse<String> response = get(EchoProject.ECHO + "/executions?queries%5B0%5D=" + query, Map.of("X-Appwrite-Key", KEY));

    assertEquals(400, response.statusCode(), response.body());
    assertEquals("general_query_invalid", json(response).get("type").getAsString());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    "{\"body\":{}}                        | 400 | general_argument_invalid | body",
    "{\"body\":\"x\",\"method\":{}}       | 400 | general_argument_invalid | method",
    "{\"body\":\"x\",\"method\":\"FETCH\"} | 400 | general_argument_invalid | method",
    "{\"body\":\"x\",\"async\":\"maybe\"}  | 400 | general_argument_invalid | async",
    "{\"body\":\"x\",\"path\":7}          | 400 | general_argument_invalid | path",
    "{\"body\":\"x\",\"headers\":[1]}     | 400 | general_argument_invalid | headers",
    "[1,2]                                | 400 | general_argument_invalid | JSON object",
    "{not json                            | 400 | general_argument_invalid | JSON",
  })
  void aMalformedPayloadGetsAppwritesErrorShape(String payload, int status, String type, String named) throws Exception {
    HttpResponse<String> response = post(EchoProject.ECHO, payload, Map.of());

    assertEquals(status, response.statusCode());
    JsonObject error = json(response);
    assertEquals(type, error.get("type").getAsString());
    assertEquals(status, error.get("code").getAsInt());
    assertTrue(error.get("message").getAsString().contains(named), error.toString());
  }

  @Test
  void anOversizedBodyIsAnsweredNotDropped() throws Exception {
    String huge = "x".repeat(ExecutionPayload.MAX_BODY_CHARS + 1);

    HttpResponse<String> response = post(EchoProject.ECHO, payload(huge, false, "POST", Map.of()), Map.of());

    assertEquals(400, response.statusCode());
    assertTrue(json(response).get("message").getAsString().contains("`body`"));
  }

  @Test
  void unknownAndInvalidFunctionIdsAreAppwritesRefusals() throws Exception {
    HttpResponse<String> unknown = post("stealBooking", payload("", false, "POST", Map.of()), Map.of());
    HttpResponse<String> invalid = post("bad*id", payload("", false, "POST", Map.of()), Map.of());

    assertEquals(404, unknown.statusCode());
    assertEquals("function_not_found", json(unknown).get("type").getAsString());
    assertEquals(400, invalid.statusCode());
    assertEquals(404, get("stealBooking/executions/x", Map.of()).statusCode());
  }

  @Test
  void anInvalidJwtOrKeyIsRefused401NotTurnedIntoAGuest() throws Exception {
    HttpResponse<String> jwt = post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("X-Appwrite-JWT", "eyJ.broken.jwt"));
    HttpResponse<String> key = post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("X-Appwrite-Key", "guessed"));

    assertEquals(401, jwt.statusCode());
    assertEquals("user_jwt_invalid", json(jwt).get("type").getAsString());
    assertEquals(401, key.statusCode());
    assertEquals("user_unauthorized", json(key).get("type").getAsString());
  }

  @Test
  void deniedRequestsAreLoggedOnOneLineEach() throws Exception {
    post(EchoProject.SERVER_ONLY, payload("hi", false, "POST", Map.of()), Map.of());
    post("nobodyHere", payload("hi", false, "POST", Map.of()), Map.of());

    assertTrue(log().contains("POST /v1/functions/echoServerOnly/executions 401 user_unauthorized\n"), log());
    assertTrue(log().contains("POST /v1/functions/nobodyHere/executions 404 function_not_found\n"), log());
  }

  @Test
  void anAllowedOriginIsEchoedWithCredentialsAndAnUnknownOneGetsNoCorsAndIsRefused() throws Exception {
    HttpResponse<String> allowed = post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("Origin", "http://localhost:5173"));
    HttpResponse<String> unknown = post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("Origin", "https://evil.example"));
    HttpResponse<String> serverFromAnywhere =
        post(EchoProject.ECHO, payload("hi", false, "POST", Map.of()), Map.of("Origin", "https://evil.example", "X-Appwrite-Key", KEY));

    assertEquals("http://localhost:5173", allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertEquals("true", allowed.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));
    assertTrue(unknown.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    assertEquals(403, unknown.statusCode());
    assertEquals("general_unknown_origin", json(unknown).get("type").getAsString());
    assertEquals(201, serverFromAnywhere.statusCode());
  }

  @Test
  void theAllowedOriginsAreConfigurable() {
    Cors cors = Cors.allowing("https://app.example, http://localhost:5174/");

    assertTrue(cors.allows("https://app.example"));
    assertTrue(cors.allows("http://localhost:5174"));
    assertFalse(cors.allows("http://localhost:5173"), "the configured list replaces the defaults");
  }

  /** Waits for the background run, as a client polling getExecution does; never longer than 10 s. */
  private static JsonObject awaitFinished(String path, Map<String, String> headers) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      JsonObject execution = json(get(path, headers));
      String status = execution.get("status").getAsString();
      if (!status.equals("waiting") && !status.equals("processing")) {
        return execution;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still " + status + " after 10 s");
      }
      Thread.sleep(20);
    }
  }
}
