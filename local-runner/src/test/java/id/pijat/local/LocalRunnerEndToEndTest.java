package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runner on a free port, called over HTTP as the appwrite web SDK calls it:
 * functions.createExecution(id, body, false, '/', 'POST') posts {body, async, path, method} with
 * X-Appwrite-Project and reads the Execution's responseBody.
 */
class LocalRunnerEndToEndTest {
  private static final Gson GSON = new Gson();
  private static final String BOOKING =
      "{\"serviceDuration\":\"90\",\"location\":{\"address\":\"Jl. Sunset Road 88, Kuta\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"+62 812 3456 7890\"}}";
  private static LocalRunner runner;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    // the tests share one runner and one customer, who books more than fair use lets one customer hold
    runner = RunnerClient.freshRunner(
        Map.of("APPWRITE_API_KEY", "server-secret", "FAIR_USE", "off"), MutableClock.at("2026-11-21T10:00:00Z"));
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  private static HttpResponse<String> execute(String functionId, String body, Map<String, String> headers) throws Exception {
    String payload = GSON.toJson(Map.of("body", body, "async", false, "path", "/", "method", "POST", "headers", Map.of()));
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + runner.port() + "/v1/functions/" + functionId + "/executions"))
        .header("Content-Type", "application/json")
        .header("X-Appwrite-Project", "pijat-booking")
        .header("X-SDK-Name", "Web")
        .POST(HttpRequest.BodyPublishers.ofString(payload));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void aValidBookingAnswersACompletedExecutionWith201() throws Exception {
    HttpResponse<String> response = execute("createBooking", BOOKING, Map.of());

    assertEquals(201, response.statusCode());
    JsonObject execution = json(response.body());
    assertEquals("completed", execution.get("status").getAsString());
    assertEquals("createBooking", execution.get("functionId").getAsString());
    assertEquals(201, execution.get("responseStatusCode").getAsInt());
    JsonObject data = json(execution.get("responseBody").getAsString()).getAsJsonObject("data");
    assertEquals("searching", data.get("status").getAsString());
    assertEquals(300_000, data.get("price").getAsLong());
    assertEquals("IDR", data.get("currency").getAsString());
    assertTrue(data.has("bookingToken"), "a guest gets a token");
  }

  @Test
  void aSignedInUserActsThroughTheLocalJwt() throws Exception {
    HttpResponse<String> response = execute("createBooking", BOOKING, Map.of("X-Appwrite-JWT", "local:alice"));

    JsonObject data = json(json(response.body()).get("responseBody").getAsString()).getAsJsonObject("data");
    assertEquals("alice", data.get("userId").getAsString());
  }

  @Test
  void aBadBookingAnswers400NamingTheField() throws Exception {
    HttpResponse<String> response = execute("createBooking", BOOKING.replace("\"90\"", "\"45\""), Map.of());

    JsonObject execution = json(response.body());
    assertEquals(400, execution.get("responseStatusCode").getAsInt());
    JsonObject error = json(execution.get("responseBody").getAsString()).getAsJsonObject("error");
    assertEquals("serviceDuration", error.getAsJsonArray("details").get(0).getAsJsonObject().get("field").getAsString());
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyAnswersTheSameBooking() throws Exception {
    String body = BOOKING.replace("{\"serviceDuration\"", "{\"idempotencyKey\":\"tap-1-8d0c5b7e-2f41\",\"serviceDuration\"");
    String first = json(json(execute("createBooking", body, Map.of()).body()).get("responseBody").getAsString())
        .getAsJsonObject("data").get("id").getAsString();
    String second = json(json(execute("createBooking", body, Map.of()).body()).get("responseBody").getAsString())
        .getAsJsonObject("data").get("id").getAsString();

    assertEquals(first, second);
  }

  @Test
  void clientsCannotSetAppwriteHeaders() throws Exception {
    String payload = GSON.toJson(Map.of("body", BOOKING, "async", false, "path", "/", "method", "POST",
        "headers", Map.of("x-appwrite-user-id", "mallory")));
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + runner.port() + "/v1/functions/createBooking/executions"))
        .header("Content-Type", "application/json").header("X-Appwrite-Project", "pijat-booking")
        .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());

    JsonObject data = json(json(response.body()).get("responseBody").getAsString()).getAsJsonObject("data");
    assertEquals("guest-" + data.get("id").getAsString(), data.get("userId").getAsString(), "the booking is a guest's, not mallory's");
    assertTrue(data.has("bookingToken"));
  }

  @Test
  void anUnknownFunctionAnswersAppwrites404() throws Exception {
    HttpResponse<String> response = execute("stealBooking", "{}", Map.of());

    assertEquals(404, response.statusCode());
    assertEquals("function_not_found", json(response.body()).get("type").getAsString());
  }

  @Test
  void browsersGetCorsAnswers() throws Exception {
    HttpResponse<Void> preflight = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + runner.port() + "/v1/functions/createBooking/executions"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.discarding());

    assertEquals(204, preflight.statusCode());
    assertEquals("http://localhost:5173", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse("").contains("X-Appwrite-Project"));
  }

  @Test
  void aPreflightForARouteTheRunnerDoesNotServeIsAllowedSoTheBrowserShowsTheRoutesOwn404() throws Exception {
    HttpResponse<Void> preflight = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port() + "/v1/account"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", "http://localhost:5173")
        .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.discarding());

    assertEquals(204, preflight.statusCode(), "a browser sends the request itself only after a preflight answered 2xx");
    assertEquals("http://localhost:5173", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
  }
}
