package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import id.pijat.booking.Bookings;
import id.pijat.fairuse.FairUsePolicy;
import id.pijat.fairuse.Limit;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.store.Query;
import id.pijat.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What fair use refuses (README "Fair use"), through the runner over HTTP with the default limits, on the embedded store. */
class FairUseOverHttpTest {
  private static final String BOOKING = RunnerClient.BOOKING_IN_DENPASAR;
  /** As QA sent them: ten creates of one customer at once. */
  private static final int AT_ONCE = 10;
  /** Rounds of ten, each a new customer from a new address, so a round's creates are not rate limited by an earlier one. */
  private static final int ROUNDS = 5;
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private LocalRunner runner;
  private final ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE);

  @BeforeEach
  void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of(), clock);
  }

  @AfterEach
  void stop() {
    runner.close();
    callers.shutdownNow();
  }

  private JsonObject execute(String body, Map<String, String> headers) throws Exception {
    return new RunnerClient(runner).execute("createBooking", body, headers);
  }

  private static String header(JsonObject execution, String list, String name) {
    for (JsonElement pair : execution.getAsJsonArray(list)) {
      if (pair.getAsJsonObject().get("name").getAsString().equals(name)) {
        return pair.getAsJsonObject().get("value").getAsString();
      }
    }
    return null;
  }

  @Test
  void aNameOf51EmojiAndAnAddressOf251EmojiAreStoredNotA500() throws Exception {
    String emoji = "\uD83D\uDE00";
    String body = BOOKING.replace("\"name\":\"Budi\"", "\"name\":\"" + emoji.repeat(51) + "\"")
        .replace("Jl. Gajah Mada 1, Denpasar", emoji.repeat(251));

    JsonObject execution = execute(body, Map.of());

    assertEquals(201, execution.get("responseStatusCode").getAsInt(), execution.toString());
    assertEquals("", execution.get("errors").getAsString());
  }

  @Test
  void theRunnerTellsTheFunctionTheClientsAddressAsAppwriteDoes() throws Exception {
    JsonObject direct = execute(BOOKING, Map.of());
    JsonObject proxied = execute(BOOKING.replace("0812 3456 7890", "0813 1111 2222"), Map.of("X-Forwarded-For", "203.0.113.7, 10.0.0.1"));

    assertEquals("127.0.0.1", header(direct, "requestHeaders", "x-appwrite-client-ip"));
    assertEquals("203.0.113.7", header(proxied, "requestHeaders", "x-appwrite-client-ip"));
  }

  @Test
  void oneAddressWithManyNumbersIsAnswered429WithRetryAfter() throws Exception {
    int limit = FairUsePolicy.DEFAULT_RATES.get(Limit.CREATES_PER_ADDRESS).count();
    JsonObject last = null;
    for (int n = 0; n <= limit; n++) {
      last = execute(BOOKING.replace("0812 3456 7890", String.format("0812 3456 %04d", n)), Map.of("X-Forwarded-For", "203.0.113.7"));
    }

    assertEquals(429, last.get("responseStatusCode").getAsInt());
    JsonObject error = RunnerClient.envelope(last).getAsJsonObject("error");
    assertEquals("RATE_LIMITED", error.get("code").getAsString());
    assertEquals(error.getAsJsonObject("details").get("retryAfter").getAsString(), header(last, "responseHeaders", "retry-after"));
    assertEquals(limit, runner.store().list(Bookings.COLLECTION, List.of(Query.limit(100))).size());
  }

  @Test
  void aGetOrBrewExecutionCreatesNothing() throws Exception {
    for (String method : List.of("GET", "PUT", "DELETE", "BREW")) {
      String payload = new Gson().toJson(Map.of("body", BOOKING, "async", false, "path", "/", "method", method));
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + runner.port() + "/v1/functions/createBooking/executions"))
          .header("Content-Type", "application/json").header("X-Appwrite-Project", "pijat-booking")
          .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());

      JsonObject answer = new Gson().fromJson(response.body(), JsonObject.class);
      // a method outside Appwrite's list (BREW) is refused by the endpoint itself, as Appwrite does; the rest by the function
      int status = answer.has("responseStatusCode") ? answer.get("responseStatusCode").getAsInt() : response.statusCode();
      assertEquals(400, status, method + ": " + response.body());
    }
    assertTrue(runner.store().list(Bookings.COLLECTION, List.of(Query.limit(100))).isEmpty());
  }

  @Test
  void tenCreatesAtOnceOfOneSignedInCustomerLeaveAtMostTheOpenBookingsAllowedAndRefuseTheRest() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String user = "budi" + round;
      List<Integer> statuses = createAtOnce(BOOKING.replace("0812 3456 7890", String.format("0812 3456 %04d", round)),
          Map.of("X-Appwrite-JWT", "local:" + user, "X-Forwarded-For", "203.0.113." + round));

      assertAtMostTheAllowedStayOpen(statuses, List.of(Query.equal("userId", user)));
    }
  }

  @Test
  void tenCreatesAtOnceOfOneGuestNumberLeaveAtMostTheOpenBookingsAllowedAndRefuseTheRest() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      String number = String.format("0813 1111 %04d", round);
      List<Integer> statuses = createAtOnce(BOOKING.replace("0812 3456 7890", number),
          Map.of("X-Forwarded-For", "198.51.100." + round));

      assertAtMostTheAllowedStayOpen(statuses, List.of(Query.equal("customerWhatsApp", WhatsAppNumber.parse(number).value())));
    }
  }

  /** The answers' status codes, in the order the calls were sent. */
  private List<Integer> createAtOnce(String body, Map<String, String> headers) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<JsonObject>> calls = new ArrayList<>();
    for (int n = 0; n < AT_ONCE; n++) {
      Callable<JsonObject> call = () -> {
        start.await();
        return execute(body, headers);
      };
      calls.add(callers.submit(call));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (Future<JsonObject> call : calls) {
      JsonObject execution = call.get(60, TimeUnit.SECONDS);
      int status = execution.get("responseStatusCode").getAsInt();
      statuses.add(status);
      if (status != 201) {
        assertTrue(status == 409 || status == 429, "a refusal, never a failure: " + execution);
      }
    }
    return statuses;
  }

  private void assertAtMostTheAllowedStayOpen(List<Integer> statuses, List<Query> customer) {
    List<Query> open = new ArrayList<>(customer);
    open.add(Query.equalAny("status", List.of("searching", "pending_accept", "active")));
    open.add(Query.limit(100));
    int stayed = runner.store().list(Bookings.COLLECTION, open).size();
    long created = statuses.stream().filter(status -> status == 201).count();

    assertTrue(stayed <= FairUsePolicy.DEFAULT_MAX_OPEN_BOOKINGS, stayed + " open bookings stayed: " + statuses);
    assertEquals(created, stayed, "every booking answered 201 stays, every refused one is gone: " + statuses);
  }
}
