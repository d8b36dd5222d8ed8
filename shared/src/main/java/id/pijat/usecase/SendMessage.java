package id.pijat.usecase;

import id.pijat.booking.Bookings;
import id.pijat.chat.ChatMessage;
import id.pijat.chat.ChatMessages;
import id.pijat.chat.ChatRoom;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.RateLimited;
import id.pijat.error.Rejection;
import id.pijat.fairuse.FairUse;
import id.pijat.fairuse.RateCounters;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.chat.ChatParticipant;
import id.pijat.model.chat.ClientMessageId;
import id.pijat.model.chat.MessageText;
import id.pijat.store.Document;
import id.pijat.store.Fanout;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A participant writes into the booking's room (sendMessage, README "Chat"). Three rounds: the
 * booking, the room, the sender's rate counters and the message under its client ID, if sent
 * before; then the message, the counters and the pair's session at once; then whether the room
 * closed meanwhile, with the session's activity. Idempotent by the client's message ID: the message's
 * document ID is derived from it, so a retried or doubled send meets the first one's document.
 */
public final class SendMessage {
  private static final DateTimeFormatter CLOSING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Bookings bookings;
  private final ChatMessages messages;
  private final FairUse fairUse;
  private final Clock clock;
  private final Fanout fanout;

  public SendMessage(Bookings bookings, ChatMessages messages, FairUse fairUse, Clock clock, Fanout fanout) {
    this.bookings = bookings;
    this.messages = messages;
    this.fairUse = fairUse;
    this.clock = clock;
    this.fanout = fanout;
  }

  /** The message sent, and whether this call wrote it (false: it answers the one sent before). */
  public record Sent(ChatMessage message, boolean first) {}

  public Sent send(Caller caller, String bookingId, ClientMessageId clientMessageId, MessageText text) {
    Instant now = clock.instant();
    // the sender's ID is known before the booking is read: a user's own, or a guest's booking (a guest signed in since: below)
    String senderId = caller.userId() != null ? caller.userId() : ChatParticipant.GUEST_PREFIX + bookingId;
    String roomId = Chats.roomIdOf(bookingId);
    String messageId = ChatMessages.idOf(roomId, senderId, clientMessageId);
    List<Object> read = fanout.all(List.<Supplier<Object>>of(
        () -> bookings.find(bookingId),
        () -> messages.room(bookingId),
        () -> fairUse.countMessage(senderId, now),
        () -> messages.find(messageId)));
    @SuppressWarnings("unchecked") Optional<Booking> booking = (Optional<Booking>) read.get(0);
    @SuppressWarnings("unchecked") Optional<ChatRoom> room = (Optional<ChatRoom>) read.get(1);
    RateCounters.Counted counters = (RateCounters.Counted) read.get(2);
    @SuppressWarnings("unchecked") Optional<ChatMessage> sentBefore = (Optional<ChatMessage>) read.get(3);

    Booking found = booking.orElseThrow(() -> new Rejection(ErrorCode.BOOKING_NOT_FOUND, "There is no booking with this ID."));
    ChatParticipant sender = ChatParticipant.of(found, caller);
    if (!sender.senderId().equals(senderId)) {
      // a guest who has signed in since booking writes as the guest, under the guest's message IDs
      sentBefore = messages.find(ChatMessages.idOf(roomId, sender.senderId(), clientMessageId));
    }
    if (sentBefore.isPresent()) {
      return new Sent(ChatMessages.sameOrConflict(sentBefore.get(), text), false);
    }
    ChatRoom open = requireTakesMessages(found, room, now);
    counters.check();

    // the counters are taken with the write: a send over the rate was refused above, before writing
    List<Object> written = fanout.all(List.<Supplier<Object>>of(
        () -> messages.post(open, sender, clientMessageId, text, now),
        () -> raceLost(counters),
        () -> messages.session(found.chat().chatSessionId())));
    ChatMessages.Posted posted = (ChatMessages.Posted) written.get(0);
    RateLimited overRate = (RateLimited) written.get(1);
    @SuppressWarnings("unchecked") Optional<Document> session = (Optional<Document>) written.get(2);
    if (!posted.first()) {
      return new Sent(posted.message(), false);
    }
    if (overRate != null) {
      // sends at once all read the counters below the rate; those past it take their message back
      messages.withdraw(posted.message().id());
      throw overRate;
    }
    Fanout.Both<Optional<ChatMessage>, Boolean> after = fanout.both(
        () -> messages.closing(bookingId),
        () -> recordActivity(session, found, sender, now));
    if (after.first().isPresent()) {
      // the room closed while this message was on its way: the closing message stays the last
      messages.withdraw(posted.message().id());
      throw closed(after.first().get().createdAt());
    }
    return new Sent(posted.message(), true);
  }

  private static ChatRoom requireTakesMessages(Booking booking, Optional<ChatRoom> room, Instant now) {
    if (booking.chat() == null || room.isEmpty()) {
      throw new Rejection(ErrorCode.INVALID_STATE, "The chat opens once the booking is accepted.");
    }
    if (booking.status() == BookingStatus.CANCELLED) {
      throw closed(booking.cancellation().cancelledAt());
    }
    if (!room.get().takesMessages(now)) {
      throw closed(room.get().closingTime());
    }
    return room.get();
  }

  private static Rejection closed(Instant at) {
    return new Rejection(ErrorCode.INVALID_STATE,
        at == null ? "This chat is closed." : "This chat closed at " + CLOSING.format(at) + ".");
  }

  /** Null when this send is counted; the refusal when sends racing it took the rate's last places. */
  private static RateLimited raceLost(RateCounters.Counted counters) {
    try {
      counters.take();
      return null;
    } catch (RateLimited lost) {
      return lost;
    }
  }

  /** Best effort: the activity is a record, and a send never fails for it. */
  private Boolean recordActivity(Optional<Document> session, Booking booking, ChatParticipant sender, Instant now) {
    try {
      messages.recordActivity(session, booking.id(), sender, now, now);
      return true;
    } catch (RuntimeException notRecorded) {
      return false;
    }
  }
}
