package id.pijat.local.store;

import java.util.List;

/**
 * One query of Appwrite's Databases API as a client sends it ({"method", "attribute", "values"}),
 * for {@link H2DocumentStore#page}: equal, notEqual, lessThan(Equal), greaterThan(Equal), orderAsc,
 * orderDesc, limit, offset, cursorAfter, cursorBefore, select.
 *
 * @param attribute null for the methods without one (limit, offset, cursors, select)
 * @param values strings, numbers, booleans as the JSON carried them
 */
public record ClientQuery(String method, String attribute, List<Object> values) {

  /** A query Appwrite refuses with 400: its error type and message. */
  public static final class InvalidQueryException extends RuntimeException {
    private final String type;

    InvalidQueryException(String type, String message) {
      super(message, null, false, false);
      this.type = type;
    }

    static InvalidQueryException of(String message) {
      return new InvalidQueryException("general_query_invalid", "Invalid query: " + message);
    }

    public String type() {
      return type;
    }
  }
}
