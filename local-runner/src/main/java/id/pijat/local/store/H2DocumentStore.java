package id.pijat.local.store;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import id.pijat.local.project.CollectionSchema.Attribute;
import id.pijat.local.project.CollectionSchema;
import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Query;
import id.pijat.store.StoreRejectedException;
import id.pijat.store.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The store on an embedded H2 database, with Appwrite's semantics: a table per collection with a
 * column per attribute and an index per index of appwrite.json; documents checked against the
 * collection's attributes as Appwrite checks them; create with an existing ID fails; every statement
 * commits alone, as each Appwrite call does. Queries may filter or order only on indexed attributes,
 * which keeps the code honest about what Appwrite can answer fast.
 *
 * <p>H2 rather than SQLite: pure Java from Maven Central (no native library to match the machine),
 * real concurrent writers through MVCC, and timestamps with time zones.
 */
public final class H2DocumentStore implements DocumentStore, AutoCloseable {
  static final Gson GSON = new Gson();
  private static final int DUPLICATE_KEY = 23505;
  private static final int DEFAULT_LIMIT = 25;

  private final JdbcConnectionPool pool;
  private final Map<String, CollectionSchema> collections;
  private final Clock clock;
  private final AtomicLong documentsRead = new AtomicLong();
  private final AtomicLong calls = new AtomicLong();
  private volatile DocumentChanges changes = DocumentChanges.NONE;

  private H2DocumentStore(JdbcConnectionPool pool, Map<String, CollectionSchema> collections, Clock clock) {
    this.pool = pool;
    this.collections = collections;
    this.clock = clock;
  }

  /** @param jdbcUrl e.g. "jdbc:h2:file:./data/booking" or "jdbc:h2:mem:test" */
  public static H2DocumentStore open(String jdbcUrl, Map<String, CollectionSchema> collections, Clock clock) {
    JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl + ";DB_CLOSE_DELAY=-1", "sa", "");
    pool.setMaxConnections(32);
    H2DocumentStore store = new H2DocumentStore(pool, collections, clock);
    store.createTables();
    return store;
  }

  /**
   * Who hears of every write from now on (the runner's Realtime). A listener's failure never fails
   * the write it hears of: the write has committed by then, as on Appwrite, where events follow it.
   */
  public void onChange(DocumentChanges listener) {
    this.changes = listener;
  }

  /** Documents returned by find and list since the store opened: what a search or cleanup costs. */
  public long documentsRead() {
    return documentsRead.get();
  }

  /** Calls made since the store opened, each standing for one Appwrite request. */
  public long calls() {
    return calls.get();
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    calls.incrementAndGet();
    CollectionSchema schema = schema(collection);
    if (!DocumentIds.isValid(id)) {
      throw new StoreRejectedException("Invalid document ID: " + id);
    }
    Map<String, Object> row = DocumentCheck.forCreate(schema, data);
    String now = DocumentTimes.format(clock.instant());
    List<String> columns = new ArrayList<>(List.of("$id", "$createdAt", "$updatedAt", "$permissions"));
    List<Object> values = new ArrayList<>(List.of(id, time(now), time(now), permissions(readers)));
    Map<String, Attribute> attributes = schema.attributesByKey();
    row.forEach((key, value) -> {
      columns.add(key);
      values.add(toColumn(attributes.get(key), value));
    });
    String sql =
        "INSERT INTO " + table(collection) + " (" + String.join(", ", columns.stream().map(H2DocumentStore::quote).toList())
            + ") VALUES (" + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    withStatement(sql, values, PreparedStatement::executeUpdate, failedWrite("create", collection, id));
    tell(collection, DocumentChanges.Change.CREATE, id);
    return new Document(id, row);
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    calls.incrementAndGet();
    schema(collection);
    return withStatement(byId("SELECT * FROM", collection), List.of(id), statement -> read(collection, statement, true), failed("find"))
        .stream()
        .findFirst();
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    return update(collection, id, changes, Map.of());
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    return update(collection, id, changes, Map.of("$permissions", permissions(readers)));
  }

  /** Appwrite's $permissions for "these users may read it", and nothing more. */
  private static String permissions(Set<String> readers) {
    return GSON.toJson(readers.stream().map(reader -> readPermission("user:" + reader)).toList());
  }

  /** @param system the document's own columns to set besides its attributes ($permissions) */
  private Document update(String collection, String id, Map<String, Object> changes, Map<String, Object> system) {
    calls.incrementAndGet();
    CollectionSchema schema = schema(collection);
    Map<String, Object> checked = DocumentCheck.forUpdate(schema, changes);
    Map<String, Attribute> attributes = schema.attributesByKey();
    List<String> assignments = new ArrayList<>(List.of(quote("$updatedAt") + " = ?"));
    List<Object> values = new ArrayList<>(List.of(time(DocumentTimes.format(clock.instant()))));
    system.forEach((column, value) -> {
      assignments.add(quote(column) + " = ?");
      values.add(value);
    });
    checked.forEach((key, value) -> {
      assignments.add(quote(key) + " = ?");
      values.add(toColumn(attributes.get(key), value));
    });
    values.add(id);
    String sql = "UPDATE " + table(collection) + " SET " + String.join(", ", assignments) + " WHERE \"$id\" = ?";
    if (withStatement(sql, values, PreparedStatement::executeUpdate, failedWrite("update", collection, id)) == 0) {
      throw new DocumentNotFoundException(collection, id);
    }
    tell(collection, DocumentChanges.Change.UPDATE, id);
    // Appwrite answers an update with the document, in the same call: not counted as a read
    return withStatement(byId("SELECT * FROM", collection), List.of(id), statement -> read(collection, statement, false), failed("update"))
        .stream()
        .findFirst()
        .orElseThrow(() -> new DocumentNotFoundException(collection, id));
  }

  @Override
  public void delete(String collection, String id) {
    calls.incrementAndGet();
    schema(collection);
    DocumentChanges listener = changes;
    Optional<StoredDocument> before = listener.listening() ? storedByIdForListener(collection, id) : Optional.empty();
    if (withStatement(byId("DELETE FROM", collection), List.of(id), PreparedStatement::executeUpdate, failed("delete")) == 0) {
      throw new DocumentNotFoundException(collection, id);
    }
    before.ifPresent(document -> tellSafely(listener, collection, DocumentChanges.Change.DELETE, document));
  }

  /** Tells the listener of a write that committed; reads the document back only for a listener (not counted as a call). */
  private void tell(String collection, DocumentChanges.Change change, String id) {
    DocumentChanges listener = changes;
    if (listener.listening()) {
      storedByIdForListener(collection, id).ifPresent(document -> tellSafely(listener, collection, change, document));
    }
  }

  private static void tellSafely(DocumentChanges listener, String collection, DocumentChanges.Change change, StoredDocument document) {
    try {
      listener.changed(collection, change, document);
    } catch (RuntimeException e) {
      System.err.println("a listener failed on " + change.event() + " " + collection + "/" + document.id() + ": " + e);
    }
  }

  /** The document for a listener; a failed read costs the listener its event, never the write. */
  private Optional<StoredDocument> storedByIdForListener(String collection, String id) {
    try {
      return withStatement(byId("SELECT * FROM", collection), List.of(id), statement -> stored(collection, statement, null),
          failed("read back")).stream().findFirst();
    } catch (RuntimeException e) {
      System.err.println("no event for " + collection + "/" + id + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    calls.incrementAndGet();
    CollectionSchema schema = schema(collection);
    SqlQuery sql = SqlQuery.build(schema, table(collection), queries, DEFAULT_LIMIT, this::cursorRow);
    List<Object> values = sql.parameters().stream().map(p -> toColumn(p.attribute(), p.value())).toList();
    return withStatement(sql.text(), values, statement -> read(collection, statement, true), failed("list"));
  }

  /**
   * A page of the Databases API's listDocuments: the documents the reader may read that match the
   * client's queries, and how many there are. A client's read, not counted as the functions' are.
   *
   * @throws ClientQuery.InvalidQueryException for a query Appwrite refuses
   */
  public StoredDocument.Page page(String collection, List<ClientQuery> queries, Reader reader) {
    CollectionSchema schema = schema(collection);
    ClientSql.Statements sql = ClientSql.build(schema, table(collection), queries, reader,
        (cursorId, columns) -> cursorRow(collection, cursorId, columns, reader));
    List<StoredDocument> documents = new ArrayList<>(
        withStatement(sql.page(), sql.pageParameters(), statement -> stored(collection, statement, sql.selected()), failed("list")));
    if (sql.reversed()) {
      Collections.reverse(documents);
    }
    long total = withStatement(sql.count(), sql.countParameters(), statement -> {
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }, failed("count"));
    return new StoredDocument.Page(total, documents);
  }

  /** The permission that lets a role read a document, as Appwrite writes it. */
  static String readPermission(String role) {
    return "read(\"" + role + "\")";
  }

  @Override
  public void close() {
    pool.dispose();
  }

  /** The cursor document's sequence and order value, for cursorAfter. */
  private Map<String, Object> cursorRow(String collection, String id, String orderAttribute) {
    String sql =
        "SELECT \"$seq\"" + (orderAttribute == null ? "" : ", " + quote(orderAttribute))
            + " FROM " + table(collection) + " WHERE \"$id\" = ?";
    return withStatement(sql, List.of(id), statement -> {
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          throw new StoreRejectedException("Document '" + id + "' for the 'cursor' value not found.");
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("$seq", result.getLong(1));
        if (orderAttribute != null) {
          row.put(orderAttribute, result.getObject(2));
        }
        return row;
      }
    }, failed("cursor"));
  }

  /** The cursor document's values of these columns, if the reader may read it. */
  private Map<String, Object> cursorRow(String collection, String id, List<String> columns, Reader reader) {
    List<Object> parameters = new ArrayList<>(List.of(id));
    String sql = "SELECT " + String.join(", ", columns) + " FROM " + table(collection) + " WHERE \"$id\" = ? AND "
        + ClientSql.readable(reader, parameters);
    return withStatement(sql, parameters, statement -> {
      try (ResultSet result = statement.executeQuery()) {
        if (!result.next()) {
          return null;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          row.put(columns.get(i), result.getObject(i + 1));
        }
        return row;
      }
    }, failed("cursor"));
  }

  /** @param selected the attributes to answer, null for all */
  private List<StoredDocument> stored(String collection, PreparedStatement statement, Set<String> selected) throws SQLException {
    CollectionSchema schema = schema(collection);
    List<StoredDocument> documents = new ArrayList<>();
    try (ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Attribute attribute : schema.attributes()) {
          if (selected == null || selected.contains(attribute.key())) {
            data.put(attribute.key(), fromColumn(attribute, result.getObject(attribute.key())));
          }
        }
        List<String> permissions = GSON.fromJson(result.getString("$permissions"), new TypeToken<List<String>>() {}.getType());
        documents.add(new StoredDocument(result.getString("$id"),
            DocumentTimes.format(result.getObject("$createdAt", OffsetDateTime.class).toInstant()),
            DocumentTimes.format(result.getObject("$updatedAt", OffsetDateTime.class).toInstant()), permissions, data));
      }
    }
    return documents;
  }

  private List<Document> read(String collection, PreparedStatement statement, boolean counted) throws SQLException {
    CollectionSchema schema = schema(collection);
    List<Document> documents = new ArrayList<>();
    try (ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (Attribute attribute : schema.attributes()) {
          data.put(attribute.key(), fromColumn(attribute, result.getObject(attribute.key())));
        }
        documents.add(new Document(result.getString("$id"), data));
      }
    }
    if (counted) {
      documentsRead.addAndGet(documents.size());
    }
    return documents;
  }

  private void createTables() {
    List<String> statements = new ArrayList<>();
    for (CollectionSchema schema : collections.values()) {
      statements.add(
          "CREATE TABLE IF NOT EXISTS " + table(schema.id()) + " ("
                + "\"$id\" VARCHAR(36) PRIMARY KEY, "
                + "\"$seq\" BIGINT GENERATED BY DEFAULT AS IDENTITY UNIQUE, "
                + "\"$createdAt\" TIMESTAMP(3) WITH TIME ZONE, "
                + "\"$updatedAt\" TIMESTAMP(3) WITH TIME ZONE, "
              + "\"$permissions\" VARCHAR(4000))");
      for (Attribute attribute : schema.attributes()) {
        statements.add(
            "ALTER TABLE " + table(schema.id()) + " ADD COLUMN IF NOT EXISTS " + quote(attribute.key()) + " " + sqlType(attribute));
      }
      for (CollectionSchema.Index index : schema.indexes()) {
        boolean unique = "unique".equals(index.type());
        List<String> columns = new ArrayList<>(index.attributes().stream().map(H2DocumentStore::quote).toList());
        if (!unique) {
          // as in MariaDB, where Appwrite's secondary indexes end in the row's sequence: pages ordered
          // by an indexed attribute, ties by sequence, are read straight off the index
          columns.add("\"$seq\"");
        }
        statements.add(
            "CREATE " + (unique ? "UNIQUE INDEX" : "INDEX") + " IF NOT EXISTS " + quote(schema.id() + "_" + index.key())
                + " ON " + table(schema.id()) + " (" + String.join(", ", columns) + ")");
      }
    }
    for (String ddl : statements) {
      withStatement(ddl, List.of(), PreparedStatement::execute,
          e -> new IllegalStateException("cannot create the embedded database's tables", e));
    }
  }

  private static String sqlType(Attribute attribute) {
    if (attribute.array()) {
      return "CHARACTER LARGE OBJECT";
    }
    return switch (attribute.type()) {
      // H2 counts UTF-16 units; DocumentCheck has counted code points, of which each takes at most two
      case STRING -> attribute.size() > 8_192 ? "CHARACTER LARGE OBJECT" : "VARCHAR(" + 2 * attribute.size() + ")";
      case INTEGER -> "BIGINT";
      case DOUBLE -> "DOUBLE PRECISION";
      case BOOLEAN -> "BOOLEAN";
      case DATETIME -> "TIMESTAMP(3) WITH TIME ZONE";
    };
  }

  static Object toColumn(Attribute attribute, Object value) {
    if (value == null || attribute == null) {
      return value;
    }
    if (attribute.array()) {
      return GSON.toJson(value);
    }
    return switch (attribute.type()) {
      case DATETIME -> time(value.toString());
      case INTEGER -> ((Number) value).longValue();
      case DOUBLE -> ((Number) value).doubleValue();
      default -> value;
    };
  }

  private static Object fromColumn(Attribute attribute, Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (attribute.array()) {
      String text = value instanceof java.sql.Clob clob ? clob.getSubString(1, (int) clob.length()) : value.toString();
      return GSON.fromJson(text, new TypeToken<List<String>>() {}.getType());
    }
    if (value instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length());
    }
    if (value instanceof OffsetDateTime time) {
      return DocumentTimes.format(time.toInstant());
    }
    return value;
  }

  private static OffsetDateTime time(String text) {
    return OffsetDateTime.ofInstant(DocumentTimes.parse(text), ZoneOffset.UTC);
  }

  /** What a call does with its statement. */
  @FunctionalInterface
  private interface Work<T> {
    T apply(PreparedStatement statement) throws SQLException;
  }

  /**
   * Runs one statement with these parameters on a connection of the pool, committed alone as each
   * Appwrite call is; the statement and the connection are closed on every path, and a failure
   * becomes what the call means.
   */
  private <T> T withStatement(String sql, List<?> values, Work<T> work, Function<SQLException, RuntimeException> failure) {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, values);
      return work.apply(statement);
    } catch (SQLException e) {
      throw failure.apply(e);
    }
  }

  private static String byId(String statement, String collection) {
    return statement + " " + table(collection) + " WHERE \"$id\" = ?";
  }

  private static Function<SQLException, RuntimeException> failed(String what) {
    return e -> unavailable(what, e);
  }

  /** A write of one document: a duplicate ID is the 409 Appwrite answers. */
  private static Function<SQLException, RuntimeException> failedWrite(String what, String collection, String id) {
    return e -> e.getErrorCode() == DUPLICATE_KEY ? new DocumentExistsException(collection, id) : unavailable(what, e);
  }

  private static void bind(PreparedStatement statement, List<?> values) throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setObject(i + 1, values.get(i));
    }
  }

  private CollectionSchema schema(String collection) {
    CollectionSchema schema = collections.get(collection);
    if (schema == null) {
      throw new StoreRejectedException("Collection with the requested ID could not be found: " + collection);
    }
    return schema;
  }

  static String table(String collection) {
    return quote("c_" + collection);
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static StoreUnavailableException unavailable(String what, SQLException e) {
    return new StoreUnavailableException("embedded database " + what + " failed: " + e.getMessage(), e);
  }
}
