package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.BookingToken;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.booking.NewBooking;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The booking flow (README, "The booking flow"), on the in-memory store with a clock the test moves. */
class BookingFlowTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller SITI = Caller.user("siti");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore store = new InMemoryDocumentStore();
  /** One test customer books many times here; fair use has its own tests. */
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));
  private final TherapistFixtures therapists = new TherapistFixtures(store);

  @BeforeEach
  void threeTherapistsNearby() {
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    therapists.add("komang", offset(SEMINYAK, 3, 0), 4.9);
  }

  private Booking book(Caller caller) {
    return book(caller, null);
  }

  private Booking book(Caller caller, Instant scheduledAt) {
    return backend.createBooking().create(caller, BookingRequests.at(SEMINYAK, scheduledAt), null).booking();
  }

  private SearchTherapists.Outcome search(Caller caller, Booking booking) {
    return backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false);
  }

  private SearchTherapists.Outcome decline(Caller caller, Booking booking) {
    return backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, true);
  }

  private Booking accept(Caller caller, Booking booking, String therapistId) {
    return backend.acceptTherapist().accept(caller, booking.id(), therapistId);
  }

  private Booking stored(Booking booking) {
    return backend.bookings().find(booking.id()).orElseThrow();
  }

  private static void assertRejected(ErrorCode code, Executable call) {
    assertEquals(code, assertThrows(Rejection.class, call).code());
  }

  @Test
  void searchOffersTheNearestAndPollingReturnsTheSameOffer() {
    Booking booking = book(BUDI);

    SearchTherapists.Outcome first = search(BUDI, booking);
    clock.advance(Duration.ofSeconds(20));
    SearchTherapists.Outcome poll = search(BUDI, booking);

    assertEquals(BookingStatus.PENDING_ACCEPT, first.booking().status());
    assertEquals("ayu", first.booking().therapistId());
    assertEquals(clock.instant().minusSeconds(20).plusSeconds(60), first.booking().offerExpiresAt());
    assertEquals(1, first.progress().attempts());
    assertEquals(first.booking(), poll.booking(), "a poll changes nothing");
  }

  @Test
  void findAnotherPassesOverTheOfferedTherapistAndFreesThemForOthers() {
    Booking booking = book(BUDI);
    search(BUDI, booking);

    SearchTherapists.Outcome next = decline(BUDI, booking);
    Booking other = book(SITI);

    assertEquals("made", next.booking().therapistId());
    assertEquals(2, next.progress().attempts());
    assertEquals(List.of("ayu"), next.progress().passedOver());
    assertEquals("ayu", search(SITI, other).booking().therapistId(), "the declined therapist is free again");
  }

  @Test
  void findAnotherAfterAnAcceptanceThatDiedHalfWayFreesTheTherapistAndTheirTime() {
    Booking booking = book(BUDI);
    Booking offer = search(BUDI, booking).booking();
    Instant startsAt = clock.instant().plus(offer.travelTime());
    Instant spanEnd = BookingPolicy.DEFAULT.spanEnd(startsAt, offer.request().duration());
    backend.locks().engage(
        backend.locks().heads(TherapistLocks.offerKeys(offer.therapistId(), clock.instant(), spanEnd)),
        offer, clock.instant(), spanEnd, spanEnd.plus(Duration.ofMinutes(30)), clock.instant());

    decline(BUDI, booking);

    assertEquals("ayu", search(SITI, book(SITI)).booking().therapistId());
  }

  @Test
  void theClientsSearchIdIsKeptAndEchoedWhileItPolls() {
    Booking booking = book(BUDI);
    String tag = "search_1763866800000_" + booking.id();

    SearchTherapists.Outcome first = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, tag, false);
    SearchTherapists.Outcome poll = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, tag, false);

    assertEquals(tag, first.searchId());
    assertEquals(tag, stored(booking).search().searchId());
    assertEquals(first.booking(), poll.booking(), "the same tag is a poll");
  }

  @Test
  void aNewStartAfterAnOfferMovesOnAsFindAnotherDoes() {
    Booking booking = book(BUDI);
    backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, "search_1_" + booking.id(), false);

    SearchTherapists.Outcome again =
        backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, "search_2_" + booking.id(), false);

    assertEquals("made", again.booking().therapistId());
    assertEquals(2, again.progress().attempts());
    assertEquals(List.of("ayu"), again.progress().passedOver());
    assertEquals("search_2_" + booking.id(), again.searchId());
    assertEquals("ayu", search(SITI, book(SITI)).booking().therapistId(), "the therapist moved past is free again");
  }

  @Test
  void aNewStartDuringAnEmptyRoundsWaitUsesNoAttemptButAnswersForTheNewTag() {
    Booking booking = book(BUDI);
    SearchConfig nearby = new SearchConfig(0.5, SearchConfig.DEFAULT_OFFER_WINDOW, 3, null, null);
    backend.searchTherapists().search(BUDI, booking.id(), nearby, "search_1_x", false);

    SearchTherapists.Outcome early = backend.searchTherapists().search(BUDI, booking.id(), nearby, "search_2_x", false);

    assertEquals(1, early.progress().attempts());
    assertEquals("search_2_x", early.searchId());
  }

  @Test
  void anOfferedTherapistIsNotOfferedToAnotherBooking() {
    search(BUDI, book(BUDI));

    assertEquals("made", search(SITI, book(SITI)).booking().therapistId());
  }

  @Test
  void anExpiredWindowMovesOnWhenReadAndRefusesAcceptance() {
    Booking booking = book(BUDI);
    search(BUDI, booking);
    clock.advance(Duration.ofSeconds(60));

    assertRejected(ErrorCode.OFFER_EXPIRED, () -> accept(BUDI, booking, "ayu"));
    SearchTherapists.Outcome next = search(BUDI, booking);
    assertEquals("made", next.booking().therapistId());
    assertRejected(ErrorCode.OFFER_EXPIRED, () -> accept(BUDI, booking, "ayu"));
  }

  @Test
  void anOfferWhoseWindowPassedReadsAsOverBeforeTheNextSearchRecordsIt() {
    Booking booking = book(BUDI);
    Booking offered = search(BUDI, booking).booking();
    clock.advance(Duration.ofSeconds(61));

    Booking read = backend.bookings().readOwned(booking.id(), BUDI);
    CheckSearchStatus.Status polled = backend.checkSearchStatus().check(BUDI, booking.id());

    assertEquals(BookingStatus.SEARCHING, read.status());
    assertEquals(null, read.therapistId(), "ayu may be offered to someone else by now");
    assertEquals(offered.offerExpiresAt(), read.search().nextRetryAt(), "search again at once");
    assertEquals(BookingStatus.SEARCHING, polled.booking().status());
    assertEquals(false, polled.offerOpen());
    assertEquals(BookingStatus.PENDING_ACCEPT, backend.bookings().find(booking.id()).orElseThrow().status(), "nothing written");
  }

  @Test
  void aRetriedCreateAnswersAnOfferWhoseWindowPassedAsOverAsGetBookingDoes() {
    NewBooking request = BookingRequests.at(SEMINYAK);
    Booking booking = backend.createBooking().create(BUDI, request, "key-0123456789abcdef").booking();
    search(BUDI, booking);
    clock.advance(Duration.ofSeconds(61));

    Booking retried = backend.createBooking().create(BUDI, request, "key-0123456789abcdef").booking();

    assertEquals(backend.bookings().readOwned(booking.id(), BUDI), retried);
    assertEquals(BookingStatus.SEARCHING, retried.status());
    assertEquals(null, retried.therapist(), "ayu may be offered to someone else by now");
  }

  @Test
  void acceptanceMakesTheBookingActiveAndOpensTheChat() {
    Booking booking = book(BUDI);
    search(BUDI, booking);
    clock.advance(Duration.ofSeconds(30));

    Booking active = accept(BUDI, booking, "ayu");

    assertEquals(BookingStatus.ACTIVE, active.status());
    assertEquals(clock.instant().plus(active.travelTime()), active.startsAt());
    assertEquals(active, stored(booking));
    Document session = store.find(Chats.SESSIONS, active.chat().chatSessionId()).orElseThrow();
    assertTrue(session.bool("isActive"));
    assertEquals("budi", session.string("customerId"));
    assertEquals("ayu", session.string("providerId"));
    assertEquals(clock.instant().plus(Duration.ofHours(24)), session.instant("expiresAt"));
    Document room = store.find(Chats.ROOMS, active.chat().chatRoomId()).orElseThrow();
    assertEquals("active", room.string("status"));
    assertEquals(active.endsAt().plus(Duration.ofHours(6)), room.instant("closeAfter"));
    assertEquals(List.of(Chats.CONFIRMED), messages(active));
  }

  @Test
  void aScheduledBookingIsConfirmedWithoutPromisingTheTherapistWithinTheHour() {
    Booking tomorrow = book(BUDI, Instant.parse("2026-11-24T02:00:00Z"));
    search(BUDI, tomorrow);

    Booking active = accept(BUDI, tomorrow, "ayu");

    assertEquals(List.of(Chats.CONFIRMED_SCHEDULED), messages(active));
  }

  @Test
  void acceptingTwiceReturnsTheSameActiveBookingAndWritesOnce() {
    Booking booking = book(BUDI);
    search(BUDI, booking);
    Booking first = accept(BUDI, booking, "ayu");
    clock.advance(Duration.ofSeconds(5));

    assertEquals(first, accept(BUDI, booking, "ayu"));
    assertEquals(1, messages(first).size());
  }

  @Test
  void anEngagedTherapistIsNotOfferedUntilTheBookingIsOver() {
    Booking booking = book(BUDI);
    search(BUDI, booking);
    accept(BUDI, booking, "ayu");

    Booking other = book(SITI);
    assertEquals("made", search(SITI, other).booking().therapistId());
  }

  @Test
  void onlyTheOfferedTherapistCanBeAccepted() {
    Booking booking = book(BUDI);
    search(BUDI, booking);

    assertRejected(ErrorCode.THERAPIST_NOT_FOUND, () -> accept(BUDI, booking, "made"));
    assertEquals(BookingStatus.PENDING_ACCEPT, stored(booking).status());
  }

  @Test
  void anEmptyRoundSaysWhenToLookAgainAndPollsInBetweenUseNoAttempt() {
    Booking booking = book(BUDI);
    SearchConfig nearby = new SearchConfig(0.5, SearchConfig.DEFAULT_OFFER_WINDOW, 3, null, null);

    SearchTherapists.Outcome empty = backend.searchTherapists().search(BUDI, booking.id(), nearby, null, false);
    SearchTherapists.Outcome early = backend.searchTherapists().search(BUDI, booking.id(), nearby, null, false);

    assertEquals(BookingStatus.SEARCHING, empty.booking().status());
    assertNull(empty.booking().therapist());
    assertEquals(clock.instant().plus(BookingPolicy.DEFAULT.emptyRoundWait()), empty.progress().nextRetryAt());
    assertEquals(1, early.progress().attempts());
  }

  @Test
  void usingUpTheAttemptsCancelsTheBookingWithSearchTimeoutCountingItsLastEmptyRound() {
    Booking booking = book(BUDI);
    SearchConfig nearby = new SearchConfig(0.5, SearchConfig.DEFAULT_OFFER_WINDOW, 2, null, null);
    backend.searchTherapists().search(BUDI, booking.id(), nearby, null, false);
    clock.advance(BookingPolicy.DEFAULT.emptyRoundWait());

    assertRejected(ErrorCode.SEARCH_TIMEOUT, () -> backend.searchTherapists().search(BUDI, booking.id(), nearby, null, false));
    Booking cancelled = stored(booking);
    assertEquals(BookingStatus.CANCELLED, cancelled.status());
    assertEquals(Cancellation.NO_THERAPIST_AVAILABLE, cancelled.cancellation().reason());
    assertEquals(2, cancelled.search().attempts());
    assertEquals(clock.instant(), cancelled.search().lastSearchAt());
    assertNull(cancelled.search().nextRetryAt(), "no retry is coming for a cancelled booking");
    assertRejected(ErrorCode.SEARCH_TIMEOUT, () -> search(BUDI, booking));
  }

  @Test
  void decliningTheLastAttemptsOfferCancelsWithSearchTimeout() {
    Booking booking = book(BUDI);
    SearchConfig two = new SearchConfig(25, SearchConfig.DEFAULT_OFFER_WINDOW, 2, null, null);
    backend.searchTherapists().search(BUDI, booking.id(), two, null, false);
    backend.searchTherapists().search(BUDI, booking.id(), two, null, true);

    assertRejected(ErrorCode.SEARCH_TIMEOUT, () -> backend.searchTherapists().search(BUDI, booking.id(), two, null, true));
    assertEquals(BookingStatus.CANCELLED, stored(booking).status());
    Booking other = book(SITI);
    search(SITI, other);
    assertEquals("made", decline(SITI, other).booking().therapistId(), "the last offer was released");
  }

  @Test
  void cancellingWhileSearchingRecordsWhoWhyAndWhen() {
    Booking booking = book(BUDI);

    Booking cancelled = backend.cancelBooking().cancel(BUDI, booking.id(), "changed my mind");

    assertEquals(BookingStatus.CANCELLED, cancelled.status());
    assertEquals(new Cancellation("changed my mind", "user:budi", clock.instant()), cancelled.cancellation());
    assertRejected(ErrorCode.BOOKING_CANCELLED, () -> search(BUDI, booking));
  }

  @Test
  void aCustomersReasonNamedAsTheSystemsIsStillTheirOwnCancellation() {
    Booking timedOut = book(BUDI);
    Booking timePassed = book(BUDI);

    backend.cancelBooking().cancel(BUDI, timedOut.id(), Cancellation.NO_THERAPIST_AVAILABLE);
    backend.cancelBooking().cancel(BUDI, timePassed.id(), Cancellation.TIME_PASSED);

    assertRejected(ErrorCode.BOOKING_CANCELLED, () -> search(BUDI, timedOut));
    assertEquals(ErrorCode.BOOKING_CANCELLED, backend.checkSearchStatus().check(BUDI, timedOut.id()).ended().code());
    assertEquals("This booking was cancelled.",
        assertThrows(Rejection.class, () -> search(BUDI, timePassed)).getMessage());
  }

  @Test
  void cancellingAnOfferFreesTheTherapist() {
    Booking booking = book(BUDI);
    search(BUDI, booking);

    backend.cancelBooking().cancel(BUDI, booking.id(), null);

    assertEquals("ayu", search(SITI, book(SITI)).booking().therapistId());
    assertRejected(ErrorCode.BOOKING_CANCELLED, () -> accept(BUDI, booking, "ayu"));
  }

  @Test
  void cancellingAnActiveBookingFreesTheTherapistAndClosesTheChat() {
    Booking booking = book(BUDI);
    search(BUDI, booking);
    Booking active = accept(BUDI, booking, "ayu");
    clock.advance(Duration.ofMinutes(5));

    Booking cancelled = backend.cancelBooking().cancel(BUDI, booking.id(), null);

    assertEquals(CancelBooking.DEFAULT_REASON, cancelled.cancellation().reason());
    assertEquals("ayu", search(SITI, book(SITI)).booking().therapistId());
    assertEquals("closed", store.find(Chats.ROOMS, active.chat().chatRoomId()).orElseThrow().string("status"));
    assertFalse(store.find(Chats.SESSIONS, active.chat().chatSessionId()).orElseThrow().bool("isActive"));
    assertEquals(List.of(Chats.CONFIRMED, Chats.CLOSED_CANCELLED), messages(active));
  }

  @Test
  void cancellingTwiceChangesNothingAndACompletedBookingCannotBeCancelled() {
    Booking booking = book(BUDI);
    Booking cancelled = backend.cancelBooking().cancel(BUDI, booking.id(), null);
    clock.advance(Duration.ofMinutes(1));
    assertEquals(cancelled, backend.cancelBooking().cancel(BUDI, booking.id(), "again"));

    Booking other = book(BUDI);
    search(BUDI, other);
    Booking active = accept(BUDI, other, "ayu");
    backend.bookings().save(active, active.complete(clock.instant()));
    assertRejected(ErrorCode.INVALID_STATE, () -> backend.cancelBooking().cancel(BUDI, other.id(), null));
  }

  @Test
  void aSearchOfACompletedBookingSaysItIsCompletedNotThatItHasItsTherapist() {
    Booking booking = book(BUDI);
    search(BUDI, booking);
    Booking active = accept(BUDI, booking, "ayu");
    backend.bookings().save(active, active.complete(clock.instant()));

    Rejection searched = assertThrows(Rejection.class, () -> search(BUDI, booking));
    Rejection polled = backend.checkSearchStatus().check(BUDI, booking.id()).ended();

    assertEquals(ErrorCode.INVALID_STATE, searched.code());
    assertEquals("This booking is already completed.", searched.getMessage());
    assertEquals(ErrorCode.INVALID_STATE, polled.code());
    assertEquals("This booking is already completed.", polled.getMessage());
  }

  @Test
  void onlyTheOwnerActsOnABooking() {
    Booking booking = book(BUDI);
    Booking guests = backend.createBooking().create(Caller.guest(null), BookingRequests.at(SEMINYAK), null).booking();

    assertRejected(ErrorCode.PERMISSION_DENIED, () -> search(SITI, booking));
    assertRejected(ErrorCode.PERMISSION_DENIED, () -> accept(SITI, booking, "ayu"));
    assertRejected(ErrorCode.PERMISSION_DENIED, () -> backend.cancelBooking().cancel(SITI, booking.id(), null));
    assertRejected(ErrorCode.PERMISSION_DENIED, () -> search(Caller.guest(null), guests));
    assertRejected(ErrorCode.PERMISSION_DENIED, () -> search(Caller.guest(BookingToken.generate()), guests));
    assertRejected(ErrorCode.BOOKING_NOT_FOUND, () -> backend.searchTherapists().search(BUDI, "nope", SearchConfig.DEFAULT, null, false));
    assertEquals(BookingStatus.SEARCHING, stored(booking).status());
  }

  @Test
  void aScheduledBookingIsOfferedOnlyATherapistWhoCanBeThereByItsTime() {
    Booking searchedLate = book(BUDI, clock.instant().plus(Duration.ofMinutes(6)));
    clock.advance(Duration.ofMinutes(2));
    Booking inFiveAndAHalfMinutes = book(SITI, clock.instant().plus(Duration.ofSeconds(330)));

    assertEquals(null, search(BUDI, searchedLate).booking().therapistId(), "4 minutes are left; the nearest is 5 minutes away");
    assertEquals("ayu", search(SITI, inFiveAndAHalfMinutes).booking().therapistId());
  }

  @Test
  void aScheduledOfferEndsOnceItsTherapistCouldNoLongerBeThereByItsTime() {
    Instant due = clock.instant().plus(Duration.ofSeconds(330));
    Booking booking = book(BUDI, due);
    Booking offered = search(BUDI, booking).booking();
    assertEquals(5, offered.therapist().etaMinutes());
    assertEquals(due.minus(Duration.ofMinutes(5)), offered.offerExpiresAt(), "Ayu, 5 minutes away, sets out then at the latest");

    clock.advance(Duration.ofSeconds(45));

    assertRejected(ErrorCode.OFFER_EXPIRED, () -> accept(BUDI, booking, "ayu"));
    assertFalse(backend.checkSearchStatus().check(BUDI, booking.id()).offerOpen());
    assertEquals(BookingStatus.SEARCHING, backend.bookings().readOwned(booking.id(), BUDI).status());
  }

  @Test
  void aTherapistWhoMustSetOutThisVeryMomentIsNotOfferedAnOfferAlreadyOver() {
    Booking booking = book(BUDI, clock.instant().plus(Duration.ofMinutes(5)));

    Booking searched = search(BUDI, booking).booking();

    assertEquals(null, searched.therapistId(), "Ayu, 5 minutes away, could be accepted at no moment");
  }

  @Test
  void aTherapistWhoseScheduledOfferEndedAtTheirSetOutIsFreeForOthersFromThen() {
    Instant due = clock.instant().plus(Duration.ofSeconds(330));
    Booking booking = book(BUDI, due);
    assertEquals("ayu", search(BUDI, booking).booking().therapistId());
    Booking tomorrow = book(SITI, due.plus(Duration.ofDays(1)));

    clock.advance(Duration.ofSeconds(31));

    assertEquals("ayu", search(SITI, tomorrow).booking().therapistId(), "Budi's offer ended 30 s in, its 60 s window still running");
  }

  @Test
  void anImmediateBookingIsOfferedOnlyATherapistWhoArrivesWithinTheHourItsConfirmationPromises() {
    // 21 km south of Seminyak: Ayu is 22 km away, 66 minutes at 20 km/h, inside the 25 km searched
    Coordinates farSouth = offset(SEMINYAK, -21, 0);
    Booking now = backend.createBooking().create(BUDI, BookingRequests.at(farSouth), null).booking();
    Booking tonight =
        backend.createBooking().create(SITI, BookingRequests.at(farSouth, clock.instant().plus(Duration.ofHours(3))), null).booking();

    assertEquals(null, search(BUDI, now).booking().therapistId());
    assertEquals("ayu", search(SITI, tonight).booking().therapistId());
    int eta = search(SITI, tonight).booking().therapist().etaMinutes();
    assertTrue(eta > 60, eta + " minutes");
  }

  @Test
  void aScheduledBookingBlocksItsSpanAndNothingElse() {
    Instant tenOClock = Instant.parse("2026-11-24T02:00:00Z");
    Booking first = book(BUDI, tenOClock);
    search(BUDI, first);
    accept(BUDI, first, "ayu");

    Booking overlapping = book(SITI, tenOClock.plus(Duration.ofMinutes(60)));
    Booking afterBuffer = book(Caller.user("wayan"), tenOClock.plus(Duration.ofMinutes(90)));
    Booking immediate = book(Caller.user("nyoman"));

    assertEquals("made", search(SITI, overlapping).booking().therapistId(), "60 min + 30 min travel buffer");
    assertEquals("ayu", search(Caller.user("wayan"), afterBuffer).booking().therapistId());
    backend.cancelBooking().cancel(Caller.user("wayan"), afterBuffer.id(), null);
    assertEquals("ayu", search(Caller.user("nyoman"), immediate).booking().therapistId(), "free until tomorrow");
  }

  @Test
  void aTherapistClosedAtTheBookingsTimeIsSkipped() {
    therapists.add("night", offset(SEMINYAK, 0.2, 0), 5.0, List.of("60"), "available");
    therapists.week("night", "Asia/Makassar", "20:00", "04:00");

    assertEquals("ayu", search(BUDI, book(BUDI)).booking().therapistId(), "11:00 WITA");
    assertEquals("night", search(SITI, book(SITI, Instant.parse("2026-11-23T15:00:00Z"))).booking().therapistId(), "23:00 WITA");
  }

  @Test
  void aServiceDurationThatIsNotTheBookingsIsRefused() {
    Booking booking = book(BUDI);
    SearchConfig wrong = new SearchConfig(25, SearchConfig.DEFAULT_OFFER_WINDOW, 5, ServiceDuration.MINUTES_90, null);

    Rejection rejection = assertThrows(Rejection.class, () -> backend.searchTherapists().search(BUDI, booking.id(), wrong, null, false));
    assertEquals("searchConfig.serviceDuration", rejection.details().get(0).field());
    assertEquals(0, stored(booking).search().attempts());
  }

  private List<String> messages(Booking booking) {
    return store.list(Chats.MESSAGES, List.of(Query.equal("roomId", booking.chat().chatRoomId()), Query.orderAsc("createdAt")))
        .stream().map(message -> message.string("content")).toList();
  }
}
