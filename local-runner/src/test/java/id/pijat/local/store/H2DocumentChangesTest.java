package id.pijat.local.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.local.project.AppwriteProject;
import id.pijat.local.store.DocumentChanges.Change;
import id.pijat.testing.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the embedded store tells its listener (the runner's Realtime) of each write. */
class H2DocumentChangesTest {
  private static final Map<String, Object> RECORD = Map.of("scope", "s", "fingerprint", "f", "bookingId", "b",
      "createdAt", "2026-11-21T10:00:00.000+00:00", "expiresAt", "2026-11-22T10:00:00.000+00:00");
  private final List<String> heard = new ArrayList<>();
  private H2DocumentStore store;

  @BeforeEach
  void open() {
    AppwriteProject project = AppwriteProject.read(Path.of("..", "appwrite.json"));
    store = H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), project.collections(), MutableClock.at("2026-11-21T10:00:00Z"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void everyCreateUpdateAndDeleteIsHeardWithTheDocumentAsItIsAfterItAndADeleteWithItAsItWas() {
    store.onChange((collection, change, document) ->
        heard.add(change.event() + " " + collection + "/" + document.id() + " " + document.data().get("scope") + " " + document.permissions()));

    store.create("idempotency_records", "r1", RECORD, Set.of("alice"));
    store.update("idempotency_records", "r1", Map.of("scope", "t"));
    store.updateWithReaders("idempotency_records", "r1", Map.of(), Set.of("bob"));
    store.delete("idempotency_records", "r1");

    assertEquals(List.of(
        "create idempotency_records/r1 s [read(\"user:alice\")]",
        "update idempotency_records/r1 t [read(\"user:alice\")]",
        "update idempotency_records/r1 t [read(\"user:bob\")]",
        "delete idempotency_records/r1 t [read(\"user:bob\")]"), heard);
  }

  @Test
  void aListenerThatFailsNeverFailsTheWriteItHearsOf() {
    store.onChange((collection, change, document) -> {
      throw new IllegalStateException("listener broke");
    });

    store.create("idempotency_records", "r1", RECORD, Set.of());

    assertEquals("s", store.find("idempotency_records", "r1").orElseThrow().data().get("scope"));
  }

  @Test
  void aWriteThatFailsIsNotHeard() {
    store.create("idempotency_records", "r1", RECORD, Set.of());
    store.onChange((collection, change, document) -> heard.add(change.event()));

    assertThrows(RuntimeException.class, () -> store.create("idempotency_records", "r1", RECORD, Set.of()));
    assertThrows(RuntimeException.class, () -> store.delete("idempotency_records", "missing"));

    assertEquals(List.of(), heard);
  }
}
