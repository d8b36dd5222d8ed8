package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import id.pijat.store.appwrite.AppwriteStandIn.Fault;
import id.pijat.store.appwrite.AppwriteStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The packaged functions, each in its own warm container as the runtime runs them, against the
 * stateful stand-in with a round trip and injected faults. After each round the invariants: every
 * booking answered 201 exists; no therapist offered to or engaged by two bookings at once; no
 * answer but 2xx, 4xx or 503; every booking document agrees with its newest claimed version; and
 * nothing of an execution reached Appwrite after it answered.
 */
class PackagedFunctionsUnderFaultsTest {
  private static final List<Fault> EVERY_FAULT = List.of(Fault.values());
  private static final int CUSTOMERS = 8;
  private static final int ROUNDS = 3;
  private static AppwriteStandIn appwrite;
  private static Functions functions;

  private final List<Functions.Execution> executions = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, String> createdBy = Collections.synchronizedMap(new HashMap<>());

  @BeforeAll
  static void startContainers() throws Exception {
    appwrite = AppwriteStandIn.start("proj").roundTrip(Duration.ofMillis(2));
    // a hung call gives up quickly, so a round never waits long for one
    functions = new Functions(appwrite, Map.of("STORE_TIMEOUT_MS", "400"),
        "createBooking", "searchTherapists", "acceptTherapist", "cancelBooking");
    warmUp(functions);
  }

  /** A container's first database call loads the SDK; on a busy machine that alone can pass a short deadline. */
  static void warmUp(Functions containers) throws Exception {
    for (int attempt = 0; attempt < 5; attempt++) {
      Functions.Execution created = containers.create("warm-up");
      if (created.status() == 201) {
        String bookingId = created.data().get("id").getAsString();
        containers.search("warm-up", bookingId, false);
        containers.accept("warm-up", bookingId, "nobody");
        containers.cancel("warm-up", bookingId);
        return;
      }
    }
  }

  @AfterAll
  static void stopContainers() {
    functions.close();
    appwrite.close();
  }

  @BeforeEach
  void freshTherapists() {
    appwrite.healthy();
    DocumentStore data = appwrite.documents();
    for (String collection : List.of("therapists", "provider_availability")) {
      data.list(collection, List.of(Query.limit(100))).forEach(d -> data.delete(collection, d.id()));
    }
  }

  @Test
  void manyCustomersAtOnceWithEveryFaultKeepTheInvariants() throws Exception {
    Functions.therapistsAroundDenpasar(appwrite, "many", 3);
    ExecutorService customers = Executors.newFixedThreadPool(CUSTOMERS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        appwrite.randomFaults(round, 0.08, EVERY_FAULT);
        List<Future<?>> flows = new ArrayList<>();
        for (int c = 0; c < CUSTOMERS; c++) {
          String customer = "r" + round + "c" + c;
          boolean cancels = c % 3 == 0;
          boolean findsAnother = c % 4 == 1;
          // half the clients say where the customer is, so the search reads the nearest cells with the booking
          Coordinates saysWhere = c % 2 == 0 ? Functions.DENPASAR : null;
          flows.add(customers.submit(() -> {
            flow(customer, cancels, findsAnother, saysWhere);
            return null;
          }));
        }
        for (Future<?> flow : flows) {
          flow.get();
        }
        appwrite.healthy();
        appwrite.releaseHangs();
        checkInvariants();
        // the bookings left active end, so the next round finds the therapists free
        for (Map.Entry<String, String> booking : Map.copyOf(createdBy).entrySet()) {
          record(functions.cancel(booking.getValue(), booking.getKey()));
        }
      }
    } finally {
      customers.shutdownNow();
    }
  }

  /** Each decisive write of each function meets each fault once; the customer retries a 503 as the client does. */
  static List<Arguments> decisionPoints() {
    List<Arguments> points = new ArrayList<>();
    for (Fault fault : Fault.values()) {
      points.add(Arguments.of("createBooking", "POST", "bookings", fault));
      points.add(Arguments.of("searchTherapists", "POST", "therapist_holds", fault));
      points.add(Arguments.of("searchTherapists", "POST", "booking_changes", fault));
      points.add(Arguments.of("acceptTherapist", "POST", "therapist_holds", fault));
      points.add(Arguments.of("acceptTherapist", "POST", "booking_changes", fault));
      points.add(Arguments.of("cancelBooking", "POST", "booking_changes", fault));
      points.add(Arguments.of("cancelBooking", "PATCH", "bookings", fault));
    }
    return points;
  }

  @ParameterizedTest(name = "{0} {1} {2}: {3}")
  @MethodSource("decisionPoints")
  void aFaultAtADecisionPointIsAnsweredSafelyAndARetryFinishesTheFlow(
      String function, String method, String collection, Fault fault) throws Exception {
    String customer = function + "-" + method + "-" + collection + "-" + fault;
    Functions.therapistsAroundDenpasar(appwrite, "x" + Integer.toHexString(customer.hashCode()) + "-", 1);
    Map<String, Fault> faults = Map.of(function, fault);
    String bookingId = retried(customer, "createBooking", faults, method, collection, () -> functions.create(customer));
    assertTrue(bookingId != null, "the booking was created at last");
    Functions.Execution offer = retriedCall(customer, "searchTherapists", faults, method, collection,
        () -> functions.search(customer, bookingId, false));
    assertEquals(200, offer.status(), offer.answer().body());
    String therapistId = offer.data().getAsJsonObject("therapist").get("id").getAsString();
    Functions.Execution accepted = retriedCall(customer, "acceptTherapist", faults, method, collection,
        () -> functions.accept(customer, bookingId, therapistId));
    assertEquals(200, accepted.status(), accepted.answer().body());
    assertEquals("active", accepted.data().get("status").getAsString());
    Functions.Execution cancelled = retriedCall(customer, "cancelBooking", faults, method, collection,
        () -> functions.cancel(customer, bookingId));
    assertEquals(200, cancelled.status(), cancelled.answer().body());
    appwrite.releaseHangs();
    checkInvariants();

    // the therapist is free again for the next customer
    Functions.Execution next = functions.create(customer + "-next");
    Functions.Execution nextOffer = functions.search(customer + "-next", next.data().get("id").getAsString(), false);
    assertEquals(therapistId, nextOffer.data().getAsJsonObject("therapist").get("id").getAsString(), nextOffer.answer().body());
  }

  @Test
  void anOfferLockWhoseAnswerWasLostIsNeverAlsoOfferedToASecondBooking() throws Exception {
    Functions.therapistsAroundDenpasar(appwrite, "lost", 1);
    String first = retried("lost-a", "createBooking", Map.of(), null, null, () -> functions.create("lost-a"));
    String second = retried("lost-b", "createBooking", Map.of(), null, null, () -> functions.create("lost-b"));
    appwrite.inject(Fault.APPLIED_THEN_DROP, "POST", "therapist_holds", 1);

    Functions.Execution lost = record(functions.search("lost-a", first, false));
    appwrite.healthy();
    Functions.Execution rival = record(functions.search("lost-b", second, false));
    Functions.Execution retry = record(functions.search("lost-a", first, false));

    boolean firstOffered = offered(lost) || offered(retry);
    assertTrue(!(firstOffered && offered(rival)), "the one therapist was offered to both: " + lost.answer().body()
        + " / " + retry.answer().body() + " / " + rival.answer().body());
    checkInvariants();
  }

  private static boolean offered(Functions.Execution search) {
    return search.status() == 200 && search.data() != null && search.data().has("therapist");
  }

  @Test
  void hungExecutionsInAWarmContainerNeverKeepAHealthyOneWaiting() throws Exception {
    Functions.therapistsAroundDenpasar(appwrite, "hung", 1);
    String bookingId = functions.create("healthy").data().get("id").getAsString();
    // a container whose calls wait long, so the hung executions are still hung when the healthy one runs
    try (Functions patient = new Functions(appwrite, Map.of("STORE_TIMEOUT_MS", "20000"), "searchTherapists")) {
      patient.search("healthy", bookingId, false);
      appwrite.inject(Fault.HANG, "GET", "bookings", 10);
      ExecutorService customers = Executors.newFixedThreadPool(10);
      try {
        List<Future<Functions.Execution>> hung = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          hung.add(customers.submit(() -> patient.search("healthy", bookingId, false)));
        }
        // a poll reads more than the booking; the healthy one comes once all ten hangs are taken
        while (appwrite.hanging() < 10) {
          Thread.onSpinWait();
        }

        Functions.Execution healthy = patient.search("healthy", bookingId, false);

        assertEquals(200, healthy.status(), healthy.answer().body());
        assertTrue(hung.stream().noneMatch(Future::isDone), "the healthy execution waited until the hung ones ended");
        appwrite.releaseHangs();
        for (Future<Functions.Execution> execution : hung) {
          assertEquals(503, execution.get().status());
        }
      } finally {
        customers.shutdownNow();
      }
    }
  }

  @FunctionalInterface
  private interface Call {
    Functions.Execution run() throws Exception;
  }

  private String retried(String customer, String function, Map<String, Fault> faults, String method, String collection, Call call)
      throws Exception {
    Functions.Execution created = retriedCall(customer, function, faults, method, collection, call);
    assertEquals(201, created.status(), created.answer().body());
    createdBy.put(created.data().get("id").getAsString(), customer);
    return created.data().get("id").getAsString();
  }

  /** The step, with the fault armed for its first attempt only; a 503 is retried as the client retries it. */
  private Functions.Execution retriedCall(String customer, String function, Map<String, Fault> faults, String method,
      String collection, Call call) throws Exception {
    Fault fault = faults.get(function);
    if (fault != null) {
      appwrite.inject(fault, method, collection, 1);
    }
    Functions.Execution execution = record(call.run());
    appwrite.healthy();
    for (int attempt = 0; attempt < 3 && execution.status() == 503; attempt++) {
      execution = record(call.run());
    }
    return execution;
  }

  private Functions.Execution record(Functions.Execution execution) {
    executions.add(execution);
    int status = execution.status();
    assertTrue(status / 100 == 2 || status / 100 == 4 || status == 503,
        execution.function() + " answered " + status + ": " + execution.answer().body() + " " + execution.answer().errors());
    return execution;
  }

  /**
   * A customer books, searches, maybe asks for another therapist ("Find Another", often with nobody
   * else free), accepts an offer, and maybe cancels; 503s are retried a few times.
   */
  private void flow(String customer, boolean cancels, boolean findsAnother, Coordinates saysWhere) throws Exception {
    Functions.Execution created = record(functions.create(customer));
    for (int i = 0; i < 3 && created.status() == 503; i++) {
      created = record(functions.create(customer));
    }
    if (created.status() != 201) {
      return;
    }
    String bookingId = created.data().get("id").getAsString();
    createdBy.put(bookingId, customer);
    Functions.Execution search = record(functions.search(customer, bookingId, saysWhere));
    for (int i = 0; i < 3 && search.status() == 503; i++) {
      search = record(functions.search(customer, bookingId, saysWhere));
    }
    JsonObject offer = search.status() == 200 ? search.data() : null;
    if (findsAnother && offer != null && offer.has("therapist")) {
      Functions.Execution another = record(functions.search(customer, bookingId, true));
      offer = another.status() == 200 ? another.data() : null;
    }
    if (offer != null && offer.has("therapist")) {
      record(functions.accept(customer, bookingId, offer.getAsJsonObject("therapist").get("id").getAsString()));
    }
    if (cancels) {
      record(functions.cancel(customer, bookingId));
    }
  }

  private void checkInvariants() {
    DocumentStore data = appwrite.documents();
    // every booking answered 201 exists
    for (String bookingId : List.copyOf(createdBy.keySet())) {
      assertTrue(data.find("bookings", bookingId).isPresent(), "booking answered 201 but missing: " + bookingId);
    }
    // no therapist offered to or engaged by two bookings at once (all bookings here are immediate)
    Map<String, String> holder = new HashMap<>();
    for (Document booking : all(data, "bookings")) {
      Document newest = newestClaimed(data, booking);
      String status = newest.string("status");
      if (status.equals("pending_accept") || status.equals("active")) {
        String other = holder.put(newest.string("therapistId"), booking.id());
        assertTrue(other == null, newest.string("therapistId") + " is held by " + other + " and " + booking.id());
      }
      // the document agrees with its newest claimed version, or with an older one it has not rolled to yet
      Document claimed = claimedVersion(data, booking.id(), booking.longValue("version"));
      if (claimed != null) {
        for (String attribute : List.of("status", "therapistId", "offerExpiresAt", "cancellationReason")) {
          assertEquals(claimed.data().get(attribute), booking.data().get(attribute),
              booking.id() + " " + attribute + " differs from its version " + booking.longValue("version"));
        }
      }
    }
    // nothing of an execution reached Appwrite after it answered
    for (Functions.Execution execution : List.copyOf(executions)) {
      for (AppwriteStandIn.Call call : appwrite.calls(execution.key())) {
        assertTrue(call.startNanos() < execution.answeredNanos(),
            execution.function() + " " + execution.key() + " sent " + call + " after it answered");
      }
    }
  }

  private static List<Document> all(DocumentStore data, String collection) {
    List<Document> documents = new ArrayList<>();
    String cursor = null;
    while (true) {
      List<Query> page = new ArrayList<>(List.of(Query.limit(100)));
      if (cursor != null) {
        page.add(Query.cursorAfter(cursor));
      }
      List<Document> found = data.list(collection, page);
      documents.addAll(found);
      if (found.size() < 100) {
        return documents;
      }
      cursor = found.get(found.size() - 1).id();
    }
  }

  /** The booking as its newest claimed version has it (the document itself when it has no later version). */
  private static Document newestClaimed(DocumentStore data, Document booking) {
    Document newest = booking;
    long version = booking.longValue("version");
    Document next;
    while ((next = claimedVersion(data, booking.id(), version + 1)) != null) {
      newest = next;
      version++;
    }
    return newest;
  }

  private static Document claimedVersion(DocumentStore data, String bookingId, long version) {
    return data.find("booking_changes", bookingId + "." + version)
        .map(change -> {
          Map<String, Object> snapshot = new HashMap<>();
          JsonParser.parseString(change.string("snapshot")).getAsJsonObject().entrySet().forEach(e ->
              snapshot.put(e.getKey(), e.getValue().isJsonNull() ? null : e.getValue().isJsonPrimitive()
                  && e.getValue().getAsJsonPrimitive().isString() ? e.getValue().getAsString() : e.getValue().toString()));
          return new Document(bookingId, snapshot);
        })
        .orElse(null);
  }
}
