package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.model.geo.Coordinates;
import id.pijat.store.appwrite.AppwriteStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Each booking-flow function as packaged, in its warm container, against the stand-in at a 0 and a
 * 10 ms round trip: one customer at a time creates, searches (the first call), polls as the client
 * polls (checkSearchStatus), asks the same search again, accepts and cancels. Prints per function
 * the median and p95 latency, the requests per call, its sequential rounds (the stand-in's view of
 * which of an execution's requests waited for another) and where the time went. Asserts only that
 * every call succeeded; run with scripts/bench.
 */
@Tag("benchmark")
class FunctionLatencyBenchmark {
  /**
   * Enough executions for the JIT to have compiled the path, as in a container that has served a
   * while. They book in Jakarta, each near another of its therapists, so that the measured flows
   * in Denpasar meet locks with a few entries, as cleanup's compaction keeps them, not hundreds.
   */
  private static final int WARMUP_FLOWS = 200;
  private static final int WARM_THERAPISTS = 50;
  private static final int FLOWS = 30;
  private static final List<String> STEPS = List.of(
      "createBooking", "searchTherapists first call", "poll (checkSearchStatus)", "searchTherapists again", "acceptTherapist", "cancelBooking");

  @Test
  void eachFunctionAtZeroAndTenMillisecondRoundTrips() throws Exception {
    for (Duration roundTrip : List.of(Duration.ZERO, Duration.ofMillis(10))) {
      // a fresh database for each, so the second does not start with the first one's documents
      try (AppwriteStandIn appwrite = AppwriteStandIn.start("proj");
          Functions functions = new Functions(appwrite, Map.of(), "createBooking", "searchTherapists", "checkSearchStatus",
              "acceptTherapist", "cancelBooking")) {
        Functions.therapistsAroundDenpasar(appwrite, "t", 10);
        Functions.therapistsSpreadAround(appwrite, Functions.JAKARTA, "warm", WARM_THERAPISTS);
        appwrite.roundTrip(roundTrip);
        Map<String, List<Functions.Execution>> measured = new LinkedHashMap<>();
        for (int i = 0; i < WARMUP_FLOWS + FLOWS; i++) {
          List<Functions.Execution> flow =
              flow(functions, i < WARMUP_FLOWS ? Functions.spotOf(Functions.JAKARTA, i % WARM_THERAPISTS) : Functions.DENPASAR);
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
          List<Long> inContainer = new ArrayList<>(runs.stream().map(r -> r.answer().durationNanos()).toList());
          Collections.sort(inContainer);
          System.out.printf(Locale.ROOT, "  %-28s   the function's own duration (main, as Appwrite reports it): p50 %6.1f ms, p95 %6.1f ms%n",
              "", ms(inContainer, 0.50), ms(inContainer, 0.95));
          System.out.printf(Locale.ROOT, "  %-28s   where the time goes (medians): %s%n", "", Breakdown.of(appwrite, runs));
        }
      }
    }
  }

  private static List<Functions.Execution> flow(Functions functions, Coordinates at) throws Exception {
    Functions.Execution created = functions.create("bench-user", at);
    assertEquals(201, created.status(), created.answer().body());
    String bookingId = created.data().get("id").getAsString();
    Functions.Execution search = functions.search("bench-user", bookingId, false);
    assertEquals(200, search.status(), search.answer().body());
    Functions.Execution poll = functions.poll("bench-user", bookingId, search.data().get("searchId").getAsString());
    assertEquals(200, poll.status(), poll.answer().body());
    String therapistId = poll.data().getAsJsonObject("therapist").get("id").getAsString();
    Functions.Execution again = functions.search("bench-user", bookingId, false);
    assertEquals(200, again.status(), again.answer().body());
    Functions.Execution accept = functions.accept("bench-user", bookingId, therapistId);
    assertEquals(200, accept.status(), accept.answer().body());
    Functions.Execution cancel = functions.cancel("bench-user", bookingId);
    assertEquals(200, cancel.status(), cancel.answer().body());
    return List.of(created, search, poll, again, accept, cancel);
  }

  /**
   * An execution's time, split by what the stand-in saw of it: before its first request reached the
   * stand-in (the call into the container, the function's start), inside the stand-in (the union of
   * its requests' spans, the round trip included), between its rounds (the function's own work) and
   * after its last request (the answer going back).
   */
  private record Breakdown(double before, double store, double between, double after) {
    static String of(AppwriteStandIn appwrite, List<Functions.Execution> runs) {
      List<Breakdown> each = runs.stream().map(run -> of(appwrite.calls(run.key()), run)).toList();
      return String.format(Locale.ROOT, "before the first request %.1f ms, in the stand-in %.1f, between rounds %.1f, after the last %.1f",
          median(each, Breakdown::before), median(each, Breakdown::store), median(each, Breakdown::between), median(each, Breakdown::after));
    }

    static Breakdown of(List<AppwriteStandIn.Call> calls, Functions.Execution run) {
      long start = run.answeredNanos() - run.tookNanos();
      if (calls.isEmpty()) {
        return new Breakdown(run.tookNanos() / 1e6, 0, 0, 0);
      }
      List<AppwriteStandIn.Call> sorted = new ArrayList<>(calls);
      sorted.sort(Comparator.comparingLong(AppwriteStandIn.Call::startNanos));
      long inside = 0;
      long coveredTo = Long.MIN_VALUE;
      for (AppwriteStandIn.Call call : sorted) {
        long from = Math.max(call.startNanos(), coveredTo);
        if (call.endNanos() > from) {
          inside += call.endNanos() - from;
          coveredTo = call.endNanos();
        }
      }
      long before = sorted.get(0).startNanos() - start;
      long after = run.answeredNanos() - coveredTo;
      return new Breakdown(before / 1e6, inside / 1e6, (run.tookNanos() - before - inside - after) / 1e6, after / 1e6);
    }

    private static double median(List<Breakdown> each, ToDoubleFunction<Breakdown> part) {
      double[] values = each.stream().mapToDouble(part).sorted().toArray();
      return values[values.length / 2];
    }
  }

  private static double ms(List<Long> sorted, double quantile) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
  }
}
