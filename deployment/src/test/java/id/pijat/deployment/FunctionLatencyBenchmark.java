package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.store.appwrite.AppwriteStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each booking-flow function as packaged, in its warm container, against the stand-in at a 0 and a
 * 10 ms round trip: one customer at a time creates, searches (the first call), polls (the same
 * search again), accepts and cancels. Prints per function the median and p95 latency, the requests
 * per call and its sequential rounds (the stand-in's view of which of an execution's requests
 * waited for another). Asserts only that every call succeeded; run with scripts/bench.
 */
@Tag("benchmark")
class FunctionLatencyBenchmark {
  private static final int WARMUP_FLOWS = 20;
  private static final int FLOWS = 30;
  private static final List<String> STEPS = List.of("createBooking", "searchTherapists first call", "poll", "acceptTherapist", "cancelBooking");

  @Test
  void eachFunctionAtZeroAndTenMillisecondRoundTrips() throws Exception {
    for (Duration roundTrip : List.of(Duration.ZERO, Duration.ofMillis(10))) {
      // a fresh database for each, so the second does not start with the first one's documents
      try (AppwriteStandIn appwrite = AppwriteStandIn.start("proj");
          Functions functions = new Functions(appwrite, Map.of(), "createBooking", "searchTherapists", "acceptTherapist", "cancelBooking")) {
        Functions.therapistsAroundDenpasar(appwrite, "t", 10);
        appwrite.roundTrip(roundTrip);
        Map<String, List<Functions.Execution>> measured = new LinkedHashMap<>();
        for (int i = 0; i < WARMUP_FLOWS + FLOWS; i++) {
          List<Functions.Execution> flow = flow(functions);
          if (i >= WARMUP_FLOWS) {
            for (int s = 0; s < STEPS.size(); s++) {
              measured.computeIfAbsent(STEPS.get(s), k -> new ArrayList<>()).add(flow.get(s));
            }
          }
        }
        for (String step : STEPS) {
          List<Functions.Execution> runs = measured.get(step);
          List<Long> took = new ArrayList<>(runs.stream().map(Functions.Execution::tookNanos).toList());
          Collections.sort(took);
          double requests = runs.stream().mapToInt(r -> appwrite.calls(r.key()).size()).average().orElse(0);
          double rounds = runs.stream().mapToInt(r -> appwrite.rounds(r.key())).average().orElse(0);
          System.out.printf(Locale.ROOT, "  %-28s at %2d ms round trip: p50 %6.1f ms, p95 %6.1f ms, %4.1f requests, %4.1f rounds%n",
              step, roundTrip.toMillis(), ms(took, 0.50), ms(took, 0.95), requests, rounds);
        }
      }
    }
  }

  private static List<Functions.Execution> flow(Functions functions) throws Exception {
    Functions.Execution created = functions.create("bench-user");
    assertEquals(201, created.status(), created.answer().body());
    String bookingId = created.data().get("id").getAsString();
    Functions.Execution search = functions.search("bench-user", bookingId, false);
    Functions.Execution poll = functions.search("bench-user", bookingId, false);
    assertEquals(200, poll.status(), poll.answer().body());
    String therapistId = poll.data().getAsJsonObject("therapist").get("id").getAsString();
    Functions.Execution accept = functions.accept("bench-user", bookingId, therapistId);
    assertEquals(200, accept.status(), accept.answer().body());
    Functions.Execution cancel = functions.cancel("bench-user", bookingId);
    assertEquals(200, cancel.status(), cancel.answer().body());
    return List.of(created, search, poll, accept, cancel);
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
  }
}
