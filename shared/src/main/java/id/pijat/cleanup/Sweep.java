package id.pijat.cleanup;

import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Pages through the documents a duty is due for, a hundred at a time, until none are left or the
 * budget is spent. Pages follow the cursor of the last document seen, in the store's natural
 * order, which an update never changes; a duty that deletes what it handles starts each page from
 * the top instead, since a deleted cursor document cannot be followed.
 */
final class Sweep {
  static final int PAGE = Query.MAX_LIMIT;

  /** What a duty did in one run, and whether due items are left for the next. */
  record Outcome(int handled, boolean more) {}

  private Sweep() {}

  /** @param handle acts on one document; true when it changed something */
  static Outcome updating(DocumentStore store, String collection, List<Query> due, Budget budget, Predicate<Document> handle) {
    return run(store, collection, due, budget, handle, true);
  }

  static Outcome deleting(DocumentStore store, String collection, List<Query> due, Budget budget, Predicate<Document> handle) {
    return run(store, collection, due, budget, handle, false);
  }

  private static Outcome run(
      DocumentStore store, String collection, List<Query> due, Budget budget, Predicate<Document> handle, boolean followCursor) {
    int handled = 0;
    String cursor = null;
    while (true) {
      if (budget.isSpent()) {
        return new Outcome(handled, true);
      }
      List<Query> queries = new ArrayList<>(due);
      if (cursor != null) {
        queries.add(Query.cursorAfter(cursor));
      }
      queries.add(Query.limit(PAGE));
      List<Document> page = store.list(collection, queries);
      int changed = 0;
      for (Document document : page) {
        if (budget.isSpent()) {
          return new Outcome(handled, true);
        }
        if (handle.test(document)) {
          handled++;
          changed++;
        }
        cursor = followCursor ? document.id() : null;
      }
      if (page.size() < PAGE || (!followCursor && changed == 0)) {
        return new Outcome(handled, false);
      }
    }
  }
}
