package id.pijat.local.store;

import id.pijat.local.project.CollectionSchema.Attribute;
import id.pijat.local.project.CollectionSchema;
import id.pijat.store.Query;
import id.pijat.store.StoreRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The store's queries as one SQL SELECT, with Appwrite's ordering: the given order, then insertion order. */
record SqlQuery(String text, List<Parameter> parameters) {

  record Parameter(Attribute attribute, Object value) {}

  interface CursorLookup {
    Map<String, Object> row(String collection, String documentId, String orderAttribute);
  }

  static SqlQuery build(
      CollectionSchema schema, String table, List<Query> queries, int defaultLimit, CursorLookup cursors) {
    Map<String, Attribute> attributes = schema.attributesByKey();
    List<String> where = new ArrayList<>();
    List<Parameter> parameters = new ArrayList<>();
    Query.OrderBy order = null;
    List<String> constants = new ArrayList<>();
    String cursor = null;
    int limit = defaultLimit;
    for (Query query : queries) {
      if (query instanceof Query.Equal equal) {
        Attribute attribute = indexed(schema, attributes, equal.attribute());
        where.add(H2DocumentStore.quote(equal.attribute()) + " IN ("
            + String.join(", ", equal.values().stream().map(v -> "?").toList()) + ")");
        equal.values().forEach(value -> parameters.add(new Parameter(attribute, value)));
        if (equal.values().size() == 1) {
          constants.add(equal.attribute());
        }
      } else if (query instanceof Query.Compare compare) {
        Attribute attribute = indexed(schema, attributes, compare.attribute());
        String operator = switch (compare.comparison()) {
          case LESS_THAN -> "<";
          case LESS_THAN_EQUAL -> "<=";
          case GREATER_THAN -> ">";
          case GREATER_THAN_EQUAL -> ">=";
        };
        where.add(H2DocumentStore.quote(compare.attribute()) + " " + operator + " ?");
        parameters.add(new Parameter(attribute, compare.value()));
      } else if (query instanceof Query.OrderBy orderBy) {
        if (order != null) {
          throw new StoreRejectedException("the embedded store orders by one attribute at most");
        }
        indexed(schema, attributes, orderBy.attribute());
        order = orderBy;
      } else if (query instanceof Query.CursorAfter after) {
        cursor = after.documentId();
      } else if (query instanceof Query.Limit max) {
        limit = max.count();
      }
    }
    if (cursor != null) {
      String orderAttribute = order == null ? null : order.attribute();
      Map<String, Object> row = cursors.row(schema.id(), cursor, orderAttribute);
      if (order == null) {
        where.add("\"$seq\" > ?");
        parameters.add(new Parameter(null, row.get("$seq")));
      } else {
        String column = H2DocumentStore.quote(order.attribute());
        String after = order.ascending() ? ">" : "<";
        where.add("(" + column + " " + after + " ? OR (" + column + " = ? AND \"$seq\" > ?))");
        parameters.add(new Parameter(null, row.get(order.attribute())));
        parameters.add(new Parameter(null, row.get(order.attribute())));
        parameters.add(new Parameter(null, row.get("$seq")));
      }
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM ").append(table);
    if (!where.isEmpty()) {
      sql.append(" WHERE ").append(String.join(" AND ", where));
    }
    sql.append(" ORDER BY ");
    if (order != null) {
      // attributes fixed by equal() first: the order is the same, and H2 then reads it off an index
      // that starts with them instead of sorting every match
      String direction = order.ascending() ? " ASC" : " DESC";
      for (String constant : constants) {
        sql.append(H2DocumentStore.quote(constant)).append(direction).append(", ");
      }
      sql.append(H2DocumentStore.quote(order.attribute())).append(direction).append(", ");
    }
    sql.append("\"$seq\" ASC LIMIT ").append(limit);
    return new SqlQuery(sql.toString(), parameters);
  }

  private static Attribute indexed(CollectionSchema schema, Map<String, Attribute> attributes, String name) {
    Attribute attribute = attributes.get(name);
    if (attribute == null) {
      throw new StoreRejectedException("Invalid query: Attribute not found in schema: " + name);
    }
    if (!schema.isIndexed(name)) {
      throw new StoreRejectedException("Invalid query: no index of " + schema.id() + " covers " + name);
    }
    return attribute;
  }
}
