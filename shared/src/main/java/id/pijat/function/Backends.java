package id.pijat.function;

import id.pijat.store.appwrite.AppwriteDocumentStore;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * Chooses the backend of an execution. On Appwrite: the Databases API at
 * APPWRITE_FUNCTION_API_ENDPOINT, with the execution's own short-lived x-appwrite-key. The local
 * runner installs its embedded database instead.
 */
public final class Backends {
  private static volatile Function<FunctionRequest, Backend> factory = Backends::appwrite;

  private Backends() {}

  public static Backend forRequest(FunctionRequest request) {
    return factory.apply(request);
  }

  /** For the local runner and tests: every function in this JVM uses what the factory gives. */
  public static void install(Function<FunctionRequest, Backend> replacement) {
    factory = replacement;
  }

  /** The SDK's client is built only when the execution first touches the store (see DeferredStore). */
  private static Backend appwrite(FunctionRequest request) {
    Settings settings = Settings.from(System.getenv());
    DeferredStore store = new DeferredStore(() ->
        AppwriteDocumentStore.connect(
            System.getenv("APPWRITE_FUNCTION_API_ENDPOINT"),
            System.getenv("APPWRITE_FUNCTION_PROJECT_ID"),
            request.header(FunctionRequest.KEY),
            settings.databaseId(),
            settings.storeTimeout()));
    return new Backend(store, Clock.tickMillis(ZoneOffset.UTC), settings);
  }

  /**
   * The execution has answered: whatever of it is still in flight on Appwrite is cancelled and
   * nothing more is sent. An installed backend (the runner's shared embedded store) is left alone.
   */
  static void finish(Backend backend) {
    if (backend != null && backend.store() instanceof DeferredStore execution) {
      execution.close();
    }
  }
}
