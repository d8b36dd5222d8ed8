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
   * x-appwrite-key. The SDK's client is built only when the execution first touches the store (see
   * DeferredStore).
   */
  static Backends appwrite() {
    return request -> {
      Settings settings = Settings.from(System.getenv());
      DeferredStore store = new DeferredStore(() ->
          AppwriteDocumentStore.connect(
              System.getenv("APPWRITE_FUNCTION_API_ENDPOINT"),
              System.getenv("APPWRITE_FUNCTION_PROJECT_ID"),
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
