package id.pijat.store.appwrite;

import io.appwrite.Client;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

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
 */
final class SdkClients {
  /** Idle clients kept per endpoint and project; more at once are built and dropped. */
  static final int KEPT = 64;

  private static final Map<String, ConcurrentLinkedDeque<Client>> IDLE = new ConcurrentHashMap<>();

  private SdkClients() {}

  static Client borrow(String endpoint, String projectId) {
    Client idle = idle(endpoint, projectId).pollFirst();
    return idle != null ? idle : new Client(endpoint).setProject(projectId);
  }

  static void giveBack(Client client) {
    ConcurrentLinkedDeque<Client> idle = idle(client.getEndPoint(), client.getConfig().get("project"));
    if (idle.size() < KEPT) {
      idle.offerFirst(client);
    }
  }

  private static ConcurrentLinkedDeque<Client> idle(String endpoint, String projectId) {
    return IDLE.computeIfAbsent(endpoint + " " + projectId, key -> new ConcurrentLinkedDeque<>());
  }
}
