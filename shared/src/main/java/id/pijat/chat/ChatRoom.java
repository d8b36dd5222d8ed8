package id.pijat.chat;

import java.time.Instant;
import java.util.Set;

/**
 * A booking's room as the chat functions need it.
 *
 * @param closeAfter when it closes by itself (six hours after the appointment's end)
 * @param closedAt when it was closed, null while open
 * @param readers who reads its documents directly (ChatDocuments#readersOf)
 */
public record ChatRoom(String id, String bookingId, boolean open, Instant closeAfter, Instant closedAt, Set<String> readers) {
  /** Open, and not past its closing time (cleanup closes it within minutes of that). */
  public boolean takesMessages(Instant now) {
    return open && (closeAfter == null || now.isBefore(closeAfter));
  }

  /** When it closed, or closes by itself. */
  public Instant closingTime() {
    return closedAt != null ? closedAt : closeAfter;
  }
}
