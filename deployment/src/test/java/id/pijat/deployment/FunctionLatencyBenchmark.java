package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import id.pijat.store.appwrite.AppwriteStandIn;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
   * Executions enough for the JIT to have compiled the path, as in a container that has served a
   * while (C2 compiles a method after some thousands of calls; 200 flows left the per-call path in
   * C1's profiling tier, and each call a few milliseconds slower). They run at a 0 ms round trip,
   * which only makes them quicker, in Jakarta, each near another of its therapists, so that the
   * measured flows meet locks with a few entries, as cleanup's compaction keeps them, not hundreds.
   * {@code -Dbench.warmup=200} measures containers as warm as the earlier figures.
   */
  private static final int WARMUP_FLOWS = Integer.getInteger("bench.warmup", 1000);
  private static final int WARM_THERAPISTS = 200;
  /** Measured flows per round trip; every other one from a client that says where the customer is. */
  private static final int FLOWS = 40;
  private static final List<String> STEPS = List.of(
      "createBooking", "searchTherapists first call", "  with userLocation sent", "poll (checkSearchStatus)", "searchTherapists again",
      "acceptTherapist", "cancelBooking");
  /** Where the flows at a 0 ms round trip book: their own ten therapists, far from Denpasar's. */
  private static final Coordinates SURABAYA = new Coordinates(-7.2575, 112.7521);

  @Test
  void eachFunctionAtZeroAndTenMillisecondRoundTrips() throws Exception {
    try (AppwriteStandIn appwrite = AppwriteStandIn.start("proj");
        Functions functions = new Functions(appwrite, Map.of(), "createBooking", "searchTherapists", "checkSearchStatus",
            "acceptTherapist", "cancelBooking")) {
      Functions.therapistsSpreadAround(appwrite, Functions.JAKARTA, "warm", WARM_THERAPISTS);
      for (int i = 0; i < WARMUP_FLOWS; i++) {
        flow(functions, Functions.spotOf(Functions.JAKARTA, i % WARM_THERAPISTS), i % 2 == 0);
      }
      System.out.printf(Locale.ROOT, "  each container warmed by %d flows%n", WARMUP_FLOWS);
      forgetFlows(appwrite);
      // each round trip on ten therapists of its own, so the second meets none of the first one's locks
      Functions.therapistsAround(appwrite, SURABAYA, "s", 10);
      Functions.therapistsAroundDenpasar(appwrite, "t", 10);
      measure(functions, appwrite, Duration.ZERO, SURABAYA);
      measure(functions, appwrite, Duration.ofMillis(10), Functions.DENPASAR);
    }
  }

  private static final String STEADY_POLLS = "poll, steady (5 customers)";

  /**
   * Polls as a container sees them under many clients, each polling every 2 s: one after another,
   * five customers' open offers in turn. In a flow the poll's container has idled since the last
   * flow's poll (about 100 ms on this machine, its threads parked and its caches taken by six other
   * JVMs on two cores), which costs it a few milliseconds more; both are printed.
   */
  private static List<Functions.Execution> steadyPolls(Functions functions, Coordinates at) throws Exception {
    List<String[]> offers = new ArrayList<>();
    for (int c = 0; c < 5; c++) {
      String customer = "steady-" + c;
      Functions.Execution created = functions.create(customer, at);
      String bookingId = created.data().get("id").getAsString();
      Functions.Execution search = functions.search(customer, bookingId, false);
      assertEquals(200, search.status(), search.answer().body());
      offers.add(new String[] {customer, bookingId, search.data().get("searchId").getAsString()});
    }
    List<Functions.Execution> polls = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      String[] offer = offers.get(i % offers.size());
      Functions.Execution poll = functions.poll(offer[0], offer[1], offer[2]);
      assertEquals(200, poll.status(), poll.answer().body());
      if (i >= 10) {
        polls.add(poll);
      }
    }
    for (String[] offer : offers) {
      functions.cancel(offer[0], offer[1]);
    }
    return polls;
  }

  /**
   * The stand-in lists by scanning a collection (Appwrite reads an index): the warm-up's documents
   * would make each of its lists slower than the one before. So the measured flows start on the
   * therapists alone, as the earlier figures did.
   */
  private static void forgetFlows(AppwriteStandIn appwrite) {
    DocumentStore documents = appwrite.documents();
    for (String collection : List.of("bookings", "booking_changes", "idempotency_records", "rate_counters", "therapist_holds",
        "chat_sessions", "chat_rooms", "chat_messages")) {
      for (List<Document> page = documents.list(collection, List.of(Query.limit(Query.MAX_LIMIT))); !page.isEmpty();
          page = documents.list(collection, List.of(Query.limit(Query.MAX_LIMIT)))) {
        page.forEach(document -> documents.delete(collection, document.id()));
      }
    }
    appwrite.forgetCalls();
  }

  /**
   * One request to the stand-in from this JVM, with no function around it: what a round costs on
   * this machine before any work (a thread that waited 10 ms takes a while to run again here).
   */
  private static double oneRequestMillis(AppwriteStandIn appwrite) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = URI.create(appwrite.endpoint() + "/databases/marketplace/collections/therapists/documents?queries%5B%5D="
        + URLEncoder.encode("{\"method\":\"limit\",\"values\":[1]}", StandardCharsets.UTF_8));
    List<Long> took = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long start = System.nanoTime();
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).header("x-appwrite-project", "proj")
          .header("x-appwrite-key", "probe").GET().build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      if (i >= 10) {
        took.add(System.nanoTime() - start);
      }
    }
    Collections.sort(took);
    return ms(took, 0.50);
  }

  private static void measure(Functions functions, AppwriteStandIn appwrite, Duration roundTrip, Coordinates at) throws Exception {
    appwrite.roundTrip(roundTrip);
    System.out.printf(Locale.ROOT, "  one request to the stand-in at %2d ms round trip, no function around it: p50 %.1f ms%n",
        roundTrip.toMillis(), oneRequestMillis(appwrite));
    Map<String, List<Functions.Execution>> measured = new LinkedHashMap<>();
    STEPS.forEach(step -> measured.put(step, new ArrayList<>()));
    for (int i = 0; i < FLOWS; i++) {
      boolean saysWhere = i % 2 == 0;
      List<Functions.Execution> flow = flow(functions, at, saysWhere);
      for (int s = 0; s < flow.size(); s++) {
        // the second step is the first search: its own line when the client said where the customer is
        String step = STEPS.get(s == 0 ? 0 : s == 1 ? (saysWhere ? 2 : 1) : s + 1);
        measured.get(step).add(flow.get(s));
      }
    }
    measured.put(STEADY_POLLS, steadyPolls(functions, at));
    for (String step : measured.keySet()) {
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

  private static List<Functions.Execution> flow(Functions functions, Coordinates at, boolean saysWhere) throws Exception {
    Functions.Execution created = functions.create("bench-user", at);
    assertEquals(201, created.status(), created.answer().body());
    String bookingId = created.data().get("id").getAsString();
    Functions.Execution search = functions.search("bench-user", bookingId, saysWhere ? at : null);
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
