package id.pijat.function;

import id.pijat.model.chat.ClientMessageId;
import id.pijat.model.chat.MessageText;
import id.pijat.store.Query;
import id.pijat.usecase.ReadMessages;
import java.util.Set;

/** Reads the chat functions' request bodies, naming every field that is wrong. */
public final class ChatInput {
  /** The longest cursor a reader can be given (its seen messages included), with room to spare. */
  private static final int MAX_CURSOR_LENGTH = 8192;

  /** sendMessage's request. */
  public record Send(String bookingId, ClientMessageId clientMessageId, MessageText text) {}

  /** readMessages' request; after is null for the newest page. */
  public record Read(String bookingId, String after, int limit) {}

  private ChatInput() {}

  public static Send send(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "clientMessageId", "text", "bookingToken", "userId"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    ClientMessageId clientMessageId = body.string("clientMessageId", true, ClientMessageId::new);
    MessageText text = body.string("text", true, MessageText::new);
    body.finish();
    return new Send(bookingId, clientMessageId, text);
  }

  public static Read read(JsonInput body) {
    body.allowOnly(Set.of("bookingId", "after", "limit", "bookingToken", "userId"));
    String bookingId = FunctionRequest.documentId(body, "bookingId");
    String after = body.string("after", false, cursor -> {
      if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_LENGTH) {
        throw new IllegalArgumentException("must be the `next` of an earlier answer");
      }
      return cursor;
    });
    Integer limit = body.number("limit", false, count -> {
      if (count != Math.rint(count) || count < 1 || count > Query.MAX_LIMIT) {
        throw new IllegalArgumentException("must be a whole number from 1 to " + Query.MAX_LIMIT);
      }
      return (int) count;
    });
    body.finish();
    return new Read(bookingId, after, limit == null ? ReadMessages.DEFAULT_LIMIT : limit);
  }
}
