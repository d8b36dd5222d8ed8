package id.pijat.store;

class InMemoryDocumentStoreTest extends DocumentStoreContract {
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();

  @Override
  protected DocumentStore store() {
    return store;
  }
}
