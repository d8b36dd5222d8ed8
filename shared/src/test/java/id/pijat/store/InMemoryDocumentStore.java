package id.pijat.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store in memory, for fast tests of the code above the port. It passes the same contract suite
 * as the Appwrite and embedded adapters; it checks no schema.
 */
public final class InMemoryDocumentStore implements DocumentStore {
  private record Row(long seq, Map<String, Object> data, Set<String> readers) {}

  private final Map<String, Map<String, Row>> collections = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();

  private Map<String, Row> rows(String collection) {
    return collections.computeIfAbsent(collection, c -> new ConcurrentHashMap<>());
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    if (!DocumentIds.isValid(id)) {
      throw new StoreRejectedException("Invalid document ID: " + id);
    }
    Map<String, Object> copy = new LinkedHashMap<>();
    data.forEach((key, value) -> copy.put(key, normalise(value)));
    if (rows(collection).putIfAbsent(id, new Row(sequence.incrementAndGet(), copy, Set.copyOf(readers))) != null) {
      throw new DocumentExistsException(collection, id);
    }
    return new Document(id, copy);
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    Row row = rows(collection).get(id);
    return row == null ? Optional.empty() : Optional.of(new Document(id, row.data()));
  }

  /** Who may read the document directly, as its last create or update with readers set. */
  public Set<String> readers(String collection, String id) {
    Row row = rows(collection).get(id);
    if (row == null) {
      throw new DocumentNotFoundException(collection, id);
    }
    return row.readers();
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    return update(collection, id, changes, null);
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    return update(collection, id, changes, Set.copyOf(readers));
  }

  /** @param readers null for "as they are" */
  private synchronized Document update(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    Row row = rows(collection).get(id);
    if (row == null) {
      throw new DocumentNotFoundException(collection, id);
    }
    Map<String, Object> data = new LinkedHashMap<>(row.data());
    changes.forEach((key, value) -> data.put(key, normalise(value)));
    rows(collection).put(id, new Row(row.seq(), data, readers == null ? row.readers() : readers));
    return new Document(id, data);
  }

  @Override
  public void delete(String collection, String id) {
    if (rows(collection).remove(id) == null) {
      throw new DocumentNotFoundException(collection, id);
    }
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    List<Map.Entry<String, Row>> matching = new ArrayList<>(rows(collection).entrySet());
    Comparator<Map.Entry<String, Row>> order = Comparator.comparingLong(e -> e.getValue().seq());
    int limit = 25;
    String cursor = null;
    for (Query query : queries) {
      if (query instanceof Query.Equal equal) {
        matching.removeIf(e -> equal.values().stream().noneMatch(v -> compare(e.getValue().data().get(equal.attribute()), v) == 0));
      } else if (query instanceof Query.Compare c) {
        matching.removeIf(e -> {
          Object value = e.getValue().data().get(c.attribute());
          if (value == null) {
            return true;
          }
          int cmp = compare(value, c.value());
          return !switch (c.comparison()) {
            case LESS_THAN -> cmp < 0;
            case LESS_THAN_EQUAL -> cmp <= 0;
            case GREATER_THAN -> cmp > 0;
            case GREATER_THAN_EQUAL -> cmp >= 0;
          };
        });
      } else if (query instanceof Query.OrderBy by) {
        Comparator<Map.Entry<String, Row>> attribute =
            (a, b) -> compare(a.getValue().data().get(by.attribute()), b.getValue().data().get(by.attribute()));
        order = (by.ascending() ? attribute : attribute.reversed()).thenComparingLong(e -> e.getValue().seq());
      } else if (query instanceof Query.CursorAfter after) {
        cursor = after.documentId();
      } else if (query instanceof Query.Limit max) {
        limit = max.count();
      }
    }
    matching.sort(order);
    if (cursor != null) {
      // as in Appwrite: after the cursor document's place in the order, whether or not it still matches
      Row at = rows(collection).get(cursor);
      if (at == null) {
        throw new StoreRejectedException("Document '" + cursor + "' for the 'cursor' value not found.");
      }
      Map.Entry<String, Row> cursorEntry = Map.entry(cursor, at);
      Comparator<Map.Entry<String, Row>> sorted = order;
      matching.removeIf(e -> sorted.compare(e, cursorEntry) <= 0);
    }
    return matching.stream().limit(limit).map(e -> new Document(e.getKey(), e.getValue().data())).toList();
  }

  private static Object normalise(Object value) {
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    return value;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == b ? 0 : (a == null ? -1 : 1);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof String x && b instanceof String y && looksLikeTime(x) && looksLikeTime(y)) {
      return DocumentTimes.parse(x).compareTo(DocumentTimes.parse(y));
    }
    return ((Comparable) a).compareTo(b);
  }

  private static boolean looksLikeTime(String text) {
    return text.length() >= 20 && text.charAt(4) == '-' && text.charAt(10) == 'T';
  }
}
