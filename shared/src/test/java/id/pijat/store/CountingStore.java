package id.pijat.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Counts the requests a use case makes and its sequential rounds: calls one after the other are a
 * round each; calls its {@link #fanout()} runs at once take as many rounds as the longest of them.
 * It runs them one after the other on the test's thread, so the counts are the same every time.
 */
public final class CountingStore implements DocumentStore {
  private final DocumentStore below;
  private final List<String> requests = new ArrayList<>();
  private int rounds;

  public CountingStore(DocumentStore below) {
    this.below = below;
  }

  /** Starts counting afresh. */
  public void reset() {
    requests.clear();
    rounds = 0;
  }

  public int requests() {
    return requests.size();
  }

  /** Each request as "operation collection", in order. */
  public List<String> log() {
    return List.copyOf(requests);
  }

  public int rounds() {
    return rounds;
  }

  /** Runs calls "at once": each starts at the round the batch starts at. */
  public Fanout fanout() {
    return new Fanout() {
      @Override
      public <T> List<T> all(List<Supplier<T>> calls) {
        int start = rounds;
        int end = start;
        List<T> results = new ArrayList<>();
        RuntimeException first = null;
        for (Supplier<T> call : calls) {
          rounds = start;
          try {
            results.add(call.get());
          } catch (RuntimeException failed) {
            first = first != null ? first : failed;
            results.add(null);
          }
          end = Math.max(end, rounds);
        }
        rounds = end;
        if (first != null) {
          throw first;
        }
        return results;
      }
    };
  }

  private void count(String operation, String collection) {
    requests.add(operation + " " + collection);
    rounds++;
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    count("create", collection);
    return below.create(collection, id, data, readers);
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    count("find", collection);
    return below.find(collection, id);
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    count("update", collection);
    return below.update(collection, id, changes);
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    count("update", collection);
    return below.updateWithReaders(collection, id, changes, readers);
  }

  @Override
  public void delete(String collection, String id) {
    count("delete", collection);
    below.delete(collection, id);
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    count("list", collection);
    return below.list(collection, queries);
  }
}
