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
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

/**
 * The store on Appwrite 1.6's Databases API through the official Kotlin SDK, one per execution
 * (its key is the execution's own; the SDK's client is lent by {@link SdkClients}). Appwrite's errors become the store's exceptions and never
 * reach a client.
 *
 * <ul>
 *   <li>Every call has a deadline that cancels the HTTP call itself (OkHttp's call timeout), so a
 *       hung request gives up its connection and its place in the dispatcher.
 *   <li>Nothing is re-sent by the transport: OkHttp's retry after a dropped connection would send a
 *       create or update twice, and the second would meet the first (409, or a write over a newer
 *       one). A write that may have been applied is {@link id.pijat.store.WriteOutcomeUnknownException}.
 *   <li>{@link #close()} (when the execution has answered) cancels whatever of this execution is
 *       still in flight and refuses new calls: nothing of an answered execution reaches Appwrite.
 *   <li>An update sends a null as null, so it clears the attribute (see {@link ExplicitNulls}).
 * </ul>
 */
public final class AppwriteDocumentStore implements DocumentStore, AutoCloseable {
  /**
   * One dispatcher and connection pool for the life of the warm container, shared by its
   * concurrent executions. OkHttp's default of 5 requests per host would queue a healthy
   * execution behind five hung ones; every request here is to the one Appwrite host and bounded by
   * its deadline, so the limits are set far above any concurrency a container sees.
   */
  private static final OkHttpClient SHARED_HTTP = sharedHttp();

  private final Client client;
  private final Databases databases;
  private final String databaseId;
  private final Duration timeout;
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
  private boolean closed;

  private AppwriteDocumentStore(Client client, String databaseId, Duration timeout) {
    this.client = client;
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
    Client client = SdkClients.borrow(endpoint, projectId).setKey(apiKey);
    AppwriteDocumentStore store = new AppwriteDocumentStore(client, databaseId, timeout);
    client.setHttp(SHARED_HTTP.newBuilder().callTimeout(timeout).eventListenerFactory(store::track).build());
    return store;
  }

  private static OkHttpClient sharedHttp() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(512);
    dispatcher.setMaxRequestsPerHost(512);
    return new OkHttpClient.Builder()
        .dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .connectTimeout(Duration.ofSeconds(3))
        .readTimeout(Duration.ofSeconds(10))
        .writeTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Every HTTP call of this store passes here as OkHttp starts it. */
  private EventListener track(Call call) {
    synchronized (inFlight) {
      if (closed) {
        call.cancel();
        return EventListener.NONE;
      }
      inFlight.add(call);
    }
    return new EventListener() {
      @Override
      public void callEnd(Call ended) {
        inFlight.remove(ended);
      }

      @Override
      public void callFailed(Call failed, IOException error) {
        inFlight.remove(failed);
      }

      @Override
      public void canceled(Call canceled) {
        inFlight.remove(canceled);
      }
    };
  }

  /**
   * The execution has answered: cancel what is still in flight, refuse what comes after, and lend
   * the SDK's client to the next execution.
   */
  @Override
  public void close() {
    List<Call> running;
    synchronized (inFlight) {
      if (closed) {
        return;
      }
      closed = true;
      running = List.copyOf(inFlight);
    }
    running.forEach(Call::cancel);
    SdkClients.giveBack(client);
  }

  private void open(String what) {
    synchronized (inFlight) {
      if (closed) {
        throw new StoreUnavailableException(what + " after the execution answered", null);
      }
    }
  }

  @Override
  public Document create(String collection, String id, Map<String, Object> data, Set<String> readers) {
    String what = "create " + collection + "/" + id;
    open(what);
    List<String> permissions = permissions(readers);
    try {
      return document(
          SdkCalls.await(timeout, true, what,
              callback -> databases.createDocument(databaseId, collection, id, withoutNulls(data), permissions, callback)));
    } catch (AppwriteException e) {
      if (is(e, 409)) {
        throw new DocumentExistsException(collection, id);
      }
      throw translate(e, what, true);
    }
  }

  @Override
  public Optional<Document> find(String collection, String id) {
    String what = "get " + collection + "/" + id;
    open(what);
    try {
      return Optional.of(document(SdkCalls.await(timeout, false, what,
          callback -> databases.getDocument(databaseId, collection, id, List.of(), callback))));
    } catch (AppwriteException e) {
      if (is(e, 404)) {
        return Optional.empty();
      }
      throw translate(e, what, false);
    }
  }

  @Override
  public Document update(String collection, String id, Map<String, Object> changes) {
    // no permissions sent: Appwrite leaves them as they are
    return update(collection, id, changes, (List<String>) null);
  }

  @Override
  public Document updateWithReaders(String collection, String id, Map<String, Object> changes, Set<String> readers) {
    return update(collection, id, changes, permissions(readers));
  }

  /** Appwrite's permissions for "these users may read it", and nothing more. */
  private static List<String> permissions(Set<String> readers) {
    List<String> permissions = new ArrayList<>();
    for (String reader : readers) {
      permissions.add(io.appwrite.Permission.Companion.read(io.appwrite.Role.Companion.user(reader, "")));
    }
    return permissions;
  }

  private Document update(String collection, String id, Map<String, Object> changes, List<String> permissions) {
    String what = "update " + collection + "/" + id;
    open(what);
    try {
      return document(SdkCalls.await(timeout, true, what,
          callback -> databases.updateDocument(databaseId, collection, id, new ExplicitNulls(changes), permissions, callback)));
    } catch (AppwriteException e) {
      if (is(e, 404)) {
        throw new DocumentNotFoundException(collection, id);
      }
      throw translate(e, what, true);
    }
  }

  @Override
  public void delete(String collection, String id) {
    String what = "delete " + collection + "/" + id;
    open(what);
    try {
      SdkCalls.await(timeout, true, what, callback -> databases.deleteDocument(databaseId, collection, id, callback));
    } catch (AppwriteException e) {
      if (is(e, 404)) {
        throw new DocumentNotFoundException(collection, id);
      }
      throw translate(e, what, true);
    }
  }

  @Override
  public List<Document> list(String collection, List<Query> queries) {
    String what = "list " + collection;
    open(what);
    List<String> encoded = queries.stream().map(AppwriteQueries::encode).toList();
    try {
      io.appwrite.models.DocumentList<Map<String, Object>> page =
          SdkCalls.await(timeout, false, what, callback -> databases.listDocuments(databaseId, collection, encoded, callback));
      return page.getDocuments().stream().map(AppwriteDocumentStore::document).toList();
    } catch (AppwriteException e) {
      throw translate(e, what, false);
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

  /**
   * 429 is refused before anything is done, so nothing happened. A 5xx, 408 or an answer that was
   * not Appwrite's (no code) may come after a write was applied.
   */
  private static RuntimeException translate(AppwriteException e, String what, boolean write) {
    Integer code = e.getCode();
    String detail = what + " failed: " + code + " " + e.getType();
    if (code != null && code == 429) {
      return new StoreUnavailableException(detail, e);
    }
    if (code == null || code == 0 || code == 408 || code >= 500) {
      return SdkCalls.failed(write, detail, e);
    }
    return new StoreRejectedException(detail + ": " + e.getMessage());
  }
}
