package id.pijat.local.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.local.project.AppwriteProject;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentStoreContract;
import id.pijat.store.StoreRejectedException;
import id.pijat.testing.MutableClock;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store contract on the embedded H2 database, with the collections of the real appwrite.json. */
class H2StoreContractTest extends DocumentStoreContract {
  private H2DocumentStore store;

  @BeforeEach
  void open() {
    AppwriteProject project = AppwriteProject.read(Path.of("..", "appwrite.json"));
    store = H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), project.collections(),
        MutableClock.at("2026-11-21T10:00:00Z"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Override
  protected DocumentStore store() {
    return store;
  }

  @Override
  protected Set<String> readersOf(String collection, String id) {
    StoredDocument document = store.page(collection, List.of(), Reader.everyDocument()).documents().stream()
        .filter(stored -> stored.id().equals(id))
        .findFirst()
        .orElseThrow();
    Set<String> readers = new HashSet<>();
    for (String permission : document.permissions()) {
      String prefix = H2DocumentStore.readPermission("user:").replace("\")", "");
      assertTrue(permission.startsWith(prefix), permission);
      readers.add(permission.substring(prefix.length(), permission.length() - 2));
    }
    return readers;
  }

  private static Map<String, Object> record(String scope) {
    return Map.of("scope", scope, "fingerprint", "f", "bookingId", "b", "createdAt", "2026-11-21T10:00:00.000+00:00",
        "expiresAt", "2026-11-22T10:00:00.000+00:00");
  }

  @Test
  void aStringIsAsLongAsItsCharactersAsAppwriteCountsThem() {
    String sixtyEmoji = "\uD83D\uDE00".repeat(60);

    store.create("idempotency_records", "r1", record(sixtyEmoji), Set.of());

    assertEquals(sixtyEmoji, store.find("idempotency_records", "r1").orElseThrow().string("scope"));
  }

  @Test
  void aStringOverItsSizeInCharactersIsRefusedAsAppwriteRefusesIt() {
    StoreRejectedException refused = assertThrows(StoreRejectedException.class,
        () -> store.create("idempotency_records", "r1", record("\uD83D\uDE00".repeat(61)), Set.of()));

    assertTrue(refused.getMessage().contains("no longer than 60 chars"), refused.getMessage());
  }
}
