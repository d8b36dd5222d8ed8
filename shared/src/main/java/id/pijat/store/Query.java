package id.pijat.store;

import java.util.List;

/** The queries the functions make; each adapter translates them. Filters and orders name indexed attributes only. */
public sealed interface Query {
  /** Most documents one list call returns, as in Appwrite. */
  int MAX_LIMIT = 100;

  record Equal(String attribute, List<Object> values) implements Query {
    public Equal {
      values = List.copyOf(values);
      if (values.isEmpty() || values.size() > MAX_LIMIT) {
        throw new IllegalArgumentException("equal takes 1 to 100 values: " + values.size());
      }
    }
  }

  enum Comparison { LESS_THAN, LESS_THAN_EQUAL, GREATER_THAN, GREATER_THAN_EQUAL }

  record Compare(String attribute, Comparison comparison, Object value) implements Query {}

  record OrderBy(String attribute, boolean ascending) implements Query {}

  record CursorAfter(String documentId) implements Query {}

  record Limit(int count) implements Query {
    public Limit {
      if (count < 1 || count > MAX_LIMIT) {
        throw new IllegalArgumentException("limit must be 1 to 100: " + count);
      }
    }
  }

  static Query equal(String attribute, Object value) {
    return new Equal(attribute, List.of(value));
  }

  static Query equalAny(String attribute, List<?> values) {
    return new Equal(attribute, List.copyOf(values));
  }

  static Query lessThan(String attribute, Object value) {
    return new Compare(attribute, Comparison.LESS_THAN, value);
  }

  static Query lessThanEqual(String attribute, Object value) {
    return new Compare(attribute, Comparison.LESS_THAN_EQUAL, value);
  }

  static Query greaterThan(String attribute, Object value) {
    return new Compare(attribute, Comparison.GREATER_THAN, value);
  }

  static Query orderAsc(String attribute) {
    return new OrderBy(attribute, true);
  }

  static Query orderDesc(String attribute) {
    return new OrderBy(attribute, false);
  }

  static Query cursorAfter(String documentId) {
    return new CursorAfter(documentId);
  }

  static Query limit(int count) {
    return new Limit(count);
  }
}
