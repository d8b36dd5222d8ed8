package id.pijat.chat;

import java.time.Instant;
import java.util.Comparator;

/**
 * One message of a room, as participants read it.
 *
 * @param messageType text, system or bot (seed 001)
 * @param senderRole customer, therapist or system
 * @param clientMessageId the sender's own ID of a text message, null for the system's
 */
public record ChatMessage(
    String id, String roomId, String messageType, String senderRole, String senderId, String text,
    String clientMessageId, Instant createdAt) {

  /**
   * The room's order: by time, then by ID; the closing message last whatever its time (cleanup
   * stamps it with the time its run started, and a message accepted just before the room closed
   * may carry a later time).
   */
  public static final Comparator<ChatMessage> ORDER =
      Comparator.comparing((ChatMessage message) -> message.isClosing())
          .thenComparing(ChatMessage::createdAt)
          .thenComparing(ChatMessage::id);

  public boolean isClosing() {
    return id.startsWith(Chats.CLOSING_PREFIX);
  }
}
