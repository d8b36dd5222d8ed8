package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The project a request names, as Appwrite 1.6 checks it before anything else: none (Appwrite's
 * console) and another project are refused on every route the runner serves, so a client that
 * forgot setProject fails locally as it would on Appwrite.
 */
class ProjectOverHttpTest {
  private static final String KEY = "server-secret";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String NO_PROJECT =
      "{\"message\":\"No Appwrite project was specified. Please specify your project ID when initializing your Appwrite SDK.\","
          + "\"code\":401,\"type\":\"general_access_forbidden\",\"version\":\"1.6.0\"}";
  private static final String CONSOLE_PROJECT =
      "{\"message\":\"This endpoint is not available for the console project. The Appwrite Console is a reserved project ID and cannot be used with the Appwrite SDKs and APIs. Please check if your project ID is correct.\","
          + "\"code\":401,\"type\":\"general_access_forbidden\",\"version\":\"1.6.0\"}";
  private static final String PROJECT_NOT_FOUND =
      "{\"message\":\"Project with the requested ID could not be found. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.\","
          + "\"code\":404,\"type\":\"project_not_found\",\"version\":\"1.6.0\"}";
  private static LocalRunner runner;

  @BeforeAll
  static void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of("APPWRITE_API_KEY", KEY), MutableClock.at("2026-11-23T03:00:00Z"));
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  private record Answer(int status, String body) {
    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  private static Answer execute(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port() + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"body\":\"{}\"}"));
    headers.forEach(request::header);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  private static Answer read(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runner.port() + path)).GET();
    headers.forEach(request::header);
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body());
  }

  @Test
  void anExecutionNamingNoProjectIsRefusedAsAppwriteRefusesItsConsoleAndNothingRuns() throws Exception {
    Answer refused = execute("/v1/functions/getBooking/executions", Map.of());
    Answer listed = read("/v1/functions/getBooking/executions",
        Map.of("X-Appwrite-Project", "pijat-booking", "X-Appwrite-Key", KEY));

    assertEquals(401, refused.status());
    assertEquals(NO_PROJECT, refused.body());
    assertEquals(0, listed.json().get("total").getAsInt());
  }

  @Test
  void anExecutionNamingAnotherProjectIsRefusedAsAProjectNotFound() throws Exception {
    Answer refused = execute("/v1/functions/getBooking/executions", Map.of("X-Appwrite-Project", "someone-else"));

    assertEquals(404, refused.status());
    assertEquals(PROJECT_NOT_FOUND, refused.body());
  }

  @Test
  void anExecutionNamingTheConsoleIsRefusedAsAppwriteRefusesTheConsoleProject() throws Exception {
    Answer refused = execute("/v1/functions/getBooking/executions", Map.of("X-Appwrite-Project", "console"));

    assertEquals(401, refused.status());
    assertEquals(CONSOLE_PROJECT, refused.body());
  }

  @Test
  void anApiKeyDoesNotStandInForTheProject() throws Exception {
    Answer refused = execute("/v1/functions/getBooking/executions", Map.of("X-Appwrite-Key", KEY));

    assertEquals(NO_PROJECT, refused.body());
  }

  @Test
  void theProjectMayBeNamedInTheQueryAsAppwriteReadsIt() throws Exception {
    Answer ran = execute("/v1/functions/getBooking/executions?project=pijat-booking", Map.of());

    assertEquals(201, ran.status());
    assertEquals("completed", ran.json().get("status").getAsString());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "/v1/functions/getBooking/executions",
      "/v1/functions/getBooking/executions/someExecution",
      "/v1/databases/marketplace/collections/bookings/documents",
      "/v1/databases/marketplace/collections/bookings/documents/someBooking"})
  void everyReadTheRunnerServesNamesTheProject(String path) throws Exception {
    Answer none = read(path, Map.of());
    Answer another = read(path, Map.of("X-Appwrite-Project", "someone-else"));

    assertEquals(NO_PROJECT, none.body());
    assertEquals(PROJECT_NOT_FOUND, another.body());
  }

  @Test
  void aRouteAppwriteDoesNotHaveIsNotFoundWhateverTheProject() throws Exception {
    Answer unknown = read("/v1/nothing-here", Map.of());

    assertEquals(404, unknown.status());
    assertEquals("general_route_not_found", unknown.json().get("type").getAsString());
  }
}
