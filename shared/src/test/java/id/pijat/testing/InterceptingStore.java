package id.pijat.testing;

import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.BiConsumer;

/**
 * A store that lets a test step in where another execution could: just before a create (the racer
 * gets there first) or just after an update, and that counts what was read. A step is used up
 * before it runs, so it may go through this store again without running twice. Safe to call from
 * the several threads a use case's independent requests run on.
 */
public final class InterceptingStore implements DocumentStore {
  private final DocumentStore store;
  private final Map<String, Deque<BiConsumer<String, Map<String, Object>>>> beforeCreate = new ConcurrentHashMap<>();
  private final Map<String, Deque<Runnable>> afterUpdate = new ConcurrentHashMap<>();
  private final Map<String, Deque<Runnable>> beforeUpdate = new ConcurrentHashMap<>();
  private final Map<String, Deque<Runnable>> beforeList = new ConcurrentHashMap<>();
  private final Map<String, BiConsumer<String, Map<String, Object>>> beforeEveryCreate = new ConcurrentHashMap<>();
  private final Map<String, Integer> documentsRead = new ConcurrentHashMap<>();
  private final Map<String, Integer> lists = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> readers = new ConcurrentHashMap<>();

  public InterceptingStore(DocumentStore store) {
    this.store = store;
  }

  /** Runs {@code race} once, before the next create in the collection, with that create's ID and data. */
  public void beforeNextCreate(String collection, BiConsumer<String, Map<String, Object>> race) {
    beforeCreate.computeIfAbsent(collection, c -> new ConcurrentLinkedDeque<>()).add(race);
  }

  /** Runs {@code race} before every create in the collection: a racer that always gets there first. */
  public void beforeEveryCreate(String collection, BiConsumer<String, Map<String, Object>> race) {
    beforeEveryCreate.put(collection, race);
  }

  /** Runs {@code step} once, after the next update in the collection. */
  public void afterNextUpdate(String collection, Runnable step) {
    afterUpdate.computeIfAbsent(collection, c -> new ConcurrentLinkedDeque<>()).add(step);
  }

  /** Runs {@code step} once, before the next update in the collection. */
  public void beforeNextUpdate(String collection, Runnable step) {
    beforeUpdate.computeIfAbsent(collection, c -> new ConcurrentLinkedDeque<>()).add(step);
  }

  /** Runs {@code step} once, before the next list of the collection is read. */
  public void beforeNextList(String collection, Runnable step) {
    beforeList.computeIfAbsent(collection, c -> new ConcurrentLinkedDeque<>()).add(step);
  }

  /** Documents the lists of this collection answered, in all. */
  public int documentsRead(String collection) {
    return documentsRead.getOrDefault(collection, 0);
  }

  /** Lists of this collection asked for, in all. */
  public int lists(String collection) {
    return lists.getOrDefault(collection, 0);
  }

  /** Who was given read access when the document was created. */
  public Set<String> readersOf(String collection, String id) {
    return readers.get(collection + "/" + id);
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    Deque<BiConsumer<String, Map<String, Object>>> once = beforeCreate.get(collection);
    BiConsumer<String, Map<String, Object>> race = once == null ? null : once.poll();
    if (race != null) {
      race.accept(id, data);
    }
    if (beforeEveryCreate.containsKey(collection)) {
      beforeEveryCreate.get(collection).accept(id, data);
    }
    Document created = store.create(collection, id, data, readers);
    this.readers.put(collection + "/" + id, Set.copyOf(readers));
    return created;
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    return store.find(collection, id);
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    runOnce(beforeUpdate, collection);
    return afterUpdate(collection, store.update(collection, id, changes));
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    Document updated = store.updateWithReaders(collection, id, changes, readers);
    this.readers.put(collection + "/" + id, Set.copyOf(readers));
    return afterUpdate(collection, updated);
  }

  private Document afterUpdate(String collection, Document updated) {
    runOnce(afterUpdate, collection);
    return updated;
  }

  private static void runOnce(Map<String, Deque<Runnable>> steps, String collection) {
    Deque<Runnable> once = steps.get(collection);
    Runnable step = once == null ? null : once.poll();
    if (step != null) {
      step.run();
    }
  }

  @Override
  public void delete(String collection, String id) {
    store.delete(collection, id);
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    runOnce(beforeList, collection);
    List<Document> page = store.list(collection, queries);
    lists.merge(collection, 1, Integer::sum);
    documentsRead.merge(collection, page.size(), Integer::sum);
    return page;
  }
}
