package id.pijat.function;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.JobReport;
import id.pijat.model.booking.JobStep;
import id.pijat.model.chat.ClientMessageId;
import id.pijat.model.chat.MessageText;
import id.pijat.model.geo.Coordinates;
import id.pijat.model.therapist.DayHours;
import id.pijat.model.therapist.WeeklyHours;
import id.pijat.store.CountingStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.usecase.CreateBooking;
import id.pijat.usecase.ReadMessages;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The requests each function makes and how many of them wait for the one before (rounds): at a
 * 10 ms round trip, rounds times 10 ms is most of a call's time. Counted, never timed. Fifteen
 * therapists stand within a kilometre, so the nearest cells hold a full round of candidates.
 */
class RoundTripsTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final CountingStore store = new CountingStore(data);
  /** The flow's own requests; fair use's counters come on top (README, Fair use). */
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")), store.fanout());

  @BeforeEach
  void tenTherapistsNearby() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    for (int n = 0; n < 15; n++) {
      therapists.add("t" + n, offset(SEMINYAK, 0.1 * (n + 1), 0), 4.5);
    }
  }

  private record Cost(int requests, int rounds) {}

  private Cost cost(Runnable call) {
    store.reset();
    call.run();
    return new Cost(store.requests(), store.rounds());
  }

  private Booking book() {
    return backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
  }

  private Booking search(Booking booking, String searchId, boolean decline) {
    return backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, searchId, decline).booking();
  }

  /** The default search from a client that says the customer is {@code where}. */
  private static SearchConfig saying(Coordinates where) {
    SearchConfig standard = SearchConfig.DEFAULT;
    return new SearchConfig(standard.maxRadiusKm(), standard.offerWindow(), standard.maxAttempts(), null, where);
  }

  private Booking offered() {
    Booking booking = book();
    return search(booking, null, false);
  }

  @Test
  void aCreateIsOneRequest() {
    assertEquals(new Cost(1, 1), cost(this::book));
  }

  @Test
  void aCreateWithAnIdempotencyKeyClaimsTheKeyThenWritesTheBooking() {
    assertEquals(new Cost(2, 2), cost(() -> backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), "tap-1")));
  }

  @Test
  void aFirstSearchTakesFiveRounds() {
    Booking booking = book();

    // the booking and its newest change; the nearest cells; weeks and the first candidate's locks;
    // the offer; the claim with the booking document
    assertEquals(new Cost(8, 5), cost(() -> search(booking, null, false)));
  }

  @Test
  void aFirstSearchFromAClientThatSaysWhereTheCustomerIsReadsTheNearestCellsWithTheBookingInFourRounds() {
    Booking booking = book();
    SearchConfig here = saying(SEMINYAK);

    Cost cost = cost(() -> backend.searchTherapists().search(BUDI, booking.id(), here, null, false));

    assertEquals(new Cost(8, 4), cost, store.log().toString());
  }

  @Test
  void aFirstSearchOfABookingWhoseIdSaysWhereItIsReadsTheNearestCellsWithTheBookingInFourRounds() {
    Backend sealing = placeSealing("p".repeat(32));
    Booking booking = sealing.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();

    Cost cost = cost(() -> sealing.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false));

    assertEquals(new Cost(8, 4), cost, store.log().toString());
  }

  @Test
  void anIdSealedUnderAnotherSecretCostsOneReadAndNoRound() {
    Booking booking = placeSealing("p".repeat(32)).createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();

    Booking[] searched = new Booking[1];
    Cost cost = cost(() ->
        searched[0] = placeSealing("q".repeat(32)).searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking());

    assertEquals(new Cost(9, 5), cost, store.log().toString());
    // the place read from the ID is a guess: the nearest therapist to the booking itself is offered
    assertEquals("t0", searched[0].therapistId());
  }

  /** The flow's functions with a BOOKING_PLACE_SECRET: booking IDs say where the booking is (BookingIds). */
  private Backend placeSealing(String secret) {
    return new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off", "BOOKING_PLACE_SECRET", secret)), store.fanout());
  }

  @Test
  void aUserLocationFarFromTheBookingCostsOneReadAndNoRound() {
    Booking booking = book();
    SearchConfig elsewhere = saying(offset(SEMINYAK, 40, 0));

    Cost cost = cost(() -> backend.searchTherapists().search(BUDI, booking.id(), elsewhere, null, false));

    assertEquals(new Cost(9, 5), cost, store.log().toString());
  }

  @Test
  void whereTheNearestCellsHoldTooFewTheOtherCellsAreReadInOneMoreRound() {
    Booking farther = backend.createBooking().create(BUDI, BookingRequests.at(offset(SEMINYAK, 15, 0)), null).booking();

    Cost cost = cost(() -> search(farther, null, false));

    assertEquals(6, cost.rounds(), store.log().toString());
  }

  @Test
  void aPollIsOneRequest() {
    Booking offer = offered();
    clock.advance(Duration.ofSeconds(5));

    assertEquals(new Cost(1, 1), cost(() -> backend.checkSearchStatus().check(BUDI, offer.id())));
  }

  @Test
  void searchingAgainWhileTheOfferIsOpenIsOneRound() {
    Booking offer = offered();
    clock.advance(Duration.ofSeconds(5));

    assertEquals(new Cost(2, 1), cost(() -> search(offer, offer.search().searchId(), false)));
  }

  @Test
  void searchingAgainWithUserLocationWhileTheOfferIsOpenIsStillOneRound() {
    Booking offer = offered();
    clock.advance(Duration.ofSeconds(5));
    SearchConfig here = saying(SEMINYAK);

    // the cells are read before the call knows the offer is still open
    assertEquals(new Cost(3, 1), cost(() -> backend.searchTherapists().search(BUDI, offer.id(), here, offer.search().searchId(), false)));
  }

  @Test
  void findAnotherTakesSixRoundsWithTheReleaseOfThePreviousTherapistOnceTheClaimIsWon() {
    Booking offer = offered();

    assertEquals(new Cost(10, 6), cost(() -> search(offer, offer.search().searchId(), true)));
  }

  @Test
  void findAnotherOfABookingWhoseIdSaysWhereItIsStillTakesSixRounds() {
    Backend sealing = placeSealing("p".repeat(32));
    Booking booking = sealing.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
    Booking offer = sealing.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();

    Cost cost = cost(() -> sealing.searchTherapists().search(BUDI, offer.id(), SearchConfig.DEFAULT, offer.search().searchId(), true));

    // the cells come with the booking, but the moved-past therapist's locks are listed after it,
    // in the round the cells took before
    assertEquals(new Cost(10, 6), cost, store.log().toString());
  }

  @Test
  void searchingAgainWhileTheOfferIsOpenReadsTheCellsTheIdSaysForNothingButNoRound() {
    Backend sealing = placeSealing("p".repeat(32));
    Booking booking = sealing.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
    Booking offer = sealing.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    clock.advance(Duration.ofSeconds(5));

    Cost cost = cost(() -> sealing.searchTherapists().search(BUDI, offer.id(), SearchConfig.DEFAULT, offer.search().searchId(), false));

    assertEquals(new Cost(3, 1), cost, store.log().toString());
  }

  @Test
  void anAcceptanceTakesFiveRoundsWithTheLocksHeadsReadWithTheBooking() {
    Booking offer = offered();

    // the booking with the heads of every lock its span can take (the therapist's lock apart from
    // the slots), the therapist and the session; the therapist's lock with the slots; the commit;
    // the document and the chat; the booking again, for a cancel that missed the chat
    assertEquals(new Cost(19, 5), cost(() -> backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId())));
  }

  @Test
  void aGuestsAcceptanceTakesFiveRoundsToo() {
    CreateBooking.Created created = backend.createBooking().create(Caller.guest(null), BookingRequests.at(SEMINYAK), null);
    Caller guest = Caller.guest(created.token());
    Booking offer = backend.searchTherapists().search(guest, created.booking().id(), SearchConfig.DEFAULT, null, false).booking();

    // the session the guess names is the guest's, guest-<bookingId> with the therapist
    assertEquals(new Cost(19, 5), cost(() -> backend.acceptTherapist().accept(guest, offer.id(), offer.therapistId())), store.log().toString());
  }

  @Test
  void aScheduledAcceptanceReadsItsSpansHeadsAfterTheBooking() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK, clock.instant().plus(Duration.ofDays(1))), null).booking();
    Booking offer = search(booking, null, false);

    // as above, but its span starts tomorrow: the heads read with the booking do not cover it and
    // are read again; and its fence is let go after the commit
    assertEquals(new Cost(21, 6), cost(() -> backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId())), store.log().toString());
  }

  @Test
  void aCancelTakesFourRounds() {
    Booking offer = offered();
    Booking active = backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId());

    // the booking; the claim with the locks, room and session; the document, the closing message,
    // the session and the locks' heads; the room and the releases
    assertEquals(new Cost(18, 4), cost(() -> backend.cancelBooking().cancel(BUDI, active.id(), null)));
  }

  private Booking acceptedWithTherapistSignedIn() {
    Booking offer = offered();
    TherapistFixtures.belongsTo(data, offer.therapistId(), "therapist-" + offer.therapistId());
    return backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId());
  }

  @Test
  void aJobReportTakesThreeRounds() {
    Booking active = acceptedWithTherapistSignedIn();

    // the booking; the claim; the document and the message
    assertEquals(new Cost(4, 3), cost(() -> backend.reportJobProgress()
        .report("therapist-" + active.therapistId(), active.id(), new JobReport(JobStep.ON_THE_WAY, 10))));
  }

  @Test
  void aCompletionReportLetsGoInTheRoundsAfterItsCommit() {
    Booking active = acceptedWithTherapistSignedIn();
    String therapist = "therapist-" + active.therapistId();
    backend.reportJobProgress().report(therapist, active.id(), new JobReport(JobStep.ON_THE_WAY, 10));
    backend.reportJobProgress().report(therapist, active.id(), new JobReport(JobStep.ARRIVED, null));
    backend.reportJobProgress().report(therapist, active.id(), new JobReport(JobStep.STARTED, null));

    // the booking; the claim; the document, the message, the session and the booking's locks; the
    // session's number and the locks' heads; the releases
    assertEquals(new Cost(16, 5), cost(() -> backend.reportJobProgress().report(therapist, active.id(), new JobReport(JobStep.COMPLETED, null))));
  }

  @Test
  void withFairUseOnAFirstSearchFromAClientThatSaysWhereTheCustomerIsTakesFourRounds() {
    Backend fair = new Backend(store, clock, Settings.from(Map.of()), store.fanout());
    Caller budi = BUDI.from("203.0.113.7");
    Booking booking = fair.createBooking().create(budi, BookingRequests.at(SEMINYAK), null).booking();
    SearchConfig here = saying(SEMINYAK);

    // the booking, its newest change and the nearest cells; the weeks, the first candidate's locks
    // and the counters; the offer and the counters taken; the claim with the booking document
    assertEquals(new Cost(11, 4), cost(() -> fair.searchTherapists().search(budi, booking.id(), here, null, false)));
  }

  /** The same calls with fair use on, from a known address: its counters ride in rounds the call makes anyway. */
  @Test
  void withFairUseOnAFirstSearchStillTakesFiveRounds() {
    Backend fair = new Backend(store, clock, Settings.from(Map.of()), store.fanout());
    Caller budi = BUDI.from("203.0.113.7");
    Booking booking = fair.createBooking().create(budi, BookingRequests.at(SEMINYAK), null).booking();

    // the rounds' counters (customer and address) listed with the cells, created with the weeks
    assertEquals(new Cost(11, 5), cost(() -> fair.searchTherapists().search(budi, booking.id(), SearchConfig.DEFAULT, null, false)));
  }

  @Test
  void withFairUseOnFindAnotherCountsThePassOverInTheSameRounds() {
    Backend fair = new Backend(store, clock, Settings.from(Map.of()), store.fanout());
    Caller budi = BUDI.from("203.0.113.7");
    Booking booking = fair.createBooking().create(budi, BookingRequests.at(SEMINYAK), null).booking();
    Booking offer = fair.searchTherapists().search(budi, booking.id(), SearchConfig.DEFAULT, null, false).booking();

    assertEquals(new Cost(14, 6), cost(() -> fair.searchTherapists().search(budi, offer.id(), SearchConfig.DEFAULT, offer.search().searchId(), true)));
  }

  @Test
  void withFairUseOnACreateReadsTheOpenBookingsWithTheCountersThenCountsAtOnceAndCountsTheOpenBookingsAgain() {
    Backend fair = new Backend(store, clock, Settings.from(Map.of()), store.fanout());

    // the user's open bookings with the counters; the counters; the booking; the user's open
    // bookings again, the new one among them
    assertEquals(new Cost(6, 4), cost(() -> fair.createBooking().create(BUDI.from("203.0.113.7"), BookingRequests.at(SEMINYAK), null)));
  }

  /** The chat's calls, with a cursor secret configured (README "Chat"). */
  private Backend chat() {
    return new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off", "CHAT_CURSOR_SECRET", "s".repeat(32))), store.fanout());
  }

  private Booking activeWithAMessage() {
    Booking offer = offered();
    Booking active = backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId());
    clock.advance(Duration.ofSeconds(1));
    chat().sendMessage().send(BUDI, active.id(), new ClientMessageId("c-1"), new MessageText("Hello"));
    return active;
  }

  @Test
  void aPollWhenNothingIsNewIsOneRequest() {
    Booking active = activeWithAMessage();
    ReadMessages.Page page = chat().readMessages().read(BUDI, active.id(), null, 50);
    clock.advance(Duration.ofSeconds(2));

    Cost cost = cost(() -> chat().readMessages().read(BUDI, active.id(), page.next(), 50));

    assertEquals(new Cost(1, 1), cost);
    assertEquals(List.of("list chat_messages"), store.log());
  }

  @Test
  void aPollWithANewMessageIsOneRequestToo() {
    Booking active = activeWithAMessage();
    ReadMessages.Page page = chat().readMessages().read(BUDI, active.id(), null, 50);
    chat().sendMessage().send(BUDI, active.id(), new ClientMessageId("c-2"), new MessageText("Are you near?"));

    assertEquals(new Cost(1, 1), cost(() -> chat().readMessages().read(BUDI, active.id(), page.next(), 50)));
  }

  @Test
  void theFirstReadChecksTheBookingWithTheRoomAndNewestPageThenReadsTheSession() {
    Booking active = activeWithAMessage();

    assertEquals(new Cost(4, 2), cost(() -> chat().readMessages().read(BUDI, active.id(), null, 50)));
  }

  @Test
  void aSendTakesThreeRounds() {
    Booking active = activeWithAMessage();

    // the booking, the room, the message under its client ID; the message with the session; the
    // closing message with the session's activity (fair use off: its counters ride in the first two)
    assertEquals(new Cost(7, 3), cost(() -> chat().sendMessage().send(BUDI, active.id(), new ClientMessageId("c-2"), new MessageText("Hi"))));
  }

  @Test
  void aRetriedSendIsOneRound() {
    Booking active = activeWithAMessage();

    assertEquals(new Cost(3, 1), cost(() -> chat().sendMessage().send(BUDI, active.id(), new ClientMessageId("c-1"), new MessageText("Hello"))));
  }

  @Test
  void oncePollsReadTheClosingMessageTheyCostNoRequestAtAll() {
    Booking active = activeWithAMessage();
    ReadMessages.Page open = chat().readMessages().read(BUDI, active.id(), null, 50);
    backend.cancelBooking().cancel(BUDI, active.id(), null);
    ReadMessages.Page closing = chat().readMessages().read(BUDI, active.id(), open.next(), 50);

    assertEquals(new Cost(0, 0), cost(() -> chat().readMessages().read(BUDI, active.id(), closing.next(), 50)));
  }

  @Test
  void withoutACursorSecretAPollReadsTheBookingInTheSameRound() {
    Booking active = activeWithAMessage();
    ReadMessages.Page page = backend.readMessages().read(BUDI, active.id(), null, 50);

    assertEquals(new Cost(2, 1), cost(() -> backend.readMessages().read(BUDI, active.id(), page.next(), 50)));
  }

  @Test
  void aWeeklyHoursEditTakesThreeRoundsAndAFourthForStaleWeeks() {
    TherapistFixtures.belongsTo(data, "t0", "therapist-t0");
    WeeklyHours byDay = WeeklyHours.whole(ZoneId.of("Asia/Makassar"),
        Arrays.stream(DayOfWeek.values()).map(day -> DayHours.of(day, true, "08:00", "16:00")).toList());
    // the therapist; the seven rows with the therapist's other rows; the flip
    assertEquals(new Cost(10, 3), cost(() -> backend.setWeeklyHours().set("therapist-t0", byDay)));
    clock.advance(Duration.ofMinutes(10));

    // and the week replaced the first time, stale now, deleted at once
    assertEquals(new Cost(17, 4), cost(() -> backend.setWeeklyHours().set("therapist-t0", byDay)));
  }
}
