package id.pijat.store;

import java.util.List;

/**
 * The documents a scheduled duty is due for: those of a collection that match the filters, walked in
 * the order of the attribute that makes them due (an index the store keeps). A port names what is due
 * in business words and answers one of these; the duty never names a collection or an attribute.
 */
public record Due(String collection, List<Query> filters, String attribute) {
  public Due {
    filters = List.copyOf(filters);
  }

  /** Documents whose {@code attribute} is at or before {@code dueBy}, and which match the filters. */
  public static Due by(String collection, String attribute, java.time.Instant dueBy, Query... filters) {
    List<Query> all = new java.util.ArrayList<>(List.of(filters));
    all.add(Query.lessThanEqual(attribute, DocumentTimes.format(dueBy)));
    return new Due(collection, all, attribute);
  }
}
