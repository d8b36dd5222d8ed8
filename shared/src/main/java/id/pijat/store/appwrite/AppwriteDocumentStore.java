package id.pijat.store.appwrite;

import id.pijat.store.Document;
import id.pijat.store.DocumentExistsException;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreRejectedException;
import id.pijat.store.StoreUnavailableException;
import io.appwrite.Client;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.services.Databases;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * The store on Appwrite 1.6's Databases API through the official Kotlin SDK. Every call has a
 * deadline; Appwrite's errors become the store's exceptions and never reach a client.
 */
public final class AppwriteDocumentStore implements DocumentStore {
  /**
   * One connection pool for the life of the warm container: each execution gets a new SDK client
   * (its key is the execution's own), but they share connections and TLS sessions.
   */
  private static final OkHttpClient SHARED_HTTP =
      new OkHttpClient.Builder()
          .connectionPool(new ConnectionPool(8, 5, TimeUnit.MINUTES))
          .connectTimeout(Duration.ofSeconds(3))
          .readTimeout(Duration.ofSeconds(10))
          .writeTimeout(Duration.ofSeconds(10))
          .build();

  private final Databases databases;
  private final String databaseId;
  private final Duration timeout;

  AppwriteDocumentStore(Client client, String databaseId, Duration timeout) {
    this.databases = new Databases(client);
    this.databaseId = databaseId;
    this.timeout = timeout;
  }

  public static AppwriteDocumentStore connect(
      String endpoint, String projectId, String apiKey, String databaseId, Duration timeout) {
    if (endpoint == null || projectId == null || apiKey == null) {
      throw new IllegalStateException(
          "APPWRITE_FUNCTION_API_ENDPOINT, APPWRITE_FUNCTION_PROJECT_ID and the x-appwrite-key header are required");
    }
    Client client = new Client(endpoint).setProject(projectId).setKey(apiKey);
    client.setHttp(SHARED_HTTP);
    return new AppwriteDocumentStore(client, databaseId, timeout);
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    List<String> permissions = new ArrayList<>();
    for (String reader : readers) {
      permissions.add(io.appwrite.Permission.Companion.read(io.appwrite.Role.Companion.user(reader, "")));
    }
    try {
      return document(
          SdkCalls.await(
              timeout,
              callback -> databases.createDocument(databaseId, collection, id, withoutNulls(data), permissions, callback)));
    } catch (AppwriteException e) {
      if (is(e, 409)) {
        throw new DocumentExistsException(collection, id);
      }
      throw translate(e, "create " + collection);
    }
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    try {
      return Optional.of(
          document(SdkCalls.await(timeout, callback -> databases.getDocument(databaseId, collection, id, List.of(), callback))));
    } catch (AppwriteException e) {
      if (is(e, 404)) {
        return Optional.empty();
      }
      throw translate(e, "get " + collection);
    }
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    try {
      return document(
          SdkCalls.await(
              timeout, callback -> databases.updateDocument(databaseId, collection, id, changes, (List<String>) null, callback)));
    } catch (AppwriteException e) {
      if (is(e, 404)) {
        throw new DocumentNotFoundException(collection, id);
      }
      throw translate(e, "update " + collection);
    }
  }

  @Override
  public void delete(String collection, String id) {
    try {
      SdkCalls.await(timeout, callback -> databases.deleteDocument(databaseId, collection, id, callback));
    } catch (AppwriteException e) {
      if (is(e, 404)) {
        throw new DocumentNotFoundException(collection, id);
      }
      throw translate(e, "delete " + collection);
    }
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    List<String> encoded = queries.stream().map(AppwriteQueries::encode).toList();
    try {
      io.appwrite.models.DocumentList<Map<String, Object>> page =
          SdkCalls.await(timeout, callback -> databases.listDocuments(databaseId, collection, encoded, callback));
      return page.getDocuments().stream().map(AppwriteDocumentStore::document).toList();
    } catch (AppwriteException e) {
      throw translate(e, "list " + collection);
    }
  }

  private static Document document(io.appwrite.models.Document<Map<String, Object>> document) {
    Map<String, Object> data = new LinkedHashMap<>();
    document.getData().forEach((key, value) -> {
      if (!key.startsWith("$")) {
        data.put(key, value);
      }
    });
    return new Document(document.getId(), data);
  }

  /** Appwrite keeps an attribute's default when the attribute is left out, and refuses null for a required one. */
  private static Map<String, Object> withoutNulls(Map<String, Object> data) {
    Map<String, Object> present = new LinkedHashMap<>();
    data.forEach((key, value) -> {
      if (value != null) {
        present.put(key, value);
      }
    });
    return present;
  }

  private static boolean is(AppwriteException e, int status) {
    return e.getCode() != null && e.getCode() == status;
  }

  private static RuntimeException translate(AppwriteException e, String what) {
    Integer code = e.getCode();
    String detail = what + " failed: " + code + " " + e.getType();
    if (code == null || code == 0 || code == 408 || code == 429 || code >= 500) {
      return new StoreUnavailableException(detail, e);
    }
    return new StoreRejectedException(detail + ": " + e.getMessage());
  }
}
