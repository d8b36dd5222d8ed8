package id.pijat.testing;

import id.pijat.chat.Chats;
import id.pijat.model.booking.Booking;
import id.pijat.store.Document;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Chat sessions as acceptTherapist writes them, for cleanup to find; and what a booking's chat holds. */
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

  /** The texts of a booking's messages, oldest first. */
  public static List<String> texts(DocumentStore store, Booking booking) {
    return store.list(Chats.MESSAGES, List.of(Query.equal("bookingId", booking.id()), Query.limit(100))).stream()
        .sorted(Comparator.comparing((Document message) -> message.instant("createdAt")))
        .map(message -> message.string("content"))
        .toList();
  }

  /** The status of a booking's room: active or closed. */
  public static String roomStatus(DocumentStore store, Booking booking) {
    return store.find(Chats.ROOMS, booking.chat().chatRoomId()).orElseThrow().string("status");
  }
}
