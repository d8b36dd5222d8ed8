package id.pijat.store.appwrite;

import io.appwrite.Client;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Supplier;

/**
 * The SDK's clients of a warm container, each lent to one execution at a time. The SDK's
 * constructor builds an OkHttp client of its own, trust roots indexed anew, that the store
 * replaces at once with its view of the shared one: measured in a warm checkSearchStatus, that
 * constructor was over a third of the function's own CPU time. So a client is built once per
 * execution running at the same moment, and lent again; each borrower sets its own key and HTTP
 * view before its first call.
 *
 * <p>A client is given back only when its execution has answered and its store refuses calls, and
 * every call of that execution was made on a thread the execution waited for (see Fanout): no call
 * of an earlier execution can go out under a later one's key.
 *
 * <p>A cold container's first client is begun ahead ({@link #prepare}): its constructor loads the
 * JDK's trust roots, a few hundred milliseconds that then run beside the execution's own work.
 */
final class SdkClients {
  /** Idle clients kept per endpoint and project; more at once are built and dropped. */
  static final int KEPT = 64;

  private static final Map<String, ConcurrentLinkedDeque<Client>> IDLE = new ConcurrentHashMap<>();
  /** Clients being built ahead, at most one per endpoint and project, taken by the next borrower. */
  private static final Map<String, CompletableFuture<Client>> AHEAD = new ConcurrentHashMap<>();

  private SdkClients() {}

  /**
   * Begins building a client on another thread when none is idle and none is on its way: for an
   * execution that will call Appwrite soon and has its own work to do first.
   *
   * @param build makes the client (with whatever else its first call needs)
   */
  static void prepare(String endpoint, String projectId, Supplier<Client> build) {
    if (!idle(endpoint, projectId).isEmpty()) {
      return;
    }
    CompletableFuture<Client> built = new CompletableFuture<>();
    if (AHEAD.putIfAbsent(key(endpoint, projectId), built) != null) {
      return;
    }
    Thread builder = new Thread(() -> {
      try {
        built.complete(build.get());
      } catch (RuntimeException | Error failed) {
        built.completeExceptionally(failed);
      }
    }, "appwrite-client-ahead");
    builder.setDaemon(true);
    builder.start();
  }

  static Client borrow(String endpoint, String projectId) {
    Client idle = idle(endpoint, projectId).pollFirst();
    if (idle != null) {
      return idle;
    }
    CompletableFuture<Client> ahead = AHEAD.remove(key(endpoint, projectId));
    if (ahead != null) {
      try {
        return ahead.join();
      } catch (CompletionException failed) {
        // built again below, where the failure shows on the execution's own thread
      }
    }
    return new Client(endpoint).setProject(projectId);
  }

  static void giveBack(Client client) {
    ConcurrentLinkedDeque<Client> idle = idle(client.getEndPoint(), client.getConfig().get("project"));
    if (idle.size() < KEPT) {
      idle.offerFirst(client);
    }
  }

  private static ConcurrentLinkedDeque<Client> idle(String endpoint, String projectId) {
    return IDLE.computeIfAbsent(key(endpoint, projectId), key -> new ConcurrentLinkedDeque<>());
  }

  private static String key(String endpoint, String projectId) {
    return endpoint + " " + projectId;
  }
}
