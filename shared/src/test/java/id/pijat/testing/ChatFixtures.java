package id.pijat.testing;

import id.pijat.chat.Chats;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Chat sessions as acceptTherapist writes them, for cleanup to find. */
public final class ChatFixtures {
  private ChatFixtures() {}

  public static void activeSession(DocumentStore store, String id, Instant expiresAt) {
    Map<String, Object> session = new HashMap<>();
    session.put("sessionId", id);
    session.put("customerId", "customer-" + id);
    session.put("providerId", "ayu");
    session.put("providerName", "Ayu");
    session.put("providerType", "therapist");
    session.put("providerStatus", "available");
    session.put("mode", "immediate");
    session.put("isActive", true);
    session.put("createdAt", DocumentTimes.format(expiresAt.minus(Duration.ofHours(24))));
    session.put("updatedAt", DocumentTimes.format(expiresAt.minus(Duration.ofHours(24))));
    session.put("expiresAt", DocumentTimes.format(expiresAt));
    store.create(Chats.SESSIONS, id, session, Set.of());
  }
}
