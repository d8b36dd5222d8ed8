package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.chat.ChatMessage;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.RateLimited;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingToken;
import id.pijat.model.booking.Caller;
import id.pijat.model.chat.ChatActivity;
import id.pijat.model.chat.ClientMessageId;
import id.pijat.model.chat.MessageText;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.DocumentTimes;
import id.pijat.store.FaultyStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The chat after an acceptance (README "Chat"): who may write and read a booking's room, a send
 * made once however often it is sent, the closed room, the poll after a cursor, and the activity.
 */
class ChatTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller AYU = Caller.user("therapist-ayu");
  private static final Caller MADE = Caller.user("therapist-made");
  private static final Caller STRANGER = Caller.user("eko");
  private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private final Backend backend =
      new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off", "CHAT_CURSOR_SECRET", SECRET)));
  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @BeforeEach
  void ayuNearestAndMadeFartherEachSignedIn() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    TherapistFixtures.belongsTo(data, "ayu", "therapist-ayu");
    TherapistFixtures.belongsTo(data, "made", "therapist-made");
  }

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  private Booking accepted(Caller caller) {
    Booking booking = backend.createBooking().create(caller, BookingRequests.at(SEMINYAK), null).booking();
    Booking offer = backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    Booking active = backend.acceptTherapist().accept(caller, offer.id(), offer.therapistId());
    // messages of one millisecond are ordered by ID: the participants write after the confirmation
    clock.advance(Duration.ofSeconds(1));
    return active;
  }

  private SendMessage.Sent send(Caller caller, Booking booking, String clientId, String text) {
    return backend.sendMessage().send(caller, booking.id(), new ClientMessageId(clientId), new MessageText(text));
  }

  private ReadMessages.Page read(Caller caller, Booking booking) {
    return backend.readMessages().read(caller, booking.id(), null, ReadMessages.DEFAULT_LIMIT);
  }

  private ReadMessages.Page poll(Caller caller, Booking booking, ReadMessages.Page after) {
    return backend.readMessages().read(caller, booking.id(), after.next(), ReadMessages.DEFAULT_LIMIT);
  }

  private static List<String> texts(ReadMessages.Page page) {
    return page.messages().stream().map(ChatMessage::text).toList();
  }

  private static void assertRefused(ErrorCode code, Executable call) {
    assertEquals(code, assertThrows(Rejection.class, call).code());
  }

  private int messagesInRoom(Booking booking) {
    return data.list(Chats.MESSAGES, List.of(Query.equal("roomId", booking.chat().chatRoomId()), Query.limit(100))).size();
  }

  @Test
  void theCustomerAndTheEngagedTherapistWriteAndBothReadTheRoomInOrder() {
    Booking booking = accepted(BUDI);
    send(BUDI, booking, "c-1", "I'm at the blue gate");
    clock.advance(Duration.ofSeconds(30));
    SendMessage.Sent reply = send(AYU, booking, "t-1", "On my way, 10 minutes");

    assertTrue(reply.first());
    assertEquals("therapist", reply.message().senderRole());
    assertEquals("therapist-ayu", reply.message().senderId());
    assertEquals("text", reply.message().messageType());
    List<String> room = List.of(Chats.CONFIRMED, "I'm at the blue gate", "On my way, 10 minutes");
    assertEquals(room, texts(read(BUDI, booking)));
    assertEquals(room, texts(read(AYU, booking)));
    assertEquals(List.of("system", "customer", "therapist"),
        read(AYU, booking).messages().stream().map(ChatMessage::senderRole).toList());
  }

  @Test
  void bothParticipantsReadEachMessageDirectlyAsTheRoomSays() {
    Booking booking = accepted(BUDI);
    SendMessage.Sent sent = send(BUDI, booking, "c-1", "Hello");

    assertEquals(Set.of("budi", "therapist-ayu"), data.readers(Chats.MESSAGES, sent.message().id()));
  }

  @Test
  void aGuestWithTheTokenWritesAndReadsAndWithoutItIsDenied() {
    Caller anonymous = Caller.guest(null);
    BookingToken anotherGuests = backend.createBooking().create(anonymous, BookingRequests.at(SEMINYAK), null).token();
    var created = backend.createBooking().create(anonymous, BookingRequests.at(offset(SEMINYAK, 0, 1)), null);
    Caller guest = Caller.guest(created.token());
    Booking offer = backend.searchTherapists().search(guest, created.booking().id(), SearchConfig.DEFAULT, null, false).booking();
    Booking active = backend.acceptTherapist().accept(guest, offer.id(), offer.therapistId());
    clock.advance(Duration.ofSeconds(1));

    SendMessage.Sent sent = send(guest, active, "g-1", "Please ring twice");

    assertEquals("customer", sent.message().senderRole());
    assertEquals("guest-" + active.id(), sent.message().senderId());
    assertEquals(List.of(Chats.CONFIRMED, "Please ring twice"), texts(read(guest, active)));
    assertEquals(Set.of("therapist-" + offer.therapistId()), data.readers(Chats.MESSAGES, sent.message().id()));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> send(anonymous, active, "g-2", "no token"));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> send(Caller.guest(anotherGuests), active, "g-2", "another booking's token"));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> read(Caller.guest(anotherGuests), active));
    // signed in since booking, the guest still holds the token: the same participant, cursor and all
    Caller signedInSince = new Caller("budi-later", created.token(), null);
    ReadMessages.Page page = read(signedInSince, active);
    assertEquals(List.of(Chats.CONFIRMED, "Please ring twice"), texts(page));
    assertEquals(List.of(), texts(poll(signedInSince, active, page)));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> read(Caller.user("budi-later"), active));
  }

  @Test
  void aStrangerAndTheTherapistOfAnotherBookingAreDeniedAndWriteNothing() {
    Booking budis = accepted(BUDI);
    Booking sitis = accepted(Caller.user("siti"));
    assertEquals("made", sitis.therapistId());

    assertRefused(ErrorCode.PERMISSION_DENIED, () -> send(STRANGER, budis, "s-1", "hi"));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> send(MADE, budis, "m-1", "hi"));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> read(STRANGER, budis));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> read(MADE, budis));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> send(AYU, sitis, "a-1", "hi"));
    assertEquals(1, messagesInRoom(budis));
  }

  @Test
  void aBookingNobodyAcceptedHasNoChatYet() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();

    assertRefused(ErrorCode.INVALID_STATE, () -> send(BUDI, booking, "c-1", "hello?"));
    assertRefused(ErrorCode.INVALID_STATE, () -> read(BUDI, booking));
    assertRefused(ErrorCode.BOOKING_NOT_FOUND, () -> backend.sendMessage().send(BUDI, "nope", new ClientMessageId("c-1"), new MessageText("x")));
  }

  @Test
  void aRetriedSendAnswersTheFirstMessageAndMakesNoSecond() {
    Booking booking = accepted(BUDI);
    SendMessage.Sent first = send(BUDI, booking, "c-1", "Hello");
    clock.advance(Duration.ofSeconds(3));

    SendMessage.Sent again = send(BUDI, booking, "c-1", "Hello");

    assertFalse(again.first());
    assertEquals(first.message(), again.message());
    assertEquals(2, messagesInRoom(booking));
  }

  @Test
  void theSameClientIdFromTheOtherParticipantIsTheirOwnMessage() {
    Booking booking = accepted(BUDI);
    send(BUDI, booking, "1", "Hello");

    assertTrue(send(AYU, booking, "1", "Hello").first());
    assertEquals(3, messagesInRoom(booking));
  }

  @Test
  void aClientIdReusedForAnotherTextIsAConflict() {
    Booking booking = accepted(BUDI);
    send(BUDI, booking, "c-1", "Hello");

    assertRefused(ErrorCode.IDEMPOTENCY_CONFLICT, () -> send(BUDI, booking, "c-1", "Goodbye"));
  }

  @Test
  void identicalSendsAtOnceMakeOneMessageAndDifferentOnesEachTheirOwnInOneOrder() throws Exception {
    Booking booking = accepted(BUDI);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<SendMessage.Sent>> sends = new ArrayList<>();
    for (int n = 0; n < 8; n++) {
      sends.add(() -> {
        start.await();
        return send(BUDI, booking, "same", "Only once");
      });
    }
    for (int n = 0; n < 6; n++) {
      Caller who = n % 2 == 0 ? BUDI : AYU;
      String id = "m-" + n;
      sends.add(() -> {
        start.await();
        return send(who, booking, id, "message " + id);
      });
    }
    List<Future<SendMessage.Sent>> answers = new ArrayList<>();
    for (Callable<SendMessage.Sent> call : sends) {
      answers.add(threads.submit(call));
    }
    start.countDown();
    List<SendMessage.Sent> sent = new ArrayList<>();
    for (Future<SendMessage.Sent> answer : answers) {
      sent.add(answer.get());
    }

    assertEquals(1, sent.subList(0, 8).stream().filter(SendMessage.Sent::first).count());
    assertEquals(1, sent.subList(0, 8).stream().map(s -> s.message().id()).distinct().count());
    assertEquals(1 + 1 + 6, messagesInRoom(booking));
    ReadMessages.Page customer = read(BUDI, booking);
    assertEquals(8, customer.messages().size());
    assertEquals(customer.messages(), read(AYU, booking).messages(), "both read one order");
  }

  @Test
  void aCancelledBookingsRoomRefusesMessagesNamingWhenItClosedAndItsClosingMessageStaysLast() {
    Booking booking = accepted(BUDI);
    send(AYU, booking, "t-1", "On my way");
    clock.advance(Duration.ofMinutes(2));
    backend.cancelBooking().cancel(BUDI, booking.id(), null);
    clock.advance(Duration.ofMinutes(1));

    Rejection refused = assertThrows(Rejection.class, () -> send(AYU, booking, "t-2", "Hello?"));

    assertEquals(ErrorCode.INVALID_STATE, refused.code());
    assertEquals("This chat closed at 2026-11-23 03:02 UTC.", refused.getMessage());
    ReadMessages.Page page = read(BUDI, booking);
    assertEquals("closed", page.roomClosed() ? "closed" : "active");
    assertEquals(Chats.CLOSED_CANCELLED, page.messages().get(page.messages().size() - 1).text());
    assertEquals(ChatActivity.Status.ENDED, page.sessionStatus());
    assertNull(page.closesAt(), "a closed room has no closing time ahead");
  }

  @Test
  void aRoomPastItsClosingTimeRefusesMessagesBeforeCleanupClosesIt() {
    Booking booking = accepted(BUDI);
    Instant closesAt = read(BUDI, booking).closesAt();
    clock.set(closesAt.plusSeconds(1));

    Rejection refused = assertThrows(Rejection.class, () -> send(BUDI, booking, "c-1", "Thanks!"));

    assertEquals(ErrorCode.INVALID_STATE, refused.code());
    assertTrue(refused.getMessage().startsWith("This chat closed at "), refused.getMessage());
  }

  @Test
  void aRoomPastItsClosingTimeReadsAsClosedAsSendingFindsItAndCleanupsClosingMessageStillFollows() {
    Booking booking = accepted(BUDI);
    ReadMessages.Page open = read(AYU, booking);
    Instant closesAt = open.closesAt();
    clock.set(closesAt.plusSeconds(1));

    ReadMessages.Page newest = read(BUDI, booking);
    ReadMessages.Page polled = poll(AYU, booking, open);

    for (ReadMessages.Page page : List.of(newest, polled)) {
      assertTrue(page.roomClosed(), "sendMessage refuses it already");
      assertEquals(closesAt, page.closedAt());
      assertNull(page.closesAt());
      assertEquals(ChatActivity.Status.ENDED, page.sessionStatus());
    }
    clock.advance(Duration.ofMinutes(3));
    backend.chats().closeRoom(data.find(Chats.ROOMS, booking.chat().chatRoomId()).orElseThrow(), Chats.CLOSED_FINISHED, clock.instant());
    assertEquals(List.of(Chats.CLOSED_FINISHED), texts(poll(AYU, booking, polled)));
  }

  @Test
  void aRetryOfAMessageSentBeforeTheRoomClosedStillAnswersIt() {
    Booking booking = accepted(BUDI);
    SendMessage.Sent first = send(BUDI, booking, "c-1", "Thanks!");
    backend.cancelBooking().cancel(BUDI, booking.id(), null);

    assertEquals(first.message(), send(BUDI, booking, "c-1", "Thanks!").message());
  }

  @Test
  void aRetryByAGuestSignedInSinceBookingStillAnswersTheMessageOnceTheRoomClosed() {
    var created = backend.createBooking().create(Caller.guest(null), BookingRequests.at(SEMINYAK), null);
    Caller guest = Caller.guest(created.token());
    Booking offer = backend.searchTherapists().search(guest, created.booking().id(), SearchConfig.DEFAULT, null, false).booking();
    Booking booking = backend.acceptTherapist().accept(guest, offer.id(), offer.therapistId());
    Caller signedInSince = new Caller("budi-later", created.token(), null);
    SendMessage.Sent first = send(signedInSince, booking, "c-1", "Thanks!");
    backend.cancelBooking().cancel(guest, booking.id(), null);

    SendMessage.Sent retried = send(signedInSince, booking, "c-1", "Thanks!");

    assertEquals(first.message(), retried.message());
    assertFalse(retried.first());
  }

  @Test
  void aMessageLandingAfterTheRoomClosedIsTakenBackSoTheClosingMessageStaysLast() {
    Booking booking = accepted(BUDI);
    store.beforeNextCreate(Chats.MESSAGES, (id, message) -> backend.chats().close(
        backend.bookings().find(booking.id()).orElseThrow(), Chats.CLOSED_FINISHED, clock.instant()));

    assertRefused(ErrorCode.INVALID_STATE, () -> send(BUDI, booking, "c-1", "Just in time?"));

    List<ChatMessage> room = read(BUDI, booking).messages();
    assertEquals(List.of(Chats.CONFIRMED, Chats.CLOSED_FINISHED), room.stream().map(ChatMessage::text).toList());
  }

  @Test
  void aPollAnswersOnlyWhatCameAfterItsCursorAndNothingWhenNothingIsNew() {
    Booking booking = accepted(BUDI);
    ReadMessages.Page first = read(BUDI, booking);
    send(AYU, booking, "t-1", "On my way");
    clock.advance(Duration.ofSeconds(1));
    send(AYU, booking, "t-2", "Traffic on Sunset Road");

    ReadMessages.Page second = poll(BUDI, booking, first);
    ReadMessages.Page third = poll(BUDI, booking, second);

    assertEquals(List.of(Chats.CONFIRMED), texts(first));
    assertEquals(List.of("On my way", "Traffic on Sunset Road"), texts(second));
    assertEquals(List.of(), texts(third));
    assertFalse(third.roomClosed());
  }

  @Test
  void aMessageThatLandsLateWithAnEarlierTimeIsStillPolledOnce() {
    Booking booking = accepted(BUDI);
    clock.advance(Duration.ofSeconds(10));
    send(AYU, booking, "t-1", "On my way");
    ReadMessages.Page seen = read(BUDI, booking);
    // a send that took its time 5 s before the one already read lands only now
    Map<String, Object> late = new HashMap<>(data.find(Chats.MESSAGES, seen.messages().get(1).id()).orElseThrow().data());
    late.put("content", "Landed late");
    late.put("createdAt", DocumentTimes.format(clock.instant().minusSeconds(5)));
    data.create(Chats.MESSAGES, "msg-late", late, Set.of());

    ReadMessages.Page next = poll(BUDI, booking, seen);

    assertEquals(List.of("Landed late"), texts(next));
    assertEquals(List.of(), texts(poll(BUDI, booking, next)));
  }

  @Test
  void aBurstOfMoreMessagesThanTheCursorKeepsIsPolledPageByPageEachOnce() {
    Booking booking = accepted(BUDI);
    ReadMessages.Page page = read(AYU, booking);
    for (int n = 0; n < 90; n++) {
      clock.advance(Duration.ofMillis(n % 3 == 0 ? 0 : 100));
      send(n % 2 == 0 ? BUDI : AYU, booking, "m-" + n, "burst " + n);
    }

    List<String> polled = new ArrayList<>();
    do {
      page = backend.readMessages().read(AYU, booking.id(), page.next(), 25);
      polled.addAll(texts(page));
    } while (page.more());

    assertEquals(90, polled.size());
    assertEquals(90, Set.copyOf(polled).size());
    assertEquals(List.of(), texts(poll(AYU, booking, page)));
  }

  @Test
  void aPollFollowsTheRoomToItsClosingMessageAndThenReadsNothingMore() {
    Booking booking = accepted(BUDI);
    ReadMessages.Page open = read(AYU, booking);
    clock.advance(Duration.ofMinutes(1));
    backend.cancelBooking().cancel(BUDI, booking.id(), null);

    ReadMessages.Page closing = poll(AYU, booking, open);

    assertEquals(List.of(Chats.CLOSED_CANCELLED), texts(closing));
    assertTrue(closing.roomClosed());
    assertEquals(clock.instant(), closing.closedAt());
    ReadMessages.Page after = poll(AYU, booking, closing);
    assertTrue(after.roomClosed());
    assertEquals(closing.closedAt(), after.closedAt());
    assertEquals(List.of(), after.messages());
  }

  @Test
  void pageByPageTheClosingMessageComesAfterEverythingThatLandedBeforeIt() {
    Booking booking = accepted(BUDI);
    ReadMessages.Page page = read(AYU, booking);
    backend.cancelBooking().cancel(BUDI, booking.id(), null);
    // a send that read the booking just before the cancellation landed, stamped a moment after it
    Map<String, Object> late = new HashMap<>(data.find(Chats.MESSAGES, page.messages().get(0).id()).orElseThrow().data());
    late.putAll(Map.of("content", "Stamped after the closing", "messageType", "text", "senderRole", "customer",
        "createdAt", DocumentTimes.format(clock.instant().plusMillis(5))));
    data.create(Chats.MESSAGES, "msg-late", late, Set.of());

    List<String> polled = new ArrayList<>();
    do {
      page = backend.readMessages().read(AYU, booking.id(), page.next(), 1);
      polled.addAll(texts(page));
    } while (!page.roomClosed());

    assertEquals(List.of("Stamped after the closing", Chats.CLOSED_CANCELLED), polled);
  }

  @Test
  void aCursorIsTheReadersOwnAndCannotBeForgedOrMoved() {
    Booking budis = accepted(BUDI);
    Booking sitis = accepted(Caller.user("siti"));
    ReadMessages.Page page = read(BUDI, budis);

    // another reader's cursor does not open, for a stranger and for the other participant alike;
    // reading the newest page then tells them apart
    assertRefused(ErrorCode.INVALID_INPUT, () -> poll(STRANGER, budis, page));
    assertRefused(ErrorCode.INVALID_INPUT, () -> poll(AYU, budis, page));
    assertRefused(ErrorCode.PERMISSION_DENIED, () -> read(STRANGER, budis));
    assertEquals(texts(page), texts(read(AYU, budis)));
    assertRefused(ErrorCode.INVALID_INPUT, () -> backend.readMessages().read(Caller.user("siti"), sitis.id(), page.next(), 50));
    String forged = page.next().substring(0, page.next().length() - 2) + (page.next().endsWith("AA") ? "BB" : "AA");
    assertRefused(ErrorCode.INVALID_INPUT, () -> backend.readMessages().read(BUDI, budis.id(), forged, 50));
  }

  @Test
  void withoutASecretEachPollChecksTheReaderAgainstTheBooking() {
    Backend unsealed = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));
    Booking booking = accepted(BUDI);
    ReadMessages.Page page = unsealed.readMessages().read(BUDI, booking.id(), null, 50);
    send(AYU, booking, "t-1", "On my way");

    ReadMessages.Page next = unsealed.readMessages().read(BUDI, booking.id(), page.next(), 50);

    assertEquals(List.of("On my way"), texts(next));
  }

  @Test
  void theNewestPageIsTheLimitsLastMessagesAndSaysMoreAreThere() {
    Booking booking = accepted(BUDI);
    for (int n = 1; n <= 5; n++) {
      clock.advance(Duration.ofSeconds(1));
      send(BUDI, booking, "c-" + n, "message " + n);
    }

    ReadMessages.Page page = backend.readMessages().read(BUDI, booking.id(), null, 3);

    assertEquals(List.of("message 3", "message 4", "message 5"), texts(page));
    assertTrue(page.more());
  }

  @Test
  void aNewestPageThatHoldsTheWholeRoomSaysNoOlderMessagesExist() {
    Booking booking = accepted(BUDI);
    send(BUDI, booking, "c-1", "message 1");
    clock.advance(Duration.ofSeconds(1));
    send(AYU, booking, "t-1", "message 2");

    ReadMessages.Page page = backend.readMessages().read(BUDI, booking.id(), null, 3);

    assertEquals(List.of(Chats.CONFIRMED, "message 1", "message 2"), texts(page));
    assertFalse(page.more());
  }

  @Test
  void aPollAfterAFullNewestPageAnswersWhatCameSinceNotTheOlderMessagesThePageLeftOut() {
    Booking booking = accepted(BUDI);
    for (int n = 1; n <= 5; n++) {
      clock.advance(Duration.ofSeconds(1));
      send(BUDI, booking, "c-" + n, "message " + n);
    }
    ReadMessages.Page newest = backend.readMessages().read(AYU, booking.id(), null, 3);
    clock.advance(Duration.ofSeconds(1));
    send(BUDI, booking, "c-6", "message 6");

    ReadMessages.Page since = backend.readMessages().read(AYU, booking.id(), newest.next(), 3);

    assertEquals(List.of("message 6"), texts(since));
    assertFalse(since.more());
  }

  @Test
  void theSessionRecordsWhoWroteWhenAndTheTenMinuteBlocksOfActiveChat() {
    Booking booking = accepted(BUDI);
    assertEquals(ChatActivity.Status.IDLE, read(BUDI, booking).sessionStatus());
    send(BUDI, booking, "c-1", "Hi");
    clock.advance(Duration.ofMinutes(5));
    send(AYU, booking, "t-1", "Hello");

    ReadMessages.Page page = read(BUDI, booking);
    assertEquals(new ChatActivity(clock.instant(), true, true, 1, clock.instant().minus(Duration.ofMinutes(5))), page.activity());
    assertEquals(ChatActivity.Status.ACTIVE, page.sessionStatus());

    clock.advance(Duration.ofMinutes(6));
    send(BUDI, booking, "c-2", "Still there?");
    ReadMessages.Page later = read(AYU, booking);
    assertEquals(2, later.activity().activeBlocks());

    clock.advance(Duration.ofMinutes(10));
    assertEquals(ChatActivity.Status.IDLE, read(AYU, booking).sessionStatus());
    assertEquals(2, (long) data.find(Chats.SESSIONS, booking.chat().chatSessionId()).orElseThrow().longValue("activeBlocks"));
  }

  @Test
  void aPollCarriesTheActivityForwardFromTheMessagesItReads() {
    Booking booking = accepted(BUDI);
    ReadMessages.Page first = read(BUDI, booking);
    send(AYU, booking, "t-1", "Hello");

    ReadMessages.Page next = poll(BUDI, booking, first);

    assertTrue(next.activity().therapistWrote());
    assertFalse(next.activity().customerWrote());
    assertEquals(ChatActivity.Status.ACTIVE, next.sessionStatus());
    assertEquals(read(BUDI, booking).activity(), next.activity());
  }

  @Test
  void aSendOverTheSendersRateIsRefusedWithWhenToRetryAndWritesNothing() {
    Backend fair = new Backend(store, clock, Settings.from(Map.of("RATE_MESSAGES_PER_SENDER", "3/60", "CHAT_CURSOR_SECRET", SECRET)));
    Booking booking = accepted(BUDI);
    for (int n = 0; n < 3; n++) {
      fair.sendMessage().send(BUDI, booking.id(), new ClientMessageId("c-" + n), new MessageText("n" + n));
    }

    RateLimited limited = assertThrows(RateLimited.class,
        () -> fair.sendMessage().send(BUDI, booking.id(), new ClientMessageId("c-3"), new MessageText("one too many")));

    assertEquals(4, messagesInRoom(booking));
    assertTrue(limited.retryAfter().toSeconds() >= 1);
    fair.sendMessage().send(AYU, booking.id(), new ClientMessageId("t-1"), new MessageText("the therapist has their own"));
  }

  @Test
  void theSessionsActivityIsABestEffortThatNeverFailsASend() {
    Booking booking = accepted(BUDI);
    FaultyStore failing = new FaultyStore(store).on("update", Chats.SESSIONS, FaultyStore.Fault.FAIL_BEFORE);
    Backend down = new Backend(failing, clock, Settings.from(Map.of("FAIR_USE", "off", "CHAT_CURSOR_SECRET", SECRET)));

    assertTrue(down.sendMessage().send(BUDI, booking.id(), new ClientMessageId("c-1"), new MessageText("Hi")).first());
    assertEquals(1, failing.hits().size(), "the session's update failed");
    assertEquals(List.of(Chats.CONFIRMED, "Hi"), texts(read(BUDI, booking)));
  }

  @Test
  void linesStayInAMessageButControlsAndBidiOverridesDoNot() {
    assertEquals("first line\nsecond line", new MessageText("first line\r\nsecond line").value());
    assertThrows(IllegalArgumentException.class, () -> new MessageText("bell\u0007"));
    assertThrows(IllegalArgumentException.class, () -> new MessageText("\u202Ereversed"));
    assertThrows(IllegalArgumentException.class, () -> new MessageText(" \n "));
    assertThrows(IllegalArgumentException.class, () -> new MessageText("x".repeat(MessageText.MAX_LENGTH + 1)));
    assertEquals(MessageText.MAX_LENGTH, new MessageText("\uD83D\uDE00".repeat(MessageText.MAX_LENGTH)).value().codePointCount(0, 4000));
  }

  @Test
  void lineAndParagraphSeparatorsInAMessageBecomeLineBreaks() {
    assertEquals("first line\nsecond line\nthird", new MessageText("first line\u2028second line\u2029third").value());
  }

  @Test
  void aMessageOfOnlyInvisibleCharactersIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new MessageText("\uFE0F"));
    assertThrows(IllegalArgumentException.class, () -> new MessageText("\u0301\u0301"));
    assertThrows(IllegalArgumentException.class, () -> new MessageText("\u2028\u2029"));
  }
}
