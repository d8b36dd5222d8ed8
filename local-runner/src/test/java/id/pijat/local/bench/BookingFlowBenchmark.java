package id.pijat.local.bench;

import com.google.gson.JsonObject;
import id.pijat.local.LocalRunner;
import id.pijat.local.RunnerClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The booking flow through the local runner over HTTP, on the file-backed embedded database with
 * the demo therapists around Denpasar: each client books, searches, accepts the offer and cancels
 * (so the therapist is free again), many at once. Prints latency per function, flows per second and
 * database calls per flow; asserts nothing about time. Run with scripts/bench.
 */
@Tag("benchmark")
class BookingFlowBenchmark {
  private static final int CLIENTS = 8;
  private static final int FLOWS_PER_CLIENT = 60;
  private static final String BOOKING = RunnerClient.BOOKING_IN_DENPASAR;

  private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

  @Test
  void searchAcceptCancelThroughTheRunner() throws Exception {
    Path data = Files.createTempDirectory("bench");
    try (LocalRunner runner = LocalRunner.start(Path.of(".."), "jdbc:h2:file:" + data.resolve("booking"), 0, Map.of("FAIR_USE", "off"),
        Clock.tickMillis(ZoneOffset.UTC))) {
      RunnerClient client = new RunnerClient(runner);
      for (int i = 0; i < 20; i++) {
        flow(client, "warmup");
      }
      latencies.clear();
      outcomes.clear();
      long callsBefore = runner.store().calls();
      long readBefore = runner.store().documentsRead();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long start = System.nanoTime();
      List<Future<?>> runs = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String customer = "c" + c;
        runs.add(clients.submit(() -> {
          for (int i = 0; i < FLOWS_PER_CLIENT; i++) {
            flow(client, customer);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      clients.shutdown();
      int flows = CLIENTS * FLOWS_PER_CLIENT;
      System.out.printf(Locale.ROOT, "booking flow via runner: %d flows, %d clients, %.1f flows/s, outcomes %s%n",
          flows, CLIENTS, flows / seconds, outcomes);
      for (String function : List.of("createBooking", "searchTherapists", "acceptTherapist", "cancelBooking")) {
        List<Long> sorted = new ArrayList<>(latencies.getOrDefault(function, List.of()));
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "  %s: %d calls, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
            function, sorted.size(), ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
      }
      System.out.printf(Locale.ROOT, "store calls per flow: %.1f, documents read per flow: %.1f%n",
          (runner.store().calls() - callsBefore) / (double) flows, (runner.store().documentsRead() - readBefore) / (double) flows);
    }
  }

  private void flow(RunnerClient client, String customer) throws Exception {
    Map<String, String> jwt = Map.of("X-Appwrite-JWT", "local:" + customer);
    String bookingId = call(client, "createBooking", BOOKING, jwt).getAsJsonObject("data").get("id").getAsString();
    String booking = "{\"bookingId\":\"" + bookingId + "\"";
    JsonObject search = call(client, "searchTherapists", booking + "}", jwt);
    JsonObject offer = search.getAsJsonObject("data");
    if (offer == null || !offer.has("therapist")) {
      outcomes.computeIfAbsent("nobody free", k -> new AtomicInteger()).incrementAndGet();
    } else {
      JsonObject accepted = call(client, "acceptTherapist",
          booking + ",\"therapistId\":\"" + offer.getAsJsonObject("therapist").get("id").getAsString() + "\"}", jwt);
      outcomes.computeIfAbsent(accepted.get("success").getAsBoolean() ? "accepted" : "accept refused",
          k -> new AtomicInteger()).incrementAndGet();
    }
    call(client, "cancelBooking", booking + "}", jwt);
  }

  private JsonObject call(RunnerClient client, String function, String body, Map<String, String> headers) throws Exception {
    long t = System.nanoTime();
    JsonObject execution = client.execute(function, body, headers);
    latencies.computeIfAbsent(function, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t);
    int status = execution.get("responseStatusCode").getAsInt();
    if (status >= 500) {
      throw new AssertionError(function + " answered " + status + ": " + execution.get("responseBody").getAsString());
    }
    return RunnerClient.envelope(execution);
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
  }
}
