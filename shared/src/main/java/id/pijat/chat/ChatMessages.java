package id.pijat.chat;

import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.chat.ChatActivity;
import id.pijat.model.chat.ChatParticipant;
import id.pijat.model.chat.ClientMessageId;
import id.pijat.model.chat.MessageText;
import id.pijat.store.Claims;
import id.pijat.store.Document;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentNotFoundException;
import id.pijat.store.DocumentStore;
import id.pijat.store.DocumentTimes;
import id.pijat.store.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The participants' messages in a booking's room (`chat_messages`), the room as they see it, and the
 * activity the pair's session records (README "Chat").
 */
public final class ChatMessages {
  /**
   * How long after its createdAt a message may still land: its createdAt is taken just before the
   * write, and no execution outlives its function's timeout (15 s in appwrite.json). A poll looks
   * this far behind the newest message it read, so a message landing late is not missed.
   */
  public static final Duration LATE_LANDING = Duration.ofSeconds(20);

  private final DocumentStore store;

  public ChatMessages(DocumentStore store) {
    this.store = store;
  }

  /** A message a send answers, and whether this send wrote it. */
  public record Posted(ChatMessage message, boolean first) {}

  public Optional<ChatRoom> room(String bookingId) {
    return store.find(Chats.ROOMS, Chats.roomIdOf(bookingId)).map(ChatMessages::room);
  }

  private static ChatRoom room(Document room) {
    return new ChatRoom(room.id(), ChatDocuments.bookingOf(room), ChatDocuments.isOpen(room),
        ChatDocuments.closeAfter(room), ChatDocuments.closedAt(room), ChatDocuments.readersOf(room));
  }

  /**
   * The message's ID: the same for the same sender and client message ID in the room, so a retried
   * or doubled send meets the first one's document (Appwrite's one atomic step).
   */
  public static String idOf(String roomId, String senderId, ClientMessageId clientMessageId) {
    return "msg-" + DocumentIds.hashed(roomId + "\n" + senderId + "\n" + clientMessageId.value(), 32);
  }

  public Optional<ChatMessage> find(String messageId) {
    return store.find(Chats.MESSAGES, messageId).map(ChatDocuments::message);
  }

  /**
   * Writes the text message once; a send of the same client message ID answers the one there.
   *
   * @throws Rejection IDEMPOTENCY_CONFLICT when that one says something else
   */
  public Posted post(ChatRoom room, ChatParticipant sender, ClientMessageId clientMessageId, MessageText text, Instant now) {
    String id = idOf(room.id(), sender.senderId(), clientMessageId);
    Map<String, Object> data = ChatDocuments.textMessage(room.id(), room.bookingId(), sender, clientMessageId.value(), text.value(), now);
    if (Claims.ensure(store, Chats.MESSAGES, id, data, room.readers())) {
      return new Posted(ChatDocuments.message(new Document(id, data)), true);
    }
    ChatMessage there = find(id).orElseThrow(() -> new IllegalStateException("a message met under its ID is gone: " + id));
    return new Posted(sameOrConflict(there, text), false);
  }

  /** @throws Rejection IDEMPOTENCY_CONFLICT when the message under the client's ID says something else */
  public static ChatMessage sameOrConflict(ChatMessage there, MessageText text) {
    if (!there.text().equals(text.value())) {
      throw new Rejection(ErrorCode.IDEMPOTENCY_CONFLICT, "This clientMessageId was already used for another message.");
    }
    return there;
  }

  /** Whether the room's closing message is written (it is, before the room is marked closed). */
  public Optional<ChatMessage> closing(String bookingId) {
    return find(Chats.closingMessageIdOf(bookingId));
  }

  /** Takes back a message that landed after the room closed. */
  public void withdraw(String messageId) {
    try {
      store.delete(Chats.MESSAGES, messageId);
    } catch (DocumentNotFoundException alreadyGone) {
      // a doubled send withdrew it first
    }
  }

  /** The newest {@code limit} messages, in the room's order. */
  public List<ChatMessage> latest(String roomId, int limit) {
    List<ChatMessage> page = new ArrayList<>(store.list(Chats.MESSAGES, List.of(
        Query.equal("roomId", roomId), Query.orderDesc("createdAt"), Query.limit(limit)))
        .stream().map(ChatDocuments::message).toList());
    page.sort(ChatMessage.ORDER);
    return page;
  }

  /** At most {@code limit} messages from {@code from} on, by time: one request. */
  public List<ChatMessage> since(String roomId, Instant from, int limit) {
    return store.list(Chats.MESSAGES, List.of(
            Query.equal("roomId", roomId),
            new Query.Compare("createdAt", Query.Comparison.GREATER_THAN_EQUAL, DocumentTimes.format(from)),
            Query.orderAsc("createdAt"),
            Query.limit(limit)))
        .stream().map(ChatDocuments::message).toList();
  }

  /** The session as read, to pass to {@link #recordActivity}; empty when there is none. */
  public Optional<Document> session(String sessionId) {
    return store.find(Chats.SESSIONS, sessionId);
  }

  /**
   * Records a participant's message on the pair's session, if it still serves this booking. Two
   * sends at once read the same session and write the same blocks; a slower one may set the
   * activity back a message, which the next send puts right (it is a record, never a gate).
   */
  public void recordActivity(Optional<Document> session, String bookingId, ChatParticipant sender, Instant at, Instant now) {
    if (session.isEmpty() || !bookingId.equals(session.get().string("bookingId"))) {
      return;
    }
    ChatActivity next = ChatDocuments.activity(session.get(), bookingId).after(sender.role(), at);
    store.update(Chats.SESSIONS, session.get().id(), ChatDocuments.activityOf(bookingId, next, now));
  }

  /** The activity a session document holds for this booking. */
  public static ChatActivity activityIn(Optional<Document> session, String bookingId) {
    return session.map(s -> ChatDocuments.activity(s, bookingId)).orElse(ChatActivity.NONE);
  }
}
