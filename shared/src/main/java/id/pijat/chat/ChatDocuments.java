package id.pijat.chat;

import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Owner;
import id.pijat.model.chat.ChatActivity;
import id.pijat.model.chat.ChatParticipant;
import id.pijat.model.chat.ChatRole;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Document;
import id.pijat.store.DocumentTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** How a booking's chat is written in `chat_rooms`, `chat_messages` and `chat_sessions` (appwrite.json). */
final class ChatDocuments {
  static final String SYSTEM = "system";
  /** A guest has no user ID: their side of a chat is named after the booking. */
  static final String GUEST_PREFIX = "guest-";
  static final String ACTIVE = "active";
  static final String CLOSED = "closed";

  private ChatDocuments() {}

  /** The customer's side of the chat: their user ID, or for a guest the booking's. */
  static String customerId(Booking booking) {
    return booking.owner().userId() != null ? booking.owner().userId() : GUEST_PREFIX + booking.id();
  }

  /**
   * Who reads a room's documents directly, from the customer and the therapist's user it names: the
   * booking's {@link Booking#chatReaders} as they were when the room opened.
   */
  static Set<String> readersOf(Document room) {
    String customerId = room.string("customerId");
    Set<String> readers = new HashSet<>(Owner.readersFor(customerId.startsWith(GUEST_PREFIX) ? null : customerId));
    String therapistUserId = room.string("therapistUserId");
    if (therapistUserId != null) {
      readers.add(therapistUserId);
    }
    return Set.copyOf(readers);
  }

  static boolean isOpen(Document room) {
    return ACTIVE.equals(room.string("status"));
  }

  static String bookingOf(Document room) {
    return room.string("bookingId");
  }

  static Map<String, Object> room(Booking booking, Instant closeAfter, Instant now) {
    Map<String, Object> room = new HashMap<>();
    room.put("bookingId", booking.id());
    room.put("customerId", customerId(booking));
    room.put("therapistId", booking.therapistId());
    room.put("therapistUserId", booking.therapistUserId());
    room.put("status", ACTIVE);
    room.put("createdBy", SYSTEM);
    room.put("createdAt", DocumentTimes.format(now));
    room.put("closeAfter", DocumentTimes.format(closeAfter));
    return room;
  }

  static Map<String, Object> closedRoom(Instant now) {
    return Map.of("status", CLOSED, "closedAt", DocumentTimes.format(now));
  }

  static Map<String, Object> systemMessage(String roomId, String bookingId, String text, Instant now) {
    Map<String, Object> message = new HashMap<>();
    message.put("roomId", roomId);
    message.put("bookingId", bookingId);
    message.put("senderId", SYSTEM);
    message.put("content", text);
    message.put("messageType", SYSTEM);
    message.put("isSystemMessage", true);
    message.put("createdAt", DocumentTimes.format(now));
    return message;
  }

  /** Whether the session is active for this booking (a pair's session moves on to their next booking). */
  static boolean isActiveFor(Document session, Booking booking) {
    return session.bool("isActive") && booking.id().equals(session.string("bookingId"));
  }

  /**
   * Whether the session still serves this booking, active or expired meanwhile, with the customer's
   * number on it: the pair's next booking takes the session over with its own.
   */
  static boolean holdsContactOf(Document session, Booking booking) {
    return booking.id().equals(session.string("bookingId"))
        && (session.bool("isActive") || session.string("customerWhatsApp") != null);
  }

  /**
   * What makes a pair's session active for this booking, for the next 24 hours; the customer's number
   * is on it while the booking is active (the therapist reads the session).
   */
  static Map<String, Object> activeSession(Booking booking, Instant now, Instant expiresAt) {
    Map<String, Object> active = new HashMap<>();
    active.put("bookingId", booking.id());
    active.put("customerWhatsApp", booking.request().customer().whatsapp().value());
    active.put("chatRoomId", booking.chat().chatRoomId());
    active.put("isActive", true);
    active.put("updatedAt", DocumentTimes.format(now));
    active.put("expiresAt", DocumentTimes.format(expiresAt));
    return active;
  }

  /** No longer active, and without the customer's number (which only an active booking shares). */
  static Map<String, Object> endedSession(Instant now) {
    Map<String, Object> ended = new HashMap<>(withoutContact());
    ended.put("isActive", false);
    ended.put("updatedAt", DocumentTimes.format(now));
    return ended;
  }

  /** The customer's number erased (a null clears the attribute, see DocumentStore). */
  static Map<String, Object> withoutContact() {
    Map<String, Object> erased = new HashMap<>();
    erased.put("customerWhatsApp", null);
    return erased;
  }

  /**
   * Whether the session has served a booking before its current one: it was made active again (its
   * expiry set anew) after it was created. A session only its first booking used serves no other.
   */
  static boolean servedAnEarlierBooking(Document session, Duration lifetime) {
    Instant createdAt = session.instant("createdAt");
    Instant expiresAt = session.instant("expiresAt");
    return createdAt == null || expiresAt == null || !expiresAt.minus(lifetime).equals(createdAt);
  }

  /** The pair's session serving another of their bookings, still active, again: its number and room. */
  static Map<String, Object> servingAgain(Booking booking, Instant now) {
    Map<String, Object> active = new HashMap<>();
    active.put("bookingId", booking.id());
    active.put("customerWhatsApp", booking.request().customer().whatsapp().value());
    active.put("chatRoomId", booking.chat().chatRoomId());
    active.put("isActive", true);
    if (now != null) {
      active.put("updatedAt", DocumentTimes.format(now));
    }
    return active;
  }

  static Map<String, Object> activeAgain() {
    return Map.of("isActive", true);
  }

  static Instant expiresAt(Document session) {
    return session.instant("expiresAt");
  }

  /** A new session of the pair: the customer, the provider as they are now, and the booking. */
  static Map<String, Object> newSession(Booking booking, Therapist therapist, Map<String, Object> active, Instant now) {
    Map<String, Object> session = new HashMap<>(active);
    session.put("sessionId", booking.chat().chatSessionId());
    session.put("customerId", customerId(booking));
    session.put("customerName", booking.request().customer().name());
    session.put("providerId", therapist.id());
    session.put("providerName", therapist.name());
    session.put("providerType", therapist.providerType());
    session.put("providerStatus", therapist.status() == null ? Therapist.AVAILABLE : therapist.status());
    session.put("mode", booking.mode().code());
    session.put("pricing60", therapist.pricing().price60());
    session.put("pricing90", therapist.pricing().price90());
    session.put("pricing120", therapist.pricing().price120());
    session.put("discountPercentage", therapist.pricing().discountPercentage());
    session.put("discountActive", therapist.pricing().discountActive());
    session.put("profilePicture", therapist.photo());
    session.put("providerRating", therapist.rating());
    session.put("createdAt", DocumentTimes.format(now));
    return session;
  }

  static Instant closeAfter(Document room) {
    return room.instant("closeAfter");
  }

  static Instant closedAt(Document room) {
    return room.instant("closedAt");
  }

  static Map<String, Object> textMessage(
      String roomId, String bookingId, ChatParticipant sender, String clientMessageId, String text, Instant now) {
    Map<String, Object> message = new HashMap<>();
    message.put("roomId", roomId);
    message.put("bookingId", bookingId);
    message.put("senderId", sender.senderId());
    message.put("senderRole", sender.role().code());
    message.put("clientMessageId", clientMessageId);
    message.put("content", text);
    message.put("messageType", "text");
    message.put("isSystemMessage", false);
    message.put("createdAt", DocumentTimes.format(now));
    return message;
  }

  /** A message as stored; the system messages written before senderRole existed are the system's. */
  static ChatMessage message(Document document) {
    String type = document.string("messageType");
    String role = document.string("senderRole");
    return new ChatMessage(
        document.id(),
        document.string("roomId"),
        type,
        role != null ? role : SYSTEM.equals(type) ? ChatRole.SYSTEM.code() : null,
        document.string("senderId"),
        document.string("content"),
        document.string("clientMessageId"),
        document.instant("createdAt"));
  }

  /** The session's activity for this booking; none when the pair's session counts another booking's. */
  static ChatActivity activity(Document session, String bookingId) {
    if (!bookingId.equals(session.string("activityBookingId"))) {
      return ChatActivity.NONE;
    }
    Long blocks = session.longValue("activeBlocks");
    return new ChatActivity(
        session.instant("lastActivityAt"),
        session.bool("customerWrote"),
        session.bool("therapistWrote"),
        blocks == null ? 0 : blocks.intValue(),
        session.instant("blockStartedAt"));
  }

  static Map<String, Object> activityOf(String bookingId, ChatActivity activity, Instant now) {
    Map<String, Object> changes = new HashMap<>();
    changes.put("activityBookingId", bookingId);
    changes.put("lastActivityAt", DocumentTimes.format(activity.lastActivityAt()));
    changes.put("customerWrote", activity.customerWrote());
    changes.put("therapistWrote", activity.therapistWrote());
    changes.put("activeBlocks", activity.activeBlocks());
    changes.put("blockStartedAt", DocumentTimes.format(activity.blockStartedAt()));
    changes.put("updatedAt", DocumentTimes.format(now));
    return changes;
  }
}
