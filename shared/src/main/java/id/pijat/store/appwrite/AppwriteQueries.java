package id.pijat.store.appwrite;

import id.pijat.store.Query;

/** The store's queries as Appwrite 1.6 query strings, built by the SDK's own Query helpers. */
final class AppwriteQueries {
  private AppwriteQueries() {}

  static String encode(Query query) {
    io.appwrite.Query.Companion q = io.appwrite.Query.Companion;
    if (query instanceof Query.Equal equal) {
      return q.equal(equal.attribute(), equal.values());
    }
    if (query instanceof Query.Compare compare) {
      return switch (compare.comparison()) {
        case LESS_THAN -> q.lessThan(compare.attribute(), compare.value());
        case LESS_THAN_EQUAL -> q.lessThanEqual(compare.attribute(), compare.value());
        case GREATER_THAN -> q.greaterThan(compare.attribute(), compare.value());
        case GREATER_THAN_EQUAL -> q.greaterThanEqual(compare.attribute(), compare.value());
      };
    }
    if (query instanceof Query.OrderBy order) {
      return order.ascending() ? q.orderAsc(order.attribute()) : q.orderDesc(order.attribute());
    }
    if (query instanceof Query.CursorAfter cursor) {
      return q.cursorAfter(cursor.documentId());
    }
    if (query instanceof Query.Limit limit) {
      return q.limit(limit.count());
    }
    throw new IllegalArgumentException("unknown query: " + query);
  }
}
