package id.pijat.local.store;

import id.pijat.local.project.AppwriteProject;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentStoreContract;
import id.pijat.testing.MutableClock;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

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
}
