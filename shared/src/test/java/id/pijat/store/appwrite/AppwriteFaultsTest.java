package id.pijat.store.appwrite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.StoreUnavailableException;
import id.pijat.store.WriteOutcomeUnknownException;
import id.pijat.store.appwrite.AppwriteStandIn.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter against the stateful stand-in when Appwrite fails: which failures may have applied a
 * write, that nothing is re-sent behind the caller's back, and that a deadline or an answered
 * execution really stops its HTTP calls.
 */
class AppwriteFaultsTest {
  private static final String HOLDS = "therapist_holds";
  private final AppwriteStandIn appwrite = AppwriteStandIn.start("proj");
  private final ExecutorService executions = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    executions.shutdownNow();
    appwrite.close();
  }

  private AppwriteDocumentStore execution(String key, Duration deadline) {
    return AppwriteDocumentStore.connect(appwrite.endpoint(), "proj", key, "marketplace", deadline);
  }

  private static Map<String, Object> hold(String bookingId) {
    Map<String, Object> data = new HashMap<>();
    data.put("lockKey", "t1");
    data.put("sequence", 1);
    data.put("kind", "offer");
    data.put("bookingId", bookingId);
    data.put("createdAt", "2026-11-21T10:00:00.000+00:00");
    return data;
  }

  @Test
  void aCreateAppliedThenAnsweredWith500IsOutcomeUnknownAndWasSentOnce() {
    AppwriteDocumentStore store = execution("e1", Duration.ofSeconds(5));
    appwrite.inject(Fault.APPLIED_THEN_500, "POST", HOLDS, 1);

    assertThrows(WriteOutcomeUnknownException.class, () -> store.create(HOLDS, "t1.1", hold("b1"), Set.of()));

    assertTrue(appwrite.documents().find(HOLDS, "t1.1").isPresent());
    assertEquals(1, appwrite.calls("e1").size());
  }

  @Test
  void aCreateWhoseConnectionDroppedAfterItWasAppliedIsNotResentAndNotTakenForARivals() {
    AppwriteDocumentStore store = execution("e1", Duration.ofSeconds(5));
    store.find(HOLDS, "warm-the-pool");
    appwrite.inject(Fault.APPLIED_THEN_DROP, "POST", HOLDS, 1);

    RuntimeException failure = assertThrows(RuntimeException.class, () -> store.create(HOLDS, "t1.1", hold("b1"), Set.of()));

    // a transport retry would have met the document it had just made: 409, "a rival won"
    assertInstanceOf(WriteOutcomeUnknownException.class, failure);
    assertEquals("b1", appwrite.documents().find(HOLDS, "t1.1").orElseThrow().string("bookingId"));
    assertEquals(1, appwrite.calls("e1").stream().filter(AppwriteStandIn.Call::isWrite).count());
  }

  @Test
  void anUpdateWhoseConnectionDroppedIsOutcomeUnknownAndAReadShowsItWasApplied() {
    appwrite.documents().create(HOLDS, "t1.1", hold("b1"), Set.of());
    AppwriteDocumentStore store = execution("e1", Duration.ofSeconds(5));
    appwrite.inject(Fault.APPLIED_THEN_DROP, "PATCH", HOLDS, 1);

    assertThrows(WriteOutcomeUnknownException.class, () -> store.update(HOLDS, "t1.1", Map.of("kind", "released")));

    assertEquals("released", store.find(HOLDS, "t1.1").orElseThrow().string("kind"));
  }

  @Test
  void a503OnAWriteCannotBeToldFromOneAfterTheWriteSoItIsOutcomeUnknown() {
    AppwriteDocumentStore store = execution("e1", Duration.ofSeconds(5));
    appwrite.inject(Fault.UNAVAILABLE, "POST", HOLDS, 1);

    assertThrows(WriteOutcomeUnknownException.class, () -> store.create(HOLDS, "t1.1", hold("b1"), Set.of()));

    assertTrue(appwrite.documents().find(HOLDS, "t1.1").isEmpty());
  }

  @Test
  void aRateLimitedWriteChangedNothingAndIsUnavailable() {
    AppwriteDocumentStore store = execution("e1", Duration.ofSeconds(5));
    appwrite.inject(Fault.RATE_LIMITED, "POST", HOLDS, 1);

    assertThrows(StoreUnavailableException.class, () -> store.create(HOLDS, "t1.1", hold("b1"), Set.of()));

    assertTrue(appwrite.documents().find(HOLDS, "t1.1").isEmpty());
    store.create(HOLDS, "t1.1", hold("b1"), Set.of());
  }

  @Test
  void aFailedReadIsUnavailableNeverOutcomeUnknown() {
    AppwriteDocumentStore store = execution("e1", Duration.ofMillis(300));
    appwrite.inject(Fault.UNAVAILABLE, "GET", HOLDS, 1).inject(Fault.HANG, "GET", HOLDS, 1);

    assertThrows(StoreUnavailableException.class, () -> store.find(HOLDS, "t1.1"));
    assertThrows(StoreUnavailableException.class, () -> store.find(HOLDS, "t1.1"));
  }

  @Test
  void aHungCreateIsOutcomeUnknownAtItsDeadline() {
    AppwriteDocumentStore store = execution("e1", Duration.ofMillis(300));
    appwrite.inject(Fault.HANG, "POST", HOLDS, 1);

    assertThrows(WriteOutcomeUnknownException.class, () -> store.create(HOLDS, "t1.1", hold("b1"), Set.of()));
  }

  @Test
  void hungRequestsOfOtherExecutionsNeverKeepAHealthyOneWaiting() throws Exception {
    appwrite.inject(Fault.HANG, "GET", HOLDS, 12);
    List<Future<?>> hung = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      AppwriteDocumentStore stuck = execution("hung-" + i, Duration.ofSeconds(30));
      hung.add(executions.submit(() -> stuck.find(HOLDS, "t1.1")));
    }
    while (appwrite.received() < 12) {
      Thread.onSpinWait();
    }

    Document created = execution("healthy", Duration.ofSeconds(30)).create(HOLDS, "t1.1", hold("b1"), Set.of());

    assertEquals("t1.1", created.id());
    assertTrue(hung.stream().noneMatch(Future::isDone), "the healthy call waited until the hung ones ended");
  }

  @Test
  void anAnsweredExecutionsCallsAreCancelledAndItsLaterOnesNeverSent() throws Exception {
    appwrite.inject(Fault.HANG, "POST", HOLDS, 1);
    AppwriteDocumentStore store = execution("e1", Duration.ofSeconds(30));
    Future<?> inFlight = executions.submit(() -> store.create(HOLDS, "t1.1", hold("b1"), Set.of()));
    while (appwrite.received() < 1) {
      Thread.onSpinWait();
    }

    store.close();

    ExecutionException cancelled = assertThrows(ExecutionException.class, () -> inFlight.get(10, TimeUnit.SECONDS));
    assertInstanceOf(WriteOutcomeUnknownException.class, cancelled.getCause());
    assertThrows(StoreUnavailableException.class, () -> store.create(HOLDS, "t1.2", hold("b1"), Set.of()));
    assertFalse(appwrite.documents().find(HOLDS, "t1.2").isPresent());
    assertEquals(1, appwrite.received());
  }

  @Test
  void aCreateThatMeetsAnotherExecutionsDocumentIsStillExists() {
    appwrite.documents().create(HOLDS, "t1.1", hold("rival"), Set.of());

    assertThrows(DocumentExistsException.class, () -> execution("e1", Duration.ofSeconds(5)).create(HOLDS, "t1.1", hold("b1"), Set.of()));
  }
}
