package id.pijat.chat;

import id.pijat.model.booking.Booking;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Claims;
import id.pijat.store.Document;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Fanout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chat a booking opens on acceptance: the customer's session with the provider (seed 000: one
 * active session per customer and provider pair, expiring after {@link #SESSION_LIFETIME}), the
 * booking's room, and the system messages in it (seed 001). Every ID is derived from the booking or
 * the pair, so opening or closing twice, or two executions doing it at once, writes each thing once.
 */
public final class Chats {
  public static final String SESSIONS = "chat_sessions";
  public static final String ROOMS = "chat_rooms";
  public static final String MESSAGES = "chat_messages";
  public static final Duration SESSION_LIFETIME = Duration.ofHours(24);
  public static final String CONFIRMED =
      "Your booking is confirmed. The therapist will arrive within 1 hour or less.";
  public static final String CLOSED_CANCELLED = "This booking was cancelled, so this chat is now closed.";
  public static final String CLOSED_FINISHED = "This appointment has ended, so this chat is now closed.";
  static final String SYSTEM = "system";
  /** A guest has no user ID: their side of a chat is named after the booking. */
  static final String GUEST_PREFIX = "guest-";

  private final DocumentStore store;
  private final Fanout fanout;

  /** Its calls one after the other. */
  public Chats(DocumentStore store) {
    this(store, Fanout.SEQUENTIAL);
  }

  /** The room, its messages and the session are written at once. */
  public Chats(DocumentStore store, Fanout fanout) {
    this.store = store;
    this.fanout = fanout;
  }

  /** The IDs the booking's chat has, known before anything is written. */
  public static Booking.ChatRefs refsFor(Booking booking) {
    return new Booking.ChatRefs(
        DocumentIds.derived("room-", booking.id()),
        DocumentIds.derived("cs-", customerId(booking) + "|" + booking.therapistId()));
  }

  /** A guest has no user ID; their side of the chat is the booking's. */
  private static String customerId(Booking booking) {
    return booking.owner().userId() != null ? booking.owner().userId() : GUEST_PREFIX + booking.id();
  }

  /**
   * Opens the chat of an accepted booking; repeating it changes nothing.
   *
   * @param closeAfter when the room closes by itself: six hours after the appointment's end
   */
  public void open(Booking booking, Therapist therapist, Instant closeAfter, Instant now) {
    open(booking, therapist, closeAfter, now, session(booking.chat().chatSessionId()));
  }

  /** The session document under this ID, to pass to {@link #open} when read alongside other things. */
  public Optional<Document> session(String sessionId) {
    return store.find(SESSIONS, sessionId);
  }

  /** As {@link #open}, with the session as read a moment before (by {@link #session}). */
  public void open(Booking booking, Therapist therapist, Instant closeAfter, Instant now, Optional<Document> existingSession) {
    Booking.ChatRefs refs = booking.chat();
    Set<String> readers = readers(booking);
    Map<String, Object> room = new HashMap<>();
    room.put("bookingId", booking.id());
    room.put("customerId", customerId(booking));
    room.put("therapistId", booking.therapistId());
    room.put("status", "active");
    room.put("createdBy", SYSTEM);
    room.put("createdAt", DocumentTimes.format(now));
    room.put("closeAfter", DocumentTimes.format(closeAfter));
    fanout.run(List.of(
        () -> createOnce(ROOMS, refs.chatRoomId(), room, readers),
        () -> message(booking, "confirmed", CONFIRMED, now),
        () -> openSession(booking, therapist, now, readers, existingSession)));
  }

  /** Closes the room with a system message and ends the session if it is this booking's; safe to repeat. */
  public void close(Booking booking, String why, Instant now) {
    Booking.ChatRefs refs = booking.chat();
    if (refs == null) {
      return;
    }
    Fanout.Both<Optional<Document>, Optional<Document>> read =
        fanout.both(() -> room(refs.chatRoomId()), () -> session(refs.chatSessionId()));
    close(booking, why, now, read.first(), read.second());
  }

  /** The room document under this ID, to pass to {@link #close} when read alongside other things. */
  public Optional<Document> room(String roomId) {
    return store.find(ROOMS, roomId);
  }

  /** As {@link #close}, with the room and session as read a moment before. */
  public void close(Booking booking, String why, Instant now, Optional<Document> room, Optional<Document> session) {
    Booking.ChatRefs refs = booking.chat();
    if (refs == null) {
      return;
    }
    List<Runnable> writes = new ArrayList<>();
    if (room.isPresent() && "active".equals(room.get().string("status"))) {
      writes.add(() -> closeRoom(room.get(), why, now));
    }
    if (session.isPresent() && session.get().bool("isActive") && booking.id().equals(session.get().string("bookingId"))) {
      writes.add(() -> store.update(SESSIONS, refs.chatSessionId(), Map.of("isActive", false, "updatedAt", DocumentTimes.format(now))));
    }
    fanout.run(writes);
  }

  /**
   * Writes the closing message and marks the room closed. Of several executions closing one room,
   * exactly one writes the message (its ID is derived from the booking).
   *
   * @return true when this call wrote the closing message
   */
  public boolean closeRoom(Document room, String why, Instant now) {
    String bookingId = room.string("bookingId");
    String customerId = room.string("customerId");
    Set<String> readers = customerId.startsWith(GUEST_PREFIX) ? Set.of() : Set.of(customerId);
    boolean first =
        createOnce(MESSAGES, DocumentIds.derived("msg-closed-", bookingId), systemMessage(room.id(), bookingId, why, now), readers);
    store.update(ROOMS, room.id(), Map.of("status", "closed", "closedAt", DocumentTimes.format(now)));
    return first;
  }

  /**
   * Ends a session past its expiry. Should the pair's next booking reactivate it meanwhile (a new
   * expiry in the future), the session is switched back on: the customer's change wins.
   *
   * @return true when the session stays ended
   */
  public boolean endExpiredSession(String sessionId, Instant now) {
    Document ended = store.update(SESSIONS, sessionId, Map.of("isActive", false, "updatedAt", DocumentTimes.format(now)));
    Instant expiresAt = ended.instant("expiresAt");
    if (expiresAt != null && expiresAt.isAfter(now)) {
      store.update(SESSIONS, sessionId, Map.of("isActive", true));
      return false;
    }
    return true;
  }

  private void openSession(Booking booking, Therapist therapist, Instant now, Set<String> readers, Optional<Document> existing) {
    String sessionId = booking.chat().chatSessionId();
    Map<String, Object> active = new HashMap<>();
    active.put("bookingId", booking.id());
    active.put("chatRoomId", booking.chat().chatRoomId());
    active.put("isActive", true);
    active.put("updatedAt", DocumentTimes.format(now));
    active.put("expiresAt", DocumentTimes.format(now.plus(SESSION_LIFETIME)));
    if (existing.isPresent()) {
      if (!booking.id().equals(existing.get().string("bookingId")) || !existing.get().bool("isActive")) {
        store.update(SESSIONS, sessionId, active);
      }
      return;
    }
    Map<String, Object> session = new HashMap<>(active);
    session.put("sessionId", sessionId);
    session.put("customerId", customerId(booking));
    session.put("customerName", booking.request().customer().name());
    session.put("customerWhatsApp", booking.request().customer().whatsapp().value());
    session.put("providerId", therapist.id());
    session.put("providerName", therapist.name());
    session.put("providerType", therapist.providerType());
    session.put("providerStatus", therapist.status() == null ? "available" : therapist.status());
    session.put("mode", booking.mode().code());
    session.put("pricing60", therapist.pricing().price60());
    session.put("pricing90", therapist.pricing().price90());
    session.put("pricing120", therapist.pricing().price120());
    session.put("discountPercentage", therapist.pricing().discountPercentage());
    session.put("discountActive", therapist.pricing().discountActive());
    session.put("profilePicture", therapist.photo());
    session.put("providerRating", therapist.rating());
    session.put("createdAt", DocumentTimes.format(now));
    if (!createOnce(SESSIONS, sessionId, session, readers)) {
      store.update(SESSIONS, sessionId, active);
    }
  }

  private void message(Booking booking, String event, String text, Instant now) {
    createOnce(
        MESSAGES,
        DocumentIds.derived("msg-" + event + "-", booking.id()),
        systemMessage(booking.chat().chatRoomId(), booking.id(), text, now),
        readers(booking));
  }

  private static Map<String, Object> systemMessage(String roomId, String bookingId, String text, Instant now) {
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

  /** @return false when the document was there already */
  private boolean createOnce(String collection, String id, Map<String, Object> data, Set<String> readers) {
    return Claims.ensure(store, collection, id, data, readers);
  }

  private static Set<String> readers(Booking booking) {
    Set<String> readers = new HashSet<>();
    if (booking.owner().userId() != null) {
      readers.add(booking.owner().userId());
    }
    return readers;
  }
}
