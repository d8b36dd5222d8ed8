package id.pijat.local.store;

import id.pijat.local.project.CollectionSchema;
import id.pijat.local.project.CollectionSchema.Attribute;
import id.pijat.local.project.CollectionSchema.Type;
import id.pijat.local.store.ClientQuery.InvalidQueryException;
import id.pijat.store.DocumentTimes;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A client's listDocuments as SQL, as Appwrite answers it: the filters over the documents the reader
 * may read, the orders and then insertion order, a cursor, offset and limit, and the total of the
 * readable matches (without cursor, offset or limit). Unlike the functions' store queries, any
 * attribute may be filtered or ordered on: Appwrite 1.6 does not require an index for that.
 */
final class ClientSql {
  static final int DEFAULT_LIMIT = 25;
  /** Appwrite's APP_LIMIT_COUNT: the largest limit and offset. */
  static final int MAX = 5000;
  private static final Map<String, Attribute> SYSTEM = Map.of(
      "$id", system("$id", Type.STRING),
      "$createdAt", system("$createdAt", Type.DATETIME),
      "$updatedAt", system("$updatedAt", Type.DATETIME));

  private record Order(String column, boolean ascending) {}

  /** The page's statement, the total's statement, and what the answer needs. */
  record Statements(String page, List<Object> pageParameters, String count, List<Object> countParameters,
      boolean reversed, Set<String> selected) {}

  /** The cursor document's values of the order columns and its sequence, or null when it is not readable. */
  interface CursorLookup {
    Map<String, Object> row(String documentId, List<String> columns);
  }

  private final CollectionSchema schema;
  private final Map<String, Attribute> attributes;
  private final List<String> filters = new ArrayList<>();
  private final List<Object> filterParameters = new ArrayList<>();
  private final List<Order> orders = new ArrayList<>();
  private Set<String> selected;
  private String cursor;
  private boolean before;
  private int limit = DEFAULT_LIMIT;
  private int offset;

  private ClientSql(CollectionSchema schema) {
    this.schema = schema;
    this.attributes = schema.attributesByKey();
  }

  static Statements build(CollectionSchema schema, String table, List<ClientQuery> queries, Reader reader, CursorLookup cursors) {
    ClientSql sql = new ClientSql(schema);
    queries.forEach(sql::add);
    return sql.statements(table, reader, cursors);
  }

  /** The condition "one of these roles may read the document", on the stored $permissions. */
  static String readable(Reader reader, List<Object> parameters) {
    if (reader.all()) {
      return "TRUE";
    }
    List<String> any = new ArrayList<>();
    for (String role : reader.roles()) {
      any.add("\"$permissions\" LIKE ? ESCAPE '!'");
      parameters.add("%" + H2DocumentStore.GSON.toJson(H2DocumentStore.readPermission(role))
          .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    return any.isEmpty() ? "FALSE" : "(" + String.join(" OR ", any) + ")";
  }

  private void add(ClientQuery query) {
    String method = query.method();
    List<Object> values = query.values() == null ? List.of() : query.values();
    switch (method) {
      case "equal" -> {
        Attribute attribute = filtered(query);
        if (values.isEmpty()) {
          throw InvalidQueryException.of("Equal queries require at least one value.");
        }
        filters.add(column(attribute) + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")");
        values.forEach(value -> filterParameters.add(value(attribute, value)));
      }
      case "notEqual", "lessThan", "lessThanEqual", "greaterThan", "greaterThanEqual" -> {
        Attribute attribute = filtered(query);
        if (values.size() != 1) {
          throw InvalidQueryException.of(method + " queries require exactly one value.");
        }
        String operator = switch (method) {
          case "notEqual" -> "<>";
          case "lessThan" -> "<";
          case "lessThanEqual" -> "<=";
          case "greaterThan" -> ">";
          default -> ">=";
        };
        filters.add(column(attribute) + " " + operator + " ?");
        filterParameters.add(value(attribute, values.get(0)));
      }
      case "orderAsc", "orderDesc" -> orders.add(new Order(column(filtered(query)), "orderAsc".equals(method)));
      case "limit" -> limit = number(method, values, 1);
      case "offset" -> offset = number(method, values, 0);
      case "cursorAfter", "cursorBefore" -> {
        if (cursor != null) {
          throw InvalidQueryException.of("Cannot use more than one cursor.");
        }
        if (values.size() != 1 || !(values.get(0) instanceof String id)) {
          throw InvalidQueryException.of("Cursor must contain exactly one document ID.");
        }
        cursor = id;
        before = "cursorBefore".equals(method);
      }
      case "select" -> {
        selected = selected == null ? new LinkedHashSet<>() : selected;
        for (Object value : values) {
          if (!(value instanceof String key) || (!attributes.containsKey(key) && !SYSTEM.containsKey(key) && !"*".equals(key))) {
            throw InvalidQueryException.of("Attribute not found in schema: " + value);
          }
          selected.add(key);
        }
      }
      case "search", "isNull", "isNotNull", "between", "startsWith", "endsWith", "contains", "or", "and", "orderRandom" ->
          throw InvalidQueryException.of("the local runner does not answer " + method + " queries (it answers equal, notEqual, "
              + "lessThan, lessThanEqual, greaterThan, greaterThanEqual, orderAsc, orderDesc, limit, offset, cursorAfter, cursorBefore, select)");
      default -> throw InvalidQueryException.of("Invalid query method: " + method);
    }
  }

  private Statements statements(String table, Reader reader, CursorLookup cursors) {
    List<Object> countParameters = new ArrayList<>(filterParameters);
    List<String> where = new ArrayList<>(filters);
    where.add(readable(reader, countParameters));
    String count = "SELECT COUNT(*) FROM " + table + " WHERE " + String.join(" AND ", where);

    List<Object> pageParameters = new ArrayList<>(countParameters);
    List<Order> sequence = new ArrayList<>();
    // cursorBefore reads backwards from the cursor and turns the page round, as Appwrite does
    orders.forEach(order -> sequence.add(new Order(order.column(), order.ascending() != before)));
    sequence.add(new Order("\"$seq\"", !before));
    if (cursor != null) {
      Map<String, Object> row = cursors.row(cursor, sequence.stream().map(Order::column).toList());
      if (row == null) {
        throw new InvalidQueryException("general_cursor_not_found", "Document '" + cursor + "' for the 'cursor' value not found.");
      }
      List<String> after = new ArrayList<>();
      for (int i = 0; i < sequence.size(); i++) {
        List<String> terms = new ArrayList<>();
        for (int j = 0; j < i; j++) {
          terms.add(sequence.get(j).column() + " = ?");
          pageParameters.add(row.get(sequence.get(j).column()));
        }
        terms.add(sequence.get(i).column() + (sequence.get(i).ascending() ? " > ?" : " < ?"));
        pageParameters.add(row.get(sequence.get(i).column()));
        after.add("(" + String.join(" AND ", terms) + ")");
      }
      where.add("(" + String.join(" OR ", after) + ")");
    }
    String page = "SELECT * FROM " + table + " WHERE " + String.join(" AND ", where) + " ORDER BY "
        + String.join(", ", sequence.stream().map(o -> o.column() + (o.ascending() ? " ASC" : " DESC")).toList())
        + " LIMIT " + limit + " OFFSET " + offset;
    Set<String> shown = selected == null || selected.contains("*") ? null : selected;
    return new Statements(page, pageParameters, count, countParameters, before, shown);
  }

  private Attribute filtered(ClientQuery query) {
    String key = query.attribute();
    Attribute attribute = key == null ? null : attributes.getOrDefault(key, SYSTEM.get(key));
    if (attribute == null) {
      throw InvalidQueryException.of("Attribute not found in schema: " + key);
    }
    if (attribute.array()) {
      throw InvalidQueryException.of("Cannot query " + query.method() + " on attribute \"" + key + "\" because it is an array.");
    }
    return attribute;
  }

  private static String column(Attribute attribute) {
    return H2DocumentStore.quote(attribute.key());
  }

  /** The value as the column holds it, refused as Appwrite refuses a value of another type. */
  private static Object value(Attribute attribute, Object value) {
    boolean fits = switch (attribute.type()) {
      case STRING -> value instanceof String;
      case INTEGER -> value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue());
      case DOUBLE -> value instanceof Number;
      case BOOLEAN -> value instanceof Boolean;
      case DATETIME -> value instanceof String text && isTime(text);
    };
    if (!fits) {
      throw InvalidQueryException.of("Query value is invalid for attribute \"" + attribute.key() + "\"");
    }
    return H2DocumentStore.toColumn(attribute, value);
  }

  private static boolean isTime(String text) {
    try {
      DocumentTimes.parse(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static int number(String method, List<Object> values, int least) {
    if (values.size() == 1 && values.get(0) instanceof Number number) {
      double value = number.doubleValue();
      if (value == Math.rint(value) && value >= least && value <= MAX) {
        return (int) value;
      }
    }
    throw InvalidQueryException.of("Invalid " + method + ": Value must be a valid range between " + least + " and 5,000");
  }

  private static Attribute system(String key, Type type) {
    return new Attribute(key, type, 36, true, false, List.of(), null, null, null);
  }
}
