package id.pijat.store;

import java.util.Set;

class InMemoryDocumentStoreTest extends DocumentStoreContract {
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();

  @Override
  protected DocumentStore store() {
    return store;
  }

  @Override
  protected Set<String> readersOf(String collection, String id) {
    return store.readers(collection, id);
  }
}
