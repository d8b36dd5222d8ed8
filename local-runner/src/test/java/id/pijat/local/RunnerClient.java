package id.pijat.local;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * Calls the runner as the appwrite web SDK's functions.createExecution(id, body, false, '/', 'POST')
 * does: a POST of {body, async, path, method} to the executions endpoint with the project header.
 */
public final class RunnerClient {
  /** A createBooking body for 60 minutes in central Denpasar, among the demo therapists. */
  public static final String BOOKING_IN_DENPASAR =
      "{\"serviceDuration\":\"60\",\"location\":{\"address\":\"Jl. Gajah Mada 1, Denpasar\",\"coordinates\":{\"lat\":-8.6705,\"lng\":115.2126}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"0812 3456 7890\"}}";
  private static final Gson GSON = new Gson();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private final LocalRunner runner;

  public RunnerClient(LocalRunner runner) {
    this.runner = runner;
  }

  /** The Execution object the runner answers. */
  public JsonObject execute(String functionId, String body, Map<String, String> headers) throws Exception {
    return execute(functionId, "POST", body, headers);
  }

  /** As createExecution(id, body, false, '/', method): the client polls with GET and a body. */
  public JsonObject execute(String functionId, String method, String body, Map<String, String> headers) throws Exception {
    String payload = GSON.toJson(Map.of("body", body, "async", false, "path", "/", "method", method, "headers", Map.of()));
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + runner.port() + "/v1/functions/" + functionId + "/executions"))
        .header("Content-Type", "application/json")
        .header("X-Appwrite-Project", "pijat-booking")
        .POST(HttpRequest.BodyPublishers.ofString(payload));
    headers.forEach(request::header);
    return JsonParser.parseString(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
  }

  /** A runner of the checkout on a fresh in-memory database and a free port, with these settings and this clock. */
  public static LocalRunner freshRunner(Map<String, String> settings, Clock clock) throws Exception {
    return LocalRunner.start(Path.of(".."), "jdbc:h2:mem:" + UUID.randomUUID(), 0, settings, clock);
  }

  /** The data of the function's envelope inside an Execution (null when it failed). */
  public static JsonObject data(JsonObject execution) {
    return envelope(execution).getAsJsonObject("data");
  }

  /** The function's own answer inside an Execution: the envelope. */
  public static JsonObject envelope(JsonObject execution) {
    return JsonParser.parseString(execution.get("responseBody").getAsString()).getAsJsonObject();
  }
}
