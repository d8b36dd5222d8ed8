package id.pijat.function;

import id.pijat.store.appwrite.AppwriteDocumentStore;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Chooses the backend of an execution. Each function's Main is given one: Appwrite's when the
 * runtime makes it, the embedded database when the local runner does, a test's own store and clock
 * in tests.
 */
@FunctionalInterface
public interface Backends {
  Backend forRequest(FunctionRequest request);

  /**
   * The Databases API at APPWRITE_FUNCTION_API_ENDPOINT, with the execution's own short-lived
   * x-appwrite-key. Asked for only once the request passed its checks (see Edge): a cold
   * container's clients are begun then on another thread, beside the execution's own work, and the
   * store connects on its first call (see DeferredStore).
   */
  static Backends appwrite() {
    return request -> {
      String endpoint = System.getenv("APPWRITE_FUNCTION_API_ENDPOINT");
      String projectId = System.getenv("APPWRITE_FUNCTION_PROJECT_ID");
      AppwriteDocumentStore.prepare(endpoint, projectId);
      Settings settings = Settings.from(System.getenv());
      DeferredStore store = new DeferredStore(() ->
          AppwriteDocumentStore.connect(
              endpoint,
              projectId,
              request.header(FunctionRequest.KEY),
              settings.databaseId(),
              settings.storeTimeout()));
      return new Backend(store, Clock.tickMillis(ZoneOffset.UTC), settings);
    };
  }

  /** Every execution on the same backend: the local runner's embedded database, a test's store. */
  static Backends of(Backend backend) {
    return request -> backend;
  }
}
