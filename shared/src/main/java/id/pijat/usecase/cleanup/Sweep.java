package id.pijat.usecase.cleanup;

import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.Due;
import id.pijat.store.Query;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Works through the documents a duty is due for, a page of a hundred at a time in the order of the
 * attribute that makes them due (so the database walks its index), until none are left or the
 * budget is spent. What a duty handles leaves the query's result, so the next page is again the
 * first; only when a whole page was left as it was (another run or a customer got there first) does
 * the sweep step past it with a cursor. Never an offset.
 */
final class Sweep {
  static final int PAGE = Query.MAX_LIMIT;

  /** What a duty did in one run, and whether due items are left for the next. */
  record Outcome(int handled, boolean more) {}

  private Sweep() {}

  /** @param handle acts on one document; answers how many things it changed (0 when none) */
  static Outcome updating(DocumentStore store, Due due, Budget budget, ToIntFunction<Document> handle) {
    return run(store, due, budget, handle, true);
  }

  /** For a duty that deletes what it handles: a deleted document cannot serve as a cursor. */
  static Outcome deleting(DocumentStore store, Due due, Budget budget, ToIntFunction<Document> handle) {
    return run(store, due, budget, handle, false);
  }

  private static Outcome run(
      DocumentStore store,
      Due due,
      Budget budget,
      ToIntFunction<Document> handle,
      boolean mayStepPast) {
    int handled = 0;
    String cursor = null;
    Set<String> seen = new HashSet<>();
    while (true) {
      if (budget.isSpent()) {
        return new Outcome(handled, true);
      }
      List<Query> queries = new ArrayList<>(due.filters());
      queries.add(Query.orderAsc(due.attribute()));
      if (cursor != null) {
        queries.add(Query.cursorAfter(cursor));
      }
      queries.add(Query.limit(PAGE));
      List<Document> page = store.list(due.collection(), queries);
      boolean progressed = false;
      for (Document document : page) {
        if (!seen.add(document.id())) {
          continue;
        }
        if (budget.isSpent()) {
          return new Outcome(handled, true);
        }
        int changed = handle.applyAsInt(document);
        handled += changed;
        progressed |= changed > 0;
      }
      if (page.size() < PAGE) {
        return new Outcome(handled, false);
      }
      if (!progressed) {
        if (!mayStepPast) {
          return new Outcome(handled, true);
        }
        cursor = page.get(page.size() - 1).id();
      }
    }
  }
}
