package id.pijat.usecase;

import static id.pijat.testing.Rejections.refused;
import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.BookingJson;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.Cancellation;
import id.pijat.model.booking.JobProgress;
import id.pijat.model.booking.JobReport;
import id.pijat.model.booking.JobStep;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.FaultyStore;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.store.StoreUnavailableException;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.ChatFixtures;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.usecase.cleanup.Budget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * reportJobProgress with the in-memory store and a clock the test moves: Ayu, engaged by Budi, takes
 * the job from the road to the end; Budi sees each step; every message is written once.
 */
class ReportJobProgressTest {
  private static final Coordinates SEMINYAK = new Coordinates(-8.6913, 115.1682);
  private static final Caller BUDI = Caller.user("budi");
  private static final String AYU = "therapist-ayu";
  private static final String MADE = "therapist-made";
  private static final String CONFIRMED = Chats.CONFIRMED;

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final FaultyStore store = new FaultyStore(data);
  private final Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));

  @BeforeEach
  void ayuNearestAndMadeFartherEachSignedIn() {
    TherapistFixtures therapists = new TherapistFixtures(data);
    therapists.add("ayu", offset(SEMINYAK, 1, 0), 4.8);
    therapists.add("made", offset(SEMINYAK, 2, 0), 4.6);
    TherapistFixtures.belongsTo(data, "ayu", AYU);
    TherapistFixtures.belongsTo(data, "made", MADE);
  }

  private Booking offered() {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(SEMINYAK), null).booking();
    return backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();
  }

  private Booking accepted() {
    Booking offer = offered();
    return backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId());
  }

  private Booking report(String userId, Booking booking, JobReport report) {
    return backend.reportJobProgress().report(userId, booking.id(), report);
  }

  private Booking ayuReports(Booking booking, JobStep step) {
    return report(AYU, booking, new JobReport(step, null));
  }

  private Booking ayuReports(Booking booking, JobStep step, int etaMinutes) {
    return report(AYU, booking, new JobReport(step, etaMinutes));
  }

  /** What Budi's app shows of the job: getBooking's Booking, its `job`. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> budiSees(Booking booking) {
    return (Map<String, Object>) BookingJson.booking(backend.bookings().readOwned(booking.id(), BUDI)).get("job");
  }

  private List<String> messages(Booking booking) {
    return ChatFixtures.texts(data, booking);
  }

  private int versions(Booking booking) {
    return data.list(Bookings.CHANGES, List.of(Query.equal("bookingId", booking.id()), Query.limit(100))).size();
  }

  private Map<String, Integer> cleanup() {
    return backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), MutableClock.at("2026-01-01T00:00:00Z"))).done();
  }

  private String offeredTherapistOfANewBooking() {
    return offered().therapistId();
  }

  private Document session(Booking booking) {
    return data.find(Chats.SESSIONS, booking.chat().chatSessionId()).orElseThrow();
  }

  private String room(Booking booking) {
    return ChatFixtures.roomStatus(data, booking);
  }

  @Test
  void aJobRunningLateKeepsTheTherapistEngagedPastThePlannedLapse() {
    Booking budis = accepted();
    Instant plannedLapse = backend.settings().policy().holdsLapse(budis.startsAt(), budis.request().duration());
    ayuReports(budis, JobStep.ON_THE_WAY, 25);
    clock.advance(Duration.ofMinutes(20));
    Booking late = ayuReports(budis, JobStep.DELAYED, 90);
    Instant lateLapse = backend.settings().policy().holdsLapse(late);
    // Siti books next door after the planned engagement would have lapsed, while Ayu is still at work
    clock.set(plannedLapse.plus(Duration.ofMinutes(10)));
    Booking sitis = backend.createBooking().create(Caller.user("siti"), BookingRequests.at(SEMINYAK), null).booking();
    Booking offered = backend.searchTherapists().search(Caller.user("siti"), sitis.id(), SearchConfig.DEFAULT, null, false).booking();

    assertTrue(lateLapse.isAfter(plannedLapse.plus(Duration.ofMinutes(30))), lateLapse + " vs " + plannedLapse);
    assertEquals("made", offered.therapistId(), "Ayu, nearer and better rated, is still engaged by Budi's late job");
  }

  @Test
  void ayuTakesTheJobFromTheRoadToTheEndAndBudiSeesEachStepAndEachMessage() {
    Booking active = accepted();
    Instant t0 = clock.instant();

    ayuReports(active, JobStep.ON_THE_WAY, 25);
    Map<String, Object> onTheWay = budiSees(active);
    clock.advance(Duration.ofMinutes(20));
    ayuReports(active, JobStep.DELAYED, 10);
    Map<String, Object> delayed = budiSees(active);
    clock.advance(Duration.ofMinutes(12));
    ayuReports(active, JobStep.ARRIVED);
    clock.advance(Duration.ofMinutes(3));
    ayuReports(active, JobStep.STARTED);
    Instant startedAt = clock.instant();
    clock.advance(Duration.ofMinutes(60));
    Booking completed = ayuReports(active, JobStep.COMPLETED);
    Map<String, Object> done = budiSees(active);

    assertEquals(Map.of("step", "on_the_way", "etaMinutes", 25, "expectedArrivalAt", t0.plus(Duration.ofMinutes(25)).toString()), onTheWay);
    assertEquals(Map.of("step", "delayed", "etaMinutes", 10, "expectedArrivalAt", t0.plus(Duration.ofMinutes(30)).toString()), delayed);
    assertEquals(BookingStatus.COMPLETED, completed.status());
    assertEquals("completed", done.get("step"));
    assertEquals(startedAt.toString(), done.get("sessionStartedAt"));
    assertEquals(clock.instant().toString(), done.get("sessionEndedAt"));
    assertEquals(60, done.get("actualDuration"));
    assertEquals(t0.plus(Duration.ofMinutes(32)).toString(), done.get("arrivedAt"));
    assertEquals(List.of(
        CONFIRMED,
        "Your therapist is on the way, arriving in about 25 minutes.",
        "Your therapist now expects to arrive in about 10 minutes.",
        "Your therapist has arrived.",
        "Your session has started.",
        "Your session is complete. Thank you!"), messages(active));
  }

  @Test
  void theSameReportSentAgainAnswersTheJobAsItStandsAndWritesNothing() {
    Booking active = accepted();
    Booking onTheWay = ayuReports(active, JobStep.ON_THE_WAY, 25);
    int versions = versions(active);
    clock.advance(Duration.ofSeconds(20));

    Booking again = ayuReports(active, JobStep.ON_THE_WAY, 25);

    assertEquals(onTheWay, again);
    assertEquals(versions, versions(active));
    assertEquals(2, messages(active).size());
  }

  @Test
  void aReportWhoseMessageWasLostAfterItsCommitIsFinishedByItsRetryWithTheMessageWrittenOnce() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 25);
    clock.advance(Duration.ofMinutes(25));
    store.on("create", Chats.MESSAGES, FaultyStore.Fault.FAIL_BEFORE);

    assertThrows(StoreUnavailableException.class, () -> ayuReports(active, JobStep.ARRIVED));
    List<String> beforeRetry = messages(active);
    clock.advance(Duration.ofSeconds(5));
    Booking retried = ayuReports(active, JobStep.ARRIVED);
    ayuReports(active, JobStep.ARRIVED);

    assertEquals(JobStep.ARRIVED, retried.job().step());
    assertEquals(2, beforeRetry.size(), "the version was claimed, the message was not written");
    assertEquals(List.of(CONFIRMED, "Your therapist is on the way, arriving in about 25 minutes.", "Your therapist has arrived."),
        messages(active));
  }

  @Test
  void aDelayRetriedAtOnceIsPostedOnceButTheSameMinutesLaterAreNewsAndPostedAgain() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 25);
    clock.advance(Duration.ofMinutes(25));
    ayuReports(active, JobStep.DELAYED, 10);
    clock.advance(Duration.ofSeconds(10));
    ayuReports(active, JobStep.DELAYED, 10);
    clock.advance(Duration.ofMinutes(10));
    Booking second = ayuReports(active, JobStep.DELAYED, 10);

    String late = "Your therapist now expects to arrive in about 10 minutes.";
    assertEquals(List.of(CONFIRMED, "Your therapist is on the way, arriving in about 25 minutes.", late, late), messages(active));
    assertEquals(clock.instant().plus(Duration.ofMinutes(10)), second.job().expectedArrivalAt());
  }

  @Test
  void aNewEtaSoonerThanTheLastIsNotAnnouncedAsRunningLate() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 30);
    clock.advance(Duration.ofMinutes(5));

    ayuReports(active, JobStep.DELAYED, 5);

    assertEquals("Your therapist now expects to arrive in about 5 minutes.", messages(active).get(2));
  }

  @Test
  void completingEndsTheBookingAsCleanupWouldAndCleanupLaterHasNothingLeftToDoForIt() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 5);
    clock.advance(Duration.ofMinutes(5));
    ayuReports(active, JobStep.ARRIVED);
    ayuReports(active, JobStep.STARTED);
    clock.advance(Duration.ofMinutes(50));
    Booking completed = ayuReports(active, JobStep.COMPLETED);

    assertNull(session(completed).string("customerWhatsApp"), "the number leaves the session the therapist reads");
    assertEquals("active", room(completed), "the room stays open for a last word");
    assertEquals(List.of("budi"), List.copyOf(data.readers(Bookings.COLLECTION, completed.id())));
    List<String> messages = messages(active);
    clock.set(active.endsAt().plus(Duration.ofHours(1)));
    Map<String, Integer> cleaned = cleanup();
    assertEquals(0, cleaned.get("bookingsCompleted"));
    assertEquals(0, cleaned.get("holdsReleased"));
    assertEquals(completed, backend.bookings().find(active.id()).orElseThrow());
    assertEquals(messages, messages(active));
    assertEquals("ayu", offeredTherapistOfANewBooking(), "ayu is free again");
  }

  @Test
  void cleanupStillCompletesAJobNobodyReportedDoneButWaitsForTheDelayAyuReported() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 25);
    clock.advance(Duration.ofMinutes(20));
    ayuReports(active, JobStep.DELAYED, 90);
    Instant expectedEnd = clock.instant().plus(Duration.ofMinutes(90)).plus(active.request().duration().length());

    clock.set(active.endsAt().plus(Duration.ofMinutes(30)));
    assertEquals(0, cleanup().get("bookingsCompleted"), "the planned end has passed, but she is still on her way");
    clock.set(expectedEnd.plus(Duration.ofMinutes(30)).minusMillis(1));
    assertEquals(0, cleanup().get("bookingsCompleted"));
    clock.set(expectedEnd.plus(Duration.ofMinutes(30)));
    assertEquals(1, cleanup().get("bookingsCompleted"));

    assertEquals(BookingStatus.COMPLETED, backend.bookings().find(active.id()).orElseThrow().status());
    assertEquals("ayu", offeredTherapistOfANewBooking());
  }

  @Test
  void aNoShowAfterTheWaitClosesTheBookingAsACancellationWithItsMessageAndFreesAyu() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 5);
    clock.advance(Duration.ofMinutes(5));
    ayuReports(active, JobStep.ARRIVED);
    clock.advance(Duration.ofMinutes(10));
    Rejection early = refused(ErrorCode.INVALID_STATE, () -> ayuReports(active, JobStep.NO_SHOW));
    clock.advance(JobProgress.NO_SHOW_WAIT.minus(Duration.ofMinutes(10)));

    Booking noShow = ayuReports(active, JobStep.NO_SHOW);
    ayuReports(active, JobStep.NO_SHOW);

    assertTrue(early.getMessage().startsWith("A no-show is reported after waiting 15 minutes"), early.getMessage());
    assertEquals(BookingStatus.CANCELLED, noShow.status());
    assertEquals(new Cancellation(Cancellation.NO_SHOW, Cancellation.BY_THERAPIST, clock.instant()), noShow.cancellation());
    @SuppressWarnings("unchecked")
    Map<String, Object> metadata = (Map<String, Object>) BookingJson.booking(backend.bookings().readOwned(active.id(), BUDI)).get("metadata");
    assertEquals("no_show", metadata.get("cancellationReason"));
    assertEquals("no_show", budiSees(active).get("step"));
    assertEquals("closed", room(noShow));
    assertEquals(ReportJobProgress.NO_SHOW, messages(active).get(messages(active).size() - 1));
    assertEquals(4, messages(active).size());
    assertNull(session(noShow).string("customerWhatsApp"));
    assertEquals("ayu", offeredTherapistOfANewBooking());
  }

  @Test
  void aStepOutOfOrderIsInvalidStateNamingBothStepsAndWritesNothing() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 25);
    int versions = versions(active);

    Rejection rejection = refused(ErrorCode.INVALID_STATE, () -> ayuReports(active, JobStep.COMPLETED));
    Rejection changedEta = refused(ErrorCode.INVALID_STATE, () -> ayuReports(active, JobStep.ON_THE_WAY, 15));

    assertEquals("The job is at on_the_way, so completed cannot follow (next comes delayed or arrived).", rejection.getMessage());
    assertTrue(changedEta.getMessage().contains("a new ETA is reported as delayed"), changedEta.getMessage());
    assertEquals(versions, versions(active));
    assertEquals(2, messages(active).size());
  }

  @Test
  void onlyTheEngagedTherapistReportsAndAnUnknownBookingIsNotFound() {
    Booking active = accepted();

    Rejection other = refused(ErrorCode.PERMISSION_DENIED, () -> report(MADE, active, new JobReport(JobStep.ON_THE_WAY, 5)));
    refused(ErrorCode.PERMISSION_DENIED, () -> report("budi", active, new JobReport(JobStep.ON_THE_WAY, 5)));
    Rejection guest = refused(ErrorCode.PERMISSION_DENIED, () -> report(null, active, new JobReport(JobStep.ON_THE_WAY, 5)));
    refused(ErrorCode.BOOKING_NOT_FOUND, () -> backend.reportJobProgress().report(AYU, "nobooking", new JobReport(JobStep.ARRIVED, null)));

    assertEquals("Only the therapist engaged for this booking reports on its job.", other.getMessage());
    assertEquals("Sign in as the booking's therapist to report on its job.", guest.getMessage());
    assertNull(backend.bookings().find(active.id()).orElseThrow().job());
  }

  @Test
  void anOfferNotYetAcceptedTakesNoReportEvenFromTheOfferedTherapist() {
    Booking offer = offered();

    refused(ErrorCode.PERMISSION_DENIED, () -> report(AYU, offer, new JobReport(JobStep.ON_THE_WAY, 5)));
  }

  @Test
  void aBookingBudiCancelledTakesNoMoreReportsNotEvenTheLastOneAgain() {
    Booking active = accepted();
    ayuReports(active, JobStep.ON_THE_WAY, 25);
    backend.cancelBooking().cancel(BUDI, active.id(), "plans changed");
    List<String> messages = messages(active);

    Rejection next = refused(ErrorCode.INVALID_STATE, () -> ayuReports(active, JobStep.ARRIVED));
    Rejection again = refused(ErrorCode.INVALID_STATE, () -> ayuReports(active, JobStep.ON_THE_WAY, 25));

    assertEquals("The booking is cancelled, so it takes no arrived report.", next.getMessage());
    assertEquals("The booking is cancelled, so it takes no on_the_way report.", again.getMessage());
    assertEquals(messages, messages(active));
  }
}
