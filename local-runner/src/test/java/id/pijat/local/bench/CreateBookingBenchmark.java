package id.pijat.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.local.LocalRunner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * createBooking through the local runner over HTTP, on the file-backed embedded database, from
 * several clients at once. Prints throughput and latency percentiles; asserts only that every call
 * succeeded. Run with scripts/bench.
 */
@Tag("benchmark")
class CreateBookingBenchmark {
  private static final int CLIENTS = 8;
  private static final int CALLS_PER_CLIENT = 250;

  @Test
  void createBookingThroughTheRunner() throws Exception {
    Path data = Files.createTempDirectory("bench");
    try (LocalRunner runner = LocalRunner.start(Path.of(".."), "jdbc:h2:file:" + data.resolve("booking"), 0, Map.of("FAIR_USE", "off"),
        Clock.tickMillis(ZoneOffset.UTC))) {
      HttpClient http = HttpClient.newHttpClient();
      URI uri = URI.create("http://127.0.0.1:" + runner.port() + "/v1/functions/createBooking/executions");
      String body = "{\"body\":\"{\\\"serviceDuration\\\":\\\"60\\\",\\\"location\\\":{\\\"address\\\":\\\"Jl. Sunset Road 88\\\","
          + "\\\"coordinates\\\":{\\\"lat\\\":-8.68,\\\"lng\\\":115.17}},\\\"customerDetails\\\":{\\\"name\\\":\\\"Budi\\\","
          + "\\\"whatsapp\\\":\\\"081234567890\\\"}}\",\"async\":false,\"path\":\"/\",\"method\":\"POST\"}";
      for (int i = 0; i < 200; i++) {
        call(http, uri, body);
      }
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      long start = System.nanoTime();
      List<Future<?>> runs = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        runs.add(clients.submit(() -> {
          for (int i = 0; i < CALLS_PER_CLIENT; i++) {
            long t = System.nanoTime();
            call(http, uri, body);
            latencies.add(System.nanoTime() - t);
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      clients.shutdown();
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf(Locale.ROOT,
          "createBooking via runner: %d calls, %d clients, %.0f calls/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
          sorted.size(), CLIENTS, sorted.size() / seconds, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99));
      System.out.printf(Locale.ROOT, "store calls per booking: %.1f%n",
          runner.store().calls() / (double) (sorted.size() + 200));
    }
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
  }

  private static void call(HttpClient http, URI uri, String body) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header("X-Appwrite-Project", "pijat-booking")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(201, response.statusCode());
    if (!response.body().contains("\"responseStatusCode\":201")) {
      throw new AssertionError(response.body());
    }
  }
}
