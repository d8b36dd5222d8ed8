package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.chat.ChatCursor;
import id.pijat.chat.ChatMessage;
import id.pijat.chat.ChatMessages;
import id.pijat.chat.ChatRoom;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.chat.ChatActivity;
import id.pijat.model.chat.ChatParticipant;
import id.pijat.model.chat.ChatRole;
import id.pijat.store.Document;
import id.pijat.store.Fanout;
import id.pijat.store.Query;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A participant reads the booking's room (readMessages, README "Chat"): without a cursor the newest
 * page, checked against the booking (two rounds); with the cursor the last answer gave, the
 * messages after it, in one request. The cursor is sealed under the functions' secret and names
 * whom it was given to, so it is trusted without reading the booking again; without a secret
 * configured, each poll reads the booking too, in the same round.
 */
public final class ReadMessages {
  public static final int DEFAULT_LIMIT = 50;

  private final Bookings bookings;
  private final ChatMessages messages;
  private final String secret;
  private final Clock clock;
  private final Fanout fanout;

  /** @param secret CHAT_CURSOR_SECRET, or null when none is configured */
  public ReadMessages(Bookings bookings, ChatMessages messages, String secret, Clock clock, Fanout fanout) {
    this.bookings = bookings;
    this.messages = messages;
    this.secret = secret;
    this.clock = clock;
    this.fanout = fanout;
  }

  /**
   * What a reader sees.
   *
   * @param next the cursor to read on from
   * @param more whether more messages are waiting already (read again at once)
   */
  public record Page(
      String roomId, boolean roomClosed, Instant closedAt, Instant closesAt, ChatActivity activity,
      ChatActivity.Status sessionStatus, List<ChatMessage> messages, String next, boolean more) {}

  /**
   * @param after a cursor from an earlier answer, or null for the newest page
   * @param limit 1 to 100 messages
   */
  public Page read(Caller caller, String bookingId, String after, int limit) {
    return after == null ? newest(caller, bookingId, limit) : since(caller, bookingId, open(after, bookingId), limit);
  }

  private ChatCursor open(String after, String bookingId) {
    ChatCursor cursor;
    try {
      cursor = ChatCursor.open(after, key());
    } catch (IllegalArgumentException e) {
      throw Rejection.invalidInput("after", e.getMessage());
    }
    if (!cursor.bookingId().equals(bookingId)) {
      throw Rejection.invalidInput("after", "is a cursor of another booking");
    }
    return cursor;
  }

  private Page newest(Caller caller, String bookingId, int limit) {
    String roomId = Chats.roomIdOf(bookingId);
    List<Object> read = fanout.all(List.<Supplier<Object>>of(
        () -> bookings.find(bookingId),
        () -> messages.room(bookingId),
        () -> messages.latest(roomId, limit)));
    @SuppressWarnings("unchecked") Booking booking = ((Optional<Booking>) read.get(0))
        .orElseThrow(() -> new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID."));
    ChatParticipant reader = ChatParticipant.of(booking, caller);
    @SuppressWarnings("unchecked") ChatRoom room = ((Optional<ChatRoom>) read.get(1))
        .orElseThrow(() -> new Rejection(ErrorCode.INVALID_STATE, "The chat opens once the booking is accepted."));
    @SuppressWarnings("unchecked") List<ChatMessage> page = (List<ChatMessage>) read.get(2);
    Optional<Document> session = booking.chat() == null ? Optional.empty() : messages.session(booking.chat().chatSessionId());
    ChatActivity activity = ChatMessages.activityIn(session, bookingId);
    Instant closedAt = room.open() ? closingTime(page) : room.closingTime();
    // a full page that reaches back to the room's first message leaves nothing older out
    boolean older = page.size() == limit && !page.get(0).id().equals(Chats.confirmationIdOf(bookingId));
    ChatCursor start = ChatCursor.start(bookingId, room.id(), reader.reader(), room.closeAfter(), page, older, activity);
    return answer(start.after(page, activity, closedAt), page, older);
  }

  private Page since(Caller caller, String bookingId, ChatCursor cursor, int limit) {
    if (!ChatParticipant.mayRead(cursor.reader(), caller)) {
      // like any cursor that does not open: the client reads the newest page again, where who may
      // read the room is checked against the booking (the other participant's cursor is no sign
      // that this caller is not one)
      throw Rejection.invalidInput("after", "is a cursor given to another reader; read the newest page again");
    }
    if (cursor.closed()) {
      // nothing follows the closing message, which this reader has read: no request at all
      return answer(cursor, List.of(), false);
    }
    // one more than can be answered: a full answer then says for sure that more are waiting
    int ask = Math.min(Query.MAX_LIMIT, limit + cursor.seen().size() + 1);
    List<ChatMessage> found;
    if (secret != null) {
      found = messages.since(cursor.roomId(), cursor.from(), ask);
    } else {
      Fanout.Both<Optional<Booking>, List<ChatMessage>> read =
          fanout.both(() -> bookings.find(bookingId), () -> messages.since(cursor.roomId(), cursor.from(), ask));
      ChatParticipant.of(read.first().orElseThrow(() -> new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID.")), caller);
      found = read.second();
    }
    List<ChatMessage> unread = new ArrayList<>(found.stream()
        .filter(message -> !cursor.seen().containsKey(ChatCursor.hashOf(message.id())))
        .toList());
    // the closing message ends the reading: it is answered once nothing else is left to answer
    boolean heldBack = unread.stream().anyMatch(message -> !message.isClosing()) && unread.removeIf(ChatMessage::isClosing);
    boolean more = heldBack || unread.size() > limit || found.size() == ask;
    unread = new ArrayList<>(unread.subList(0, Math.min(limit, unread.size())));
    unread.sort(ChatMessage.ORDER);
    ChatActivity activity = cursor.activity();
    for (ChatMessage message : unread) {
      activity = activity.after(roleOf(message), message.createdAt());
    }
    return answer(cursor.after(unread, activity, closingTime(unread)), unread, more);
  }

  /** When the closing message among these was written, or null. */
  private static Instant closingTime(List<ChatMessage> read) {
    return read.stream().filter(ChatMessage::isClosing).map(ChatMessage::createdAt).findFirst().orElse(null);
  }

  private static ChatRole roleOf(ChatMessage message) {
    for (ChatRole role : ChatRole.values()) {
      if (role.code().equals(message.senderRole())) {
        return role;
      }
    }
    return ChatRole.SYSTEM;
  }

  private Page answer(ChatCursor cursor, List<ChatMessage> page, boolean more) {
    Instant now = clock.instant();
    // past its closing time a room takes no message (sendMessage) though cleanup has not written its
    // closing message yet: it reads as closed from then; the cursor waits for that message all the same
    boolean due = !cursor.closed() && cursor.closeAfter() != null && !now.isBefore(cursor.closeAfter());
    boolean closed = cursor.closed() || due;
    Instant closedAt = due ? cursor.closeAfter() : cursor.closedAt();
    // the time it will close by itself, while it is open
    Instant closesAt = closed ? null : cursor.closeAfter();
    return new Page(cursor.roomId(), closed, closedAt, closesAt, cursor.activity(),
        cursor.activity().status(now, closed), page, cursor.seal(key()), more);
  }

  /** The cursor's key; without a secret it is only a position, and every poll checks the reader against the booking. */
  private String key() {
    return secret == null ? "no secret: the booking is read on every poll" : secret;
  }
}
