package id.pijat.usecase;

import static id.pijat.store.FaultyStore.Fault.APPLY_THEN_CONFLICT_ON_RESEND;
import static id.pijat.store.FaultyStore.Fault.APPLY_THEN_UNKNOWN;
import static id.pijat.store.FaultyStore.Fault.FAIL_BEFORE;
import static id.pijat.store.FaultyStore.Fault.TIME_OUT;
import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.booking.IdempotencyRecords;
import id.pijat.chat.Chats;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.hold.HoldEntry;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.FaultyStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.Therapists;
import id.pijat.usecase.cleanup.Budget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each decision point of the hold and booking design when the database applies a write and the
 * answer is lost, answers 409 to the transport's re-sent request, times out before the write lands,
 * or cannot be read back: the outcome is settled by what is stored, never guessed.
 */
class AmbiguousWritesTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller SITI = Caller.user("siti");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final FaultyStore store = new FaultyStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));
  private final TherapistLocks locks = new TherapistLocks(data, clock);

  @BeforeEach
  void oneTherapistNearby() {
    new TherapistFixtures(data).add("ayu", offset(SEMINYAK, 1, 0), 4.8);
  }

  private Booking book(Caller caller) {
    return backend.createBooking().create(caller, BookingRequests.at(SEMINYAK), null).booking();
  }

  private SearchTherapists.Outcome search(Caller caller, Booking booking) {
    return backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false);
  }

  private Booking offered() {
    Booking booking = book(BUDI);
    search(BUDI, booking);
    return booking;
  }

  private Booking accept(Booking booking) {
    return backend.acceptTherapist().accept(BUDI, booking.id(), "ayu");
  }

  private HoldEntry ayusLock() {
    return locks.heads(List.of("ayu")).of("ayu").orElseThrow();
  }

  private Booking stored(Booking booking) {
    return backend.bookings().find(booking.id()).orElseThrow();
  }

  private List<String> kindsOfAyusLock() {
    return data.list(TherapistLocks.COLLECTION, List.of(Query.equal("lockKey", "ayu"), Query.orderAsc("sequence"), Query.limit(100)))
        .stream().map(entry -> entry.string("kind")).toList();
  }

  private void assertOfferedToThisBookingOnly(Booking booking, SearchTherapists.Outcome outcome) {
    assertEquals("ayu", outcome.booking().therapistId());
    assertEquals(BookingStatus.PENDING_ACCEPT, stored(booking).status());
    assertEquals(HoldEntry.Kind.OFFER, ayusLock().kind(), "the therapist's lock stays with the offer");
    assertEquals(booking.id(), ayusLock().bookingId());
    assertNull(search(SITI, book(SITI)).booking().therapistId(), "nobody else is offered the same therapist");
  }

  @Test
  void cellsReadAheadForTheClientsLocationThatCannotBeReadAreReadInTheRoundInstead() {
    Booking booking = book(BUDI);
    store.on("list", Therapists.COLLECTION, FAIL_BEFORE);
    SearchConfig here = new SearchConfig(25, SearchConfig.DEFAULT_OFFER_WINDOW, SearchConfig.MAX_ATTEMPTS, null, SEMINYAK);

    SearchTherapists.Outcome outcome = backend.searchTherapists().search(BUDI, booking.id(), here, null, false);

    assertEquals(1, store.hits().size());
    assertOfferedToThisBookingOnly(booking, outcome);
  }

  @Test
  void anOfferClaimThatLandedButMetA409OnItsResendKeepsTheTherapistForThisBookingOnly() {
    Booking booking = book(BUDI);
    store.on("create", Bookings.CHANGES, APPLY_THEN_CONFLICT_ON_RESEND);

    SearchTherapists.Outcome outcome = search(BUDI, booking);

    assertEquals(1, store.hits().size());
    assertOfferedToThisBookingOnly(booking, outcome);
    assertEquals(List.of("offer"), kindsOfAyusLock());
  }

  @Test
  void anOfferClaimWhoseAnswerWasLostIsFoundToHaveLanded() {
    Booking booking = book(BUDI);
    store.on("create", Bookings.CHANGES, APPLY_THEN_UNKNOWN);

    assertOfferedToThisBookingOnly(booking, search(BUDI, booking));
  }

  @Test
  void anOfferClaimThatTimedOutBeforeLandingIsSentAgain() {
    Booking booking = book(BUDI);
    store.on("create", Bookings.CHANGES, TIME_OUT);

    assertOfferedToThisBookingOnly(booking, search(BUDI, booking));
  }

  @Test
  void anOfferLockWhoseAnswerWasLostIsStillThisBookingsOnce() {
    Booking booking = book(BUDI);
    store.on("create", TherapistLocks.COLLECTION, APPLY_THEN_UNKNOWN);

    assertOfferedToThisBookingOnly(booking, search(BUDI, booking));
    assertEquals(List.of("offer"), kindsOfAyusLock());
  }

  @Test
  void aSearchThatCannotLearnWhetherItsClaimLandedAnswersUnavailableAndTheNextCallFindsTheOffer() {
    Booking booking = book(BUDI);
    store.on("create", Bookings.CHANGES, APPLY_THEN_UNKNOWN);
    store.on("find", Bookings.CHANGES, FAIL_BEFORE);

    assertThrows(StoreUnavailableException.class, () -> search(BUDI, booking));

    assertOfferedToThisBookingOnly(booking, search(BUDI, booking));
  }

  @Test
  void aClaimThatNeverReachedTheDatabaseAnswersUnavailableAndTheNextCallReusesItsOwnOffer() {
    Booking booking = book(BUDI);
    store.on("create", Bookings.CHANGES, FAIL_BEFORE);

    assertThrows(StoreUnavailableException.class, () -> search(BUDI, booking));
    assertEquals(BookingStatus.SEARCHING, stored(booking).status(), "nothing was claimed");

    assertOfferedToThisBookingOnly(booking, search(BUDI, booking));
    assertEquals(List.of("offer"), kindsOfAyusLock(), "the offer taken before the failure is this booking's again");
  }

  @Test
  void anAcceptanceWhoseLockClaimsAllLostTheirAnswersIsActiveWithEverySlotEngagedOnce() {
    Booking booking = offered();
    store.on("create", TherapistLocks.COLLECTION, null, APPLY_THEN_UNKNOWN, 100);

    Booking active = accept(booking);

    assertEquals(BookingStatus.ACTIVE, active.status());
    assertEquals(List.of("offer", "engaged"), kindsOfAyusLock());
    assertTrue(store.hits().size() > 1, "the therapist's lock and the slots");
    long slotEntries = data.list(TherapistLocks.COLLECTION, List.of(Query.equal("bookingId", booking.id()), Query.limit(100))).size() - 2;
    assertEquals(store.hits().size() - 1, slotEntries, "one entry per slot, none written twice");
  }

  @Test
  void anAcceptanceWhoseCommitLostItsAnswerIsActiveWithItsChat() {
    Booking booking = offered();
    store.on("create", Bookings.CHANGES, APPLY_THEN_UNKNOWN);

    Booking active = accept(booking);

    assertEquals(BookingStatus.ACTIVE, stored(booking).status());
    assertTrue(data.find(Chats.ROOMS, active.chat().chatRoomId()).isPresent());
  }

  @Test
  void anAcceptanceWhoseChatRoomLostItsAnswerOpensTheChatOnce() {
    Booking booking = offered();
    store.on("create", Chats.ROOMS, APPLY_THEN_UNKNOWN);
    store.on("create", Chats.MESSAGES, APPLY_THEN_CONFLICT_ON_RESEND);

    Booking active = accept(booking);

    assertEquals("active", data.find(Chats.ROOMS, active.chat().chatRoomId()).orElseThrow().string("status"));
    assertEquals(1, data.list(Chats.MESSAGES, List.of(Query.equal("bookingId", booking.id()), Query.limit(100))).size());
    assertTrue(data.find(Chats.SESSIONS, active.chat().chatSessionId()).orElseThrow().bool("isActive"));
  }

  @Test
  void aCancelWhoseClaimLostItsAnswerIsCancelledAndLetsTheTherapistGo() {
    Booking active = accept(offered());
    store.on("create", Bookings.CHANGES, APPLY_THEN_UNKNOWN);

    Booking cancelled = backend.cancelBooking().cancel(BUDI, active.id(), null);

    assertEquals(BookingStatus.CANCELLED, cancelled.status());
    assertEquals(HoldEntry.Kind.RELEASED, ayusLock().kind());
    assertEquals("closed", data.find(Chats.ROOMS, active.chat().chatRoomId()).orElseThrow().string("status"));
  }

  @Test
  void aReleaseWhoseAnswerWasLostIsNotWrittenTwice() {
    Booking active = accept(offered());
    store.on("create", TherapistLocks.COLLECTION, null, APPLY_THEN_UNKNOWN, 100);

    backend.cancelBooking().cancel(BUDI, active.id(), null);

    assertEquals(List.of("offer", "engaged", "released"), kindsOfAyusLock());
    assertEquals("ayu", search(SITI, book(SITI)).booking().therapistId());
  }

  @Test
  void aCreateWithAKeyWhoseRecordLostItsAnswerIsAnsweredAndItsRetryGetsTheSameBooking() {
    store.on("create", IdempotencyRecords.COLLECTION, APPLY_THEN_UNKNOWN);

    CreateBooking.Created first = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), "tap-1");
    CreateBooking.Created retry = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), "tap-1");

    assertEquals(first.booking().id(), retry.booking().id());
    assertEquals(1, data.list(Bookings.COLLECTION, List.of(Query.limit(100))).size());
  }

  @Test
  void aCreateWhoseBookingTimedOutBeforeLandingIsSentAgain() {
    store.on("create", Bookings.COLLECTION, TIME_OUT);

    Booking booking = book(BUDI);

    assertEquals(booking, stored(booking));
  }

  @Test
  void anExpiredOfferWhoseClaimLostItsAnswerIsCountedAndItsTherapistFreed() {
    Booking booking = offered();
    clock.advance(SearchConfig.DEFAULT.offerWindow());
    store.on("create", Bookings.CHANGES, APPLY_THEN_UNKNOWN);

    Map<String, Integer> done =
        backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), MutableClock.at("2026-01-01T00:00:00Z"))).done();

    assertEquals(1, done.get("offersExpired"));
    assertEquals(BookingStatus.SEARCHING, stored(booking).status());
    assertEquals(HoldEntry.Kind.RELEASED, ayusLock().kind());
  }
}
