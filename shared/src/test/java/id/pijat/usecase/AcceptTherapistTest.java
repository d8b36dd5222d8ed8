package id.pijat.usecase;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.hold.TherapistLocks;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.PaymentStatus;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.Therapist;
import id.pijat.store.Document;
import id.pijat.store.Fanout;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.therapist.Therapists;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Whom acceptance takes, and what it leaves when another change of the booking lands in the middle of it. */
class AcceptTherapistTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final Caller SITI = Caller.user("siti");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InterceptingStore store = new InterceptingStore(new InMemoryDocumentStore());
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of()));

  @BeforeEach
  void ayuAndMadeNearby() {
    TherapistFixtures therapists = new TherapistFixtures(store);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
  }

  private Booking book(Caller caller) {
    return backend.createBooking().create(caller, BookingRequests.at(SEMINYAK), null).booking();
  }

  private Booking offered(Caller caller) {
    return backend.searchTherapists().search(caller, book(caller).id(), SearchConfig.DEFAULT, null, false).booking();
  }

  private Booking accept(Booking booking, String therapistId) {
    return backend.acceptTherapist().accept(BUDI, booking.id(), therapistId);
  }

  private Booking stored(Booking booking) {
    return backend.bookings().find(booking.id()).orElseThrow();
  }

  private static void assertRejected(ErrorCode code, Executable call) {
    assertEquals(code, assertThrows(Rejection.class, call).code());
  }

  private List<String> messages(Booking booking) {
    return store.list(Chats.MESSAGES, List.of(Query.equal("roomId", booking.chat().chatRoomId()))).stream()
        .map(message -> message.string("content")).toList();
  }

  @Test
  void anActiveBookingIsNotConfirmedForAnotherTherapist() {
    Booking active = accept(offered(BUDI), "ayu");

    assertRejected(ErrorCode.THERAPIST_NOT_FOUND, () -> accept(active, "made"));
    assertEquals(active, stored(active));
  }

  @Test
  void anActiveBookingAskedToAcceptATherapistItPassedOverSaysItHasItsTherapistNotSearchAgain() {
    Booking booking = offered(BUDI);
    String passedOver = booking.therapistId();
    String next = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, true).booking().therapistId();
    Booking active = accept(booking, next);

    Rejection stale = assertThrows(Rejection.class, () -> accept(active, passedOver));

    assertEquals(ErrorCode.INVALID_STATE, stale.code());
    assertEquals("This booking already has its therapist.", stale.getMessage());
    assertEquals(active, stored(active));
  }

  @Test
  void aSearchingBookingRefusesATherapistItNeverOfferedAndCallsAPassedOverOneExpired() {
    Booking booking = book(BUDI);
    assertRejected(ErrorCode.THERAPIST_NOT_FOUND, () -> accept(booking, "ayu"));

    SearchConfig nearAyuOnly = new SearchConfig(1.5, SearchConfig.DEFAULT_OFFER_WINDOW, 3, null, null);
    backend.searchTherapists().search(BUDI, booking.id(), nearAyuOnly, null, false);
    backend.searchTherapists().search(BUDI, booking.id(), nearAyuOnly, null, true);

    assertEquals(BookingStatus.SEARCHING, stored(booking).status());
    assertRejected(ErrorCode.OFFER_EXPIRED, () -> accept(booking, "ayu"));
    assertRejected(ErrorCode.THERAPIST_NOT_FOUND, () -> accept(booking, "made"));
  }

  @Test
  void aSecondTapOnAcceptThatLosesTheRaceAnswersTheWinnersActiveBooking() {
    Booking offer = offered(BUDI);
    store.beforeNextCreate(Bookings.CHANGES, (id, data) -> accept(offer, "ayu"));

    Booking answer = accept(offer, "ayu");

    assertEquals(BookingStatus.ACTIVE, answer.status());
    assertEquals(stored(offer), answer);
    assertEquals(List.of(Chats.CONFIRMED), messages(answer));
  }

  @Test
  void anAcceptanceThatLosesToACancelLetsGoOfWhatItEngaged() {
    Booking offer = offered(BUDI);
    // a cancel that committed and died before letting go of anything
    store.beforeNextCreate(Bookings.CHANGES, (id, data) ->
        backend.bookings().save(offer, offer.cancel("plans changed", "user:budi", clock.instant())));

    assertRejected(ErrorCode.BOOKING_CANCELLED, () -> accept(offer, "ayu"));

    assertEquals(BookingStatus.CANCELLED, stored(offer).status());
    assertEquals("ayu", offered(SITI).therapistId(), "neither ayu nor her time is held by the cancelled booking");
  }

  @Test
  void anAcceptanceThatLosesToANewRoundAnswersThatTheOfferPassedAndLetsGoOfWhatItEngaged() {
    Booking offer = offered(BUDI);
    // the customer's Find Another committed first, and died before letting go of ayu
    store.beforeNextCreate(Bookings.CHANGES, (id, data) ->
        backend.bookings().save(offer, offer.keepSearching(offer.search().passOver("ayu"), clock.instant())));

    // an offer that has passed, as the customer sees it; not "try again", which would meet the same
    assertRejected(ErrorCode.OFFER_EXPIRED, () -> accept(offer, "ayu"));

    assertEquals(BookingStatus.SEARCHING, stored(offer).status());
    assertEquals("ayu", offered(SITI).therapistId(), "neither ayu nor her time is held by the acceptance that lost");
  }

  @Test
  void anAcceptanceWhoseOfferACancelAlreadyLetGoAnswersThatTheBookingWasCancelled() {
    Booking offer = offered(BUDI);
    // the whole cancel, its letting go included, runs between the acceptance's reads and its
    // engaging of ayu's own lock, which it then finds released
    AtomicBoolean cancelled = new AtomicBoolean();
    store.beforeEveryCreate(TherapistLocks.COLLECTION, (id, data) -> {
      if ("ayu".equals(data.get("lockKey")) && cancelled.compareAndSet(false, true)) {
        backend.cancelBooking().cancel(BUDI, offer.id(), null);
      }
    });

    assertRejected(ErrorCode.BOOKING_CANCELLED, () -> accept(offer, "ayu"));

    assertEquals(BookingStatus.CANCELLED, stored(offer).status());
  }

  @Test
  void anAcceptanceThatAPaymentChangeRacedTakesTheOfferAsItStandsNow() {
    Booking offer = offered(BUDI);
    store.beforeNextCreate(Bookings.CHANGES, (id, data) ->
        backend.setPaymentStatus().set(offer.id(), PaymentStatus.PAID, "provider-ref-1"));

    Booking answer = accept(offer, "ayu");

    assertEquals(BookingStatus.ACTIVE, answer.status());
    assertEquals(PaymentStatus.PAID, stored(offer).payment().status());
    assertEquals(answer, stored(offer));
    assertEquals(List.of(Chats.CONFIRMED), messages(answer));
  }

  @Test
  void theChatShowsTheTherapistsOwnDocumentOrTheOfferCardWhenTheDocumentIsGone() {
    Booking first = accept(offered(BUDI), "ayu");
    Document withDocument = store.find(Chats.SESSIONS, first.chat().chatSessionId()).orElseThrow();
    assertEquals(200_000.0, withDocument.doubleValue("pricing60"), "prices come from the therapist's document");

    Booking offer = offered(SITI);
    store.delete(Therapists.COLLECTION, "made");
    Booking second = backend.acceptTherapist().accept(SITI, offer.id(), "made");

    Document fromCard = store.find(Chats.SESSIONS, second.chat().chatSessionId()).orElseThrow();
    assertEquals("Therapist made", fromCard.string("providerName"));
    assertEquals(4.6, fromCard.doubleValue("providerRating"));
  }

  /** The chat as a cancel must leave it: the room closed by its closing message, the session without the number. */
  private void assertChatClosedWithoutTheNumber(Booking booking) {
    Booking.ChatRefs chat = stored(booking).chat();
    Document session = store.find(Chats.SESSIONS, chat.chatSessionId()).orElseThrow();
    assertNull(session.string("customerWhatsApp"), "the therapist reads the session: the number leaves it with the booking");
    assertFalse(session.bool("isActive"));
    assertEquals("closed", store.find(Chats.ROOMS, chat.chatRoomId()).orElseThrow().string("status"));
    assertEquals(List.of(Chats.CONFIRMED, Chats.CLOSED_CANCELLED), messages(stored(booking)));
  }

  @Test
  void aCancelBetweenTheCommitAndTheChatLeavesTheChatClosedWithoutTheNumber() {
    Backend oneAfterAnother = new Backend(store, clock, Settings.from(Map.of()), Fanout.SEQUENTIAL);
    Booking offer = oneAfterAnother.searchTherapists().search(BUDI, book(BUDI).id(), SearchConfig.DEFAULT, null, false).booking();
    // the customer's cancel runs whole after the acceptance committed and before it wrote the chat:
    // it finds no room and no session to close
    store.beforeNextCreate(Chats.ROOMS, (id, data) -> oneAfterAnother.cancelBooking().cancel(BUDI, offer.id(), null));

    oneAfterAnother.acceptTherapist().accept(BUDI, offer.id(), "ayu");

    assertEquals(BookingStatus.CANCELLED, stored(offer).status());
    assertChatClosedWithoutTheNumber(offer);
  }

  @Test
  void aCancelThatReadTheChatBeforeAnAcceptanceWroteItClosesItAfterItsClaim() {
    Backend oneAfterAnother = new Backend(store, clock, Settings.from(Map.of()), Fanout.SEQUENTIAL);
    Booking offer = oneAfterAnother.searchTherapists().search(BUDI, book(BUDI).id(), SearchConfig.DEFAULT, null, false).booking();
    // an acceptance that committed and could not write its chat
    store.beforeNextCreate(Chats.ROOMS, (id, data) -> {
      throw new StoreUnavailableException("the database did not answer", null);
    });
    assertThrows(StoreUnavailableException.class, () -> oneAfterAnother.acceptTherapist().accept(BUDI, offer.id(), "ayu"));
    // its retry writes the chat, and reads the booking still active, between the cancel's read of
    // the chat and the cancel's claim
    store.beforeNextCreate(Bookings.CHANGES, (id, data) -> oneAfterAnother.acceptTherapist().accept(BUDI, offer.id(), "ayu"));

    oneAfterAnother.cancelBooking().cancel(BUDI, offer.id(), null);

    assertChatClosedWithoutTheNumber(offer);
  }
}
