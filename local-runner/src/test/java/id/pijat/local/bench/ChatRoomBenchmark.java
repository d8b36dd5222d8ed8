package id.pijat.local.bench;

import static id.pijat.local.RunnerClient.data;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One room through the local runner over HTTP, on the file-backed embedded database: after an
 * acceptance the customer and the therapist send from several threads at once; then a reader polls
 * with nothing new. Prints the messages per second the room took, the send latency, and the
 * database calls per send and per poll; asserts only that every message arrived once. Run with
 * scripts/bench.
 */
@Tag("benchmark")
class ChatRoomBenchmark {
  private static final int THREADS_PER_SIDE = 4;
  private static final int MESSAGES_PER_THREAD = 50;
  private static final int POLLS = 100;

  @Test
  void oneRoomTwoSidesSendingAtOnce() throws Exception {
    Path data = Files.createTempDirectory("bench");
    try (LocalRunner runner = LocalRunner.start(Path.of(".."), "jdbc:h2:file:" + data.resolve("chat"), 0, Map.of("FAIR_USE", "off"),
        Clock.tickMillis(ZoneOffset.UTC))) {
      RunnerClient client = new RunnerClient(runner);
      Map<String, String> customer = Map.of("X-Appwrite-JWT", "local:budi");
      String bookingId = data(client.execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, customer)).get("id").getAsString();
      JsonObject offer = data(client.execute("searchTherapists", "{\"bookingId\":\"" + bookingId + "\"}", customer));
      String therapistId = offer.getAsJsonObject("therapist").get("id").getAsString();
      data(client.execute("acceptTherapist", "{\"bookingId\":\"" + bookingId + "\",\"therapistId\":\"" + therapistId + "\"}", customer));
      Map<String, String> therapist = Map.of("X-Appwrite-JWT", "local:therapist-" + therapistId);

      // the reader's cursor from before the sends: what follows is read page by page after it
      JsonObject page = data(client.execute("readMessages", "GET", "{\"bookingId\":\"" + bookingId + "\"}", customer));
      String cursor = page.get("next").getAsString();
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_SIDE);
      long callsBefore = runner.store().calls();
      long start = System.nanoTime();
      List<Future<?>> runs = new ArrayList<>();
      for (int t = 0; t < 2 * THREADS_PER_SIDE; t++) {
        Map<String, String> side = t % 2 == 0 ? customer : therapist;
        String prefix = "t" + t + "-";
        runs.add(threads.submit(() -> {
          for (int m = 0; m < MESSAGES_PER_THREAD; m++) {
            long began = System.nanoTime();
            JsonObject sent = client.execute("sendMessage",
                "{\"bookingId\":\"" + bookingId + "\",\"clientMessageId\":\"" + prefix + m + "\",\"text\":\"message " + m + "\"}", side);
            latencies.add(System.nanoTime() - began);
            if (sent.get("responseStatusCode").getAsInt() != 201) {
              throw new AssertionError(sent.get("responseBody").getAsString());
            }
          }
          return null;
        }));
      }
      for (Future<?> run : runs) {
        run.get();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      threads.shutdown();
      int messages = 2 * THREADS_PER_SIDE * MESSAGES_PER_THREAD;
      long sendCalls = runner.store().calls() - callsBefore;

      int read = 0;
      int pages = 0;
      do {
        page = data(client.execute("readMessages", "GET",
            "{\"bookingId\":\"" + bookingId + "\",\"limit\":100,\"after\":\"" + cursor + "\"}", customer));
        cursor = page.get("next").getAsString();
        read += page.getAsJsonArray("messages").size();
        pages++;
      } while (page.get("more").getAsBoolean() && pages < 4 * messages);
      long pollsBefore = runner.store().calls();
      for (int p = 0; p < POLLS; p++) {
        data(client.execute("readMessages", "GET", "{\"bookingId\":\"" + bookingId + "\",\"after\":\"" + cursor + "\"}", customer));
      }
      long pollCalls = runner.store().calls() - pollsBefore;

      Collections.sort(latencies);
      System.out.printf(Locale.ROOT, "chat room via runner: %d messages from %d threads, %.1f messages/s, send p50 %.1f ms, p95 %.1f ms%n",
          messages, 2 * THREADS_PER_SIDE, messages / seconds, ms(latencies, 0.50), ms(latencies, 0.95));
      System.out.printf(Locale.ROOT, "store calls per send: %.1f; per poll with nothing new: %.2f (%d polls)%n",
          sendCalls / (double) messages, pollCalls / (double) POLLS, POLLS);
      System.out.printf(Locale.ROOT, "read after the sends in %d pages of at most 100%n", pages);
      if (read != messages) {
        throw new AssertionError("read " + read + " messages, expected " + messages);
      }
    }
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
  }
}
