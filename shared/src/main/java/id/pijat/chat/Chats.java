package id.pijat.chat;

import id.pijat.booking.Bookings;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.BookingMode;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Claims;
import id.pijat.store.Document;
import id.pijat.store.DocumentIds;
import id.pijat.store.DocumentStore;
import id.pijat.store.Due;
import id.pijat.store.Fanout;
import id.pijat.store.Query;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The chat a booking opens on acceptance: the customer's session with the provider (one active
 * session per customer and provider pair, expiring after {@link #SESSION_LIFETIME}), the booking's
 * room, and the system messages in it (the `chat_*` collections of appwrite.json; their documents in
 * {@link ChatDocuments}). Every ID is derived from the booking or
 * the pair, so opening or closing twice, or two executions doing it at once, writes each thing once.
 */
public final class Chats {
  public static final String SESSIONS = "chat_sessions";
  public static final String ROOMS = "chat_rooms";
  public static final String MESSAGES = "chat_messages";
  public static final Duration SESSION_LIFETIME = Duration.ofHours(24);
  /** How the closing message's ID starts (and no other message's: theirs are "msg-" and hex). */
  static final String CLOSING_PREFIX = "msg-closed-";
  public static final String CONFIRMED =
      "Your booking is confirmed. The therapist will arrive within 1 hour or less.";
  /**
   * A scheduled booking's: "within 1 hour" would be wrong for tomorrow's appointment. It promises no
   * reminder: none comes when reminders are off (REMINDER_BEFORE_MINUTES=0) or the therapist is there first.
   */
  public static final String CONFIRMED_SCHEDULED = "Your booking is confirmed. The therapist will arrive at the time you booked.";
  public static final String CLOSED_CANCELLED = "This booking was cancelled, so this chat is now closed.";
  public static final String CLOSED_FINISHED = "This appointment has ended, so this chat is now closed.";

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

  /** Open rooms past their closing time. */
  public static Due roomsToClose(Instant now) {
    return Due.by(ROOMS, "closeAfter", now, Query.equal("status", "active"));
  }

  /** Active sessions past their expiry. */
  public static Due sessionsExpired(Instant now) {
    return Due.by(SESSIONS, "expiresAt", now, Query.equal("isActive", true));
  }

  /** The room a booking opens on acceptance, known from the booking's ID alone. */
  public static String roomIdOf(String bookingId) {
    return DocumentIds.derived("room-", bookingId);
  }

  /** The system message that closes the booking's room: the last message of the room. */
  public static String closingMessageIdOf(String bookingId) {
    return DocumentIds.derived(CLOSING_PREFIX, bookingId);
  }

  /** The room's first message: the confirmation the acceptance posts as it opens the room. */
  public static String confirmationIdOf(String bookingId) {
    return systemMessageIdOf("confirmed", bookingId);
  }

  private static String systemMessageIdOf(String event, String bookingId) {
    return DocumentIds.derived("msg-" + event + "-", bookingId);
  }

  /** The IDs the booking's chat has, known before anything is written. */
  public static Booking.ChatRefs refsFor(Booking booking) {
    return new Booking.ChatRefs(roomIdOf(booking.id()), sessionIdOf(ChatDocuments.customerId(booking), booking.therapistId()));
  }

  /** The pair's session: one per customer (a user, or a guest's {@code guest-<bookingId>}) and therapist. */
  public static String sessionIdOf(String customerId, String therapistId) {
    return DocumentIds.derived("cs-", customerId + "|" + therapistId);
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
    Set<String> readers = booking.chatReaders();
    fanout.run(List.of(
        () -> createOnce(ROOMS, refs.chatRoomId(), ChatDocuments.room(booking, closeAfter, now), readers),
        () -> post(booking, "confirmed", booking.mode() == BookingMode.SCHEDULED ? CONFIRMED_SCHEDULED : CONFIRMED, now),
        () -> openSession(booking, therapist, now, readers, existingSession)));
  }

  /**
   * Closes the room with a system message, and ends the session if it is this booking's, erasing the
   * customer's WhatsApp number from it; safe to repeat.
   */
  public void close(Booking booking, String why, Instant now) {
    Booking.ChatRefs refs = booking.chat();
    if (refs == null) {
      return;
    }
    Fanout.Both<Optional<Document>, Optional<Document>> read =
        fanout.both(() -> room(refs.chatRoomId()), () -> session(refs.chatSessionId()));
    close(booking, why, now, read.first(), read.second());
  }

  /**
   * Whether an acceptance had finished opening this booking's chat when its room and session were
   * read: until then a close from that read would miss what the acceptance is still writing.
   */
  public static boolean isOpened(Booking booking, Optional<Document> room, Optional<Document> session) {
    return room.isPresent() && session.filter(opened -> ChatDocuments.isActiveFor(opened, booking)).isPresent();
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
    if (room.isPresent() && ChatDocuments.isOpen(room.get())) {
      writes.add(() -> closeRoom(room.get(), why, now));
    }
    if (session.isPresent() && ChatDocuments.holdsContactOf(session.get(), booking)) {
      // the therapist reads the session for good: the customer's number leaves it with the booking
      writes.add(() -> letSessionGo(booking, session.get(), ChatDocuments.endedSession(now), now));
    }
    fanout.run(writes);
  }

  /**
   * Erases the customer's WhatsApp number from the pair's session when the booking is over but its
   * room stays open (a completion: the room closes hours later); safe to repeat.
   */
  public void forgetContact(Booking booking) {
    Booking.ChatRefs refs = booking.chat();
    if (refs == null) {
      return;
    }
    Optional<Document> session = session(refs.chatSessionId());
    if (session.isPresent() && ChatDocuments.holdsContactOf(session.get(), booking)) {
      letSessionGo(booking, session.get(), ChatDocuments.withoutContact(), null);
    }
  }

  /**
   * The pair's session lets this booking go, which it served: it ends ({@code ending}), unless the
   * pair has another booking still active (tonight's, when tomorrow's took the session over and was
   * cancelled first), which it then serves again, with that booking's number and room. Only a session
   * that served an earlier booking looks (one list); should that booking end meanwhile, its own
   * ending may have found the session still this one's, so it is read again and the number goes.
   */
  private void letSessionGo(Booking booking, Document session, Map<String, Object> ending, Instant now) {
    Optional<Booking> other = ChatDocuments.servedAnEarlierBooking(session, SESSION_LIFETIME)
        ? otherActiveBookingOfPair(booking)
        : Optional.empty();
    if (other.isEmpty()) {
      store.update(SESSIONS, session.id(), ending);
      return;
    }
    store.update(SESSIONS, session.id(), ChatDocuments.servingAgain(other.get(), now));
    boolean stillActive = store.find(Bookings.COLLECTION, other.get().id())
        .map(Bookings::asListed)
        .filter(again -> again.status() == BookingStatus.ACTIVE)
        .isPresent();
    if (!stillActive) {
      store.update(SESSIONS, session.id(), ending);
    }
  }

  /** A signed-in customer's other active booking with the same therapist, as the documents stand. */
  private Optional<Booking> otherActiveBookingOfPair(Booking booking) {
    String userId = booking.owner().userId();
    if (userId == null || booking.therapistId() == null) {
      return Optional.empty();
    }
    return store.list(Bookings.COLLECTION, Bookings.activeOfPair(userId, booking.therapistId())).stream()
        .map(Bookings::asListed)
        .filter(other -> !other.id().equals(booking.id()) && other.chat() != null)
        .findFirst();
  }

  /**
   * Writes the closing message and marks the room closed. Of several executions closing one room,
   * exactly one writes the message (its ID is derived from the booking).
   *
   * @return true when this call wrote the closing message
   */
  public boolean closeRoom(Document room, String why, Instant now) {
    String bookingId = ChatDocuments.bookingOf(room);
    boolean first = createOnce(
        MESSAGES,
        closingMessageIdOf(bookingId),
        ChatDocuments.systemMessage(room.id(), bookingId, why, now),
        ChatDocuments.readersOf(room));
    store.update(ROOMS, room.id(), ChatDocuments.closedRoom(now));
    return first;
  }

  /**
   * Ends a session past its expiry. Should the pair's next booking reactivate it meanwhile (a new
   * expiry in the future), the session is switched back on, with that booking's number while it is
   * active: the customer's change wins.
   *
   * @return true when the session stays ended
   */
  public boolean endExpiredSession(String sessionId, Instant now) {
    Document ended = store.update(SESSIONS, sessionId, ChatDocuments.endedSession(now));
    Instant expiresAt = ChatDocuments.expiresAt(ended);
    if (expiresAt != null && expiresAt.isAfter(now)) {
      // the ending above erased the number the reactivating booking had put there: while that
      // booking is active the session serves it again, number and all
      Optional<Booking> serving = Optional.ofNullable(ended.string("bookingId"))
          .flatMap(bookingId -> store.find(Bookings.COLLECTION, bookingId))
          .map(Bookings::asListed)
          .filter(booking -> booking.status() == BookingStatus.ACTIVE && booking.chat() != null);
      store.update(SESSIONS, sessionId, serving.map(booking -> ChatDocuments.servingAgain(booking, now)).orElse(ChatDocuments.activeAgain()));
      return false;
    }
    return true;
  }

  private void openSession(Booking booking, Therapist therapist, Instant now, Set<String> readers, Optional<Document> existing) {
    String sessionId = booking.chat().chatSessionId();
    Map<String, Object> active = ChatDocuments.activeSession(booking, now, now.plus(SESSION_LIFETIME));
    if (existing.isPresent()) {
      if (!ChatDocuments.isActiveFor(existing.get(), booking)) {
        store.update(SESSIONS, sessionId, active);
      }
      return;
    }
    if (!createOnce(SESSIONS, sessionId, ChatDocuments.newSession(booking, therapist, active, now), readers)) {
      store.update(SESSIONS, sessionId, active);
    }
  }

  /**
   * Posts a system message about an event of the booking into its room, once: the message's ID is
   * derived from the booking and the event, so a repeat, or two executions at once, write it once.
   *
   * @return false when the message was there already
   */
  public boolean post(Booking booking, String event, String text, Instant now) {
    return createOnce(
        MESSAGES,
        systemMessageIdOf(event, booking.id()),
        ChatDocuments.systemMessage(booking.chat().chatRoomId(), booking.id(), text, now),
        booking.chatReaders());
  }

  /** @return false when the document was there already */
  private boolean createOnce(String collection, String id, Map<String, Object> data, Set<String> readers) {
    return Claims.ensure(store, collection, id, data, readers);
  }
}
