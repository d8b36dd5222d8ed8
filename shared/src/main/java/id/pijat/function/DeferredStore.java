package id.pijat.function;

import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A store made on its first call. A request refused for its input is answered without ever
 * building the Appwrite SDK's client (or loading its classes): a cold start's first answer to bad
 * input costs only the JVM and the parsing.
 */
final class DeferredStore implements DocumentStore, AutoCloseable {
  private final Supplier<DocumentStore> connect;
  private DocumentStore store;

  DeferredStore(Supplier<DocumentStore> connect) {
    this.connect = connect;
  }

  private synchronized DocumentStore store() {
    if (store == null) {
      store = connect.get();
    }
    return store;
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    return store().create(collection, id, data, readers);
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    return store().find(collection, id);
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    return store().update(collection, id, changes);
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    return store().updateWithReaders(collection, id, changes, readers);
  }

  @Override
  public void delete(String collection, String id) {
    store().delete(collection, id);
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    return store().list(collection, queries);
  }

  @Override
  public synchronized void close() {
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the store failed", e);
      }
    }
  }
}
