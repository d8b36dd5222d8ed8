package id.pijat.store.appwrite;


import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentStoreContract;
import id.pijat.store.InMemoryDocumentStore;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract, through the Kotlin SDK and HTTP, against the stateful stand-in for Appwrite's REST API. */
class AppwriteStoreContractTest extends DocumentStoreContract {
  private AppwriteStandIn appwrite;
  private AppwriteDocumentStore store;

  @BeforeEach
  void startAppwrite() {
    appwrite = AppwriteStandIn.start(new InMemoryDocumentStore(), "test-project", "test-key");
    store = AppwriteDocumentStore.connect(appwrite.endpoint(), "test-project", "test-key", "marketplace", Duration.ofSeconds(5));
  }

  @AfterEach
  void stopAppwrite() {
    appwrite.close();
  }

  @Override
  protected DocumentStore store() {
    return store;
  }

  @Override
  protected Set<String> readersOf(String collection, String id) {
    Set<String> readers = new HashSet<>();
    for (String permission : appwrite.permissionsOf(collection, id)) {
      assertTrue(permission.startsWith("read(\"user:") && permission.endsWith("\")"), permission);
      readers.add(permission.substring("read(\"user:".length(), permission.length() - 2));
    }
    return readers;
  }
}
