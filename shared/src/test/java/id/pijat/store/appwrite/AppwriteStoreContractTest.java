package id.pijat.store.appwrite;


import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentStoreContract;
import id.pijat.store.InMemoryDocumentStore;
import java.time.Duration;
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
}
