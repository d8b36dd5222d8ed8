package id.pijat.testing;

import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store that counts what the writes made through it left behind, for "a refusal writes nothing":
 * a document created and deleted again (a claim given back) leaves nothing.
 */
public final class WriteCountingStore implements DocumentStore {
  private final DocumentStore store;
  private final AtomicInteger writes = new AtomicInteger();
  private final Set<String> created = ConcurrentHashMap.newKeySet();

  public WriteCountingStore(DocumentStore store) {
    this.store = store;
  }

  /** Documents created and still there, and updates and deletes of documents that were there before. */
  public int writes() {
    return writes.get() + created.size();
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    Document document = store.create(collection, id, data, readers);
    created.add(collection + "/" + id);
    return document;
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    return store.find(collection, id);
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    Document document = store.update(collection, id, changes);
    writes.incrementAndGet();
    return document;
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    Document document = store.updateWithReaders(collection, id, changes, readers);
    writes.incrementAndGet();
    return document;
  }

  @Override
  public void delete(String collection, String id) {
    store.delete(collection, id);
    if (!created.remove(collection + "/" + id)) {
      writes.incrementAndGet();
    }
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    return store.list(collection, queries);
  }
}
