package id.pijat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of {@link DocumentStore} must do, as Appwrite does it. Runs against the
 * in-memory store, the embedded H2 store, and the Appwrite adapter talking to a WireMock stub of
 * Appwrite's REST API. Uses the therapist_holds collection of appwrite.json.
 */
public abstract class DocumentStoreContract {
  protected static final String HOLDS = "therapist_holds";

  protected abstract DocumentStore store();

  /** The users the backend lets read the document directly (its read("user:…") permissions). */
  protected abstract Set<String> readersOf(String collection, String id);

  protected static Map<String, Object> hold(String lockKey, long sequence, String expiresAt) {
    Map<String, Object> data = new HashMap<>();
    data.put("lockKey", lockKey);
    data.put("sequence", sequence);
    data.put("kind", "offer");
    data.put("bookingId", "booking-" + sequence);
    data.put("expiresAt", expiresAt);
    data.put("createdAt", "2026-11-21T10:00:00.000+00:00");
    return data;
  }

  @Test
  void createdDocumentIsFoundWithItsAttributes() {
    store().create(HOLDS, "t1.1", hold("t1", 1, "2026-11-21T10:01:00.000+00:00"), Set.of("user-1"));

    Document found = store().find(HOLDS, "t1.1").orElseThrow();

    assertEquals("t1.1", found.id());
    assertEquals("t1", found.string("lockKey"));
    assertEquals(1L, found.longValue("sequence"));
    assertEquals(DocumentTimes.parse("2026-11-21T10:01:00.000+00:00"), found.instant("expiresAt"));
  }

  @Test
  void aCreatedDocumentIsReadableByItsReadersOnly() {
    store().create(HOLDS, "t1.1", hold("t1", 1, null), Set.of("user-1", "user-2"));
    store().create(HOLDS, "t1.2", hold("t1", 2, null), Set.of());

    assertEquals(Set.of("user-1", "user-2"), readersOf(HOLDS, "t1.1"));
    assertEquals(Set.of(), readersOf(HOLDS, "t1.2"));
  }

  @Test
  void anUpdateLeavesWhoMayReadAsItWas() {
    store().create(HOLDS, "t1.1", hold("t1", 1, null), Set.of("user-1"));

    store().update(HOLDS, "t1.1", Map.of("kind", "engaged"));

    assertEquals(Set.of("user-1"), readersOf(HOLDS, "t1.1"));
  }

  @Test
  void anUpdateWithReadersReplacesWhoMayReadAndWritesTheChanges() {
    store().create(HOLDS, "t1.1", hold("t1", 1, null), Set.of("user-1"));

    Document updated = store().updateWithReaders(HOLDS, "t1.1", Map.of("kind", "engaged"), Set.of("user-2", "user-3"));

    assertEquals(Set.of("user-2", "user-3"), readersOf(HOLDS, "t1.1"));
    assertEquals("engaged", updated.string("kind"));
    assertEquals("engaged", store().find(HOLDS, "t1.1").orElseThrow().string("kind"));
    assertEquals("booking-1", store().find(HOLDS, "t1.1").orElseThrow().string("bookingId"));
  }

  @Test
  void anUpdateWithReadersOfAMissingDocumentIsNotFound() {
    assertThrows(DocumentNotFoundException.class,
        () -> store().updateWithReaders(HOLDS, "nobody", Map.of("kind", "engaged"), Set.of("user-1")));
  }

  @Test
  void createWithAnExistingIdFailsAndLeavesTheFirstDocument() {
    store().create(HOLDS, "t1.1", hold("t1", 1, null), Set.of());

    Map<String, Object> second = hold("t1", 1, null);
    second.put("bookingId", "someone-else");
    assertThrows(DocumentExistsException.class, () -> store().create(HOLDS, "t1.1", second, Set.of()));

    assertEquals("booking-1", store().find(HOLDS, "t1.1").orElseThrow().string("bookingId"));
  }

  @Test
  void ofManyConcurrentCreatesWithOneIdExactlyOneWins() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger wins = new AtomicInteger();
    List<Future<?>> attempts = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      attempts.add(pool.submit(() -> {
        try {
          store().create(HOLDS, "race.1", hold("race", 1, null), Set.of());
          wins.incrementAndGet();
        } catch (DocumentExistsException lost) {
          // the expected outcome for all but one
        }
      }));
    }
    for (Future<?> attempt : attempts) {
      attempt.get();
    }
    pool.shutdown();
    assertEquals(1, wins.get());
  }

  @Test
  void findOfAMissingDocumentIsEmpty() {
    assertTrue(store().find(HOLDS, "nobody").isEmpty());
  }

  @Test
  void updateChangesOnlyTheGivenAttributes() {
    store().create(HOLDS, "t1.1", hold("t1", 1, null), Set.of());

    Document updated = store().update(HOLDS, "t1.1", Map.of("kind", "released"));

    assertEquals("released", updated.string("kind"));
    assertEquals("booking-1", updated.string("bookingId"));
    assertEquals("released", store().find(HOLDS, "t1.1").orElseThrow().string("kind"));
  }

  @Test
  void anUpdateWithANullClearsThatAttributeAndLeavesTheKeysItWasNotSent() {
    store().create(HOLDS, "t1.1", hold("t1", 1, "2026-11-21T10:01:00.000+00:00"), Set.of());
    Map<String, Object> clear = new HashMap<>();
    clear.put("expiresAt", null);

    Document updated = store().update(HOLDS, "t1.1", clear);

    Document found = store().find(HOLDS, "t1.1").orElseThrow();
    assertNull(updated.string("expiresAt"));
    assertNull(found.string("expiresAt"));
    assertEquals("booking-1", found.string("bookingId"));
    assertEquals("offer", found.string("kind"));
  }

  @Test
  void updateOrDeleteOfAMissingDocumentIsNotFound() {
    assertThrows(DocumentNotFoundException.class, () -> store().update(HOLDS, "nobody", Map.of("kind", "released")));
    assertThrows(DocumentNotFoundException.class, () -> store().delete(HOLDS, "nobody"));
  }

  @Test
  void deletedDocumentIsGoneAndItsIdFreeAgain() {
    store().create(HOLDS, "t1.1", hold("t1", 1, null), Set.of());
    store().delete(HOLDS, "t1.1");

    assertTrue(store().find(HOLDS, "t1.1").isEmpty());
    store().create(HOLDS, "t1.1", hold("t1", 1, null), Set.of());
  }

  @Test
  void listFiltersByEqualityAndOrders() {
    store().create(HOLDS, "a.1", hold("a", 1, null), Set.of());
    store().create(HOLDS, "b.1", hold("b", 1, null), Set.of());
    store().create(HOLDS, "a.3", hold("a", 3, null), Set.of());
    store().create(HOLDS, "a.2", hold("a", 2, null), Set.of());

    List<Document> newestFirst =
        store().list(HOLDS, List.of(Query.equal("lockKey", "a"), Query.orderDesc("sequence"), Query.limit(2)));

    assertEquals(List.of("a.3", "a.2"), newestFirst.stream().map(Document::id).toList());
  }

  @Test
  void equalWithSeveralValuesMatchesAnyOfThem() {
    store().create(HOLDS, "a.1", hold("a", 1, null), Set.of());
    store().create(HOLDS, "b.1", hold("b", 1, null), Set.of());
    store().create(HOLDS, "c.1", hold("c", 1, null), Set.of());

    List<Document> found = store().list(HOLDS, List.of(Query.equalAny("lockKey", List.of("a", "c"))));

    assertEquals(Set.of("a.1", "c.1"), Set.copyOf(found.stream().map(Document::id).toList()));
  }

  @Test
  void listComparesDatetimes() {
    store().create(HOLDS, "early.1", hold("early", 1, "2026-11-21T10:00:00.000+00:00"), Set.of());
    store().create(HOLDS, "late.1", hold("late", 1, "2026-11-21T12:00:00.000+00:00"), Set.of());

    List<Document> expired =
        store().list(HOLDS, List.of(
            Query.equal("kind", "offer"), Query.lessThan("expiresAt", "2026-11-21T11:00:00.000+00:00")));

    assertEquals(List.of("early.1"), expired.stream().map(Document::id).toList());
  }

  @Test
  void cursorPagesThroughEveryDocumentOnce() {
    for (int i = 1; i <= 7; i++) {
      store().create(HOLDS, "p." + i, hold("p", i, "2026-11-21T10:00:0" + (7 - i) + ".000+00:00"), Set.of());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      List<Query> queries = new ArrayList<>(List.of(Query.equal("kind", "offer"), Query.orderAsc("expiresAt")));
      if (cursor != null) {
        queries.add(Query.cursorAfter(cursor));
      }
      queries.add(Query.limit(3));
      List<Document> page = store().list(HOLDS, queries);
      page.forEach(d -> seen.add(d.id()));
      cursor = page.size() < 3 ? null : page.get(page.size() - 1).id();
    } while (cursor != null);

    assertEquals(List.of("p.7", "p.6", "p.5", "p.4", "p.3", "p.2", "p.1"), seen);
  }

  @Test
  void aCursorStillCountsAfterItsDocumentStopsMatching() {
    for (int i = 1; i <= 4; i++) {
      store().create(HOLDS, "q." + i, hold("q", i, "2026-11-21T10:00:00.000+00:00"), Set.of());
    }
    List<Document> first = store().list(HOLDS, List.of(Query.equal("kind", "offer"), Query.limit(2)));
    first.forEach(d -> store().update(HOLDS, d.id(), Map.of("kind", "released")));

    List<Document> next = store().list(HOLDS,
        List.of(Query.equal("kind", "offer"), Query.cursorAfter(first.get(1).id()), Query.limit(2)));

    assertEquals(List.of("q.1", "q.2"), first.stream().map(Document::id).toList());
    assertEquals(List.of("q.3", "q.4"), next.stream().map(Document::id).toList());
  }
}
