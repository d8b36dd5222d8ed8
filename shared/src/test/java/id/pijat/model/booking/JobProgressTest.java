package id.pijat.model.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.model.geo.Coordinates;
import id.pijat.testing.BookingRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The job's table as the Booking enforces it: every step reported after every step, and what each records. */
class JobProgressTest {
  private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");
  private static final Coordinates SANUR = new Coordinates(-8.6881, 115.2619);
  private static final TherapistMatch AYU =
      new TherapistMatch("ayu", "Ayu", null, 4.8, 3.2, 10, List.of("balinese"), SANUR);
  /** Long enough after any step for the next to be allowed: past the no-show wait. */
  private static final Duration LATER = Duration.ofMinutes(20);
  /** Later than the 25 minutes a report on the way announces. */
  private static final Duration LATE_ARRIVAL = Duration.ofMinutes(30);

  /** Written out, not derived from JobStep: the pairs that are legal; every other pair is refused. */
  private static final Set<List<String>> LEGAL = Set.of(
      List.of("none", "on_the_way"),
      List.of("on_the_way", "delayed"),
      List.of("on_the_way", "arrived"),
      List.of("delayed", "delayed"),
      List.of("delayed", "arrived"),
      List.of("arrived", "started"),
      List.of("arrived", "no_show"),
      List.of("started", "completed"));

  private static Booking accepted() {
    NewBooking asked = BookingRequests.at(SANUR);
    BookingRequest request = new BookingRequest(asked.customer(), asked.duration(), 200_000, asked.location(), null);
    Booking searching = Booking.open("b1", Owner.user("budi"), request, NOW);
    return searching.offer(AYU, NOW.plusSeconds(60), searching.search(), NOW)
        .accept(NOW.plus(Duration.ofMinutes(10)), new Booking.ChatRefs("r1", "s1"), "therapist-ayu", NOW);
  }

  private static JobReport report(JobStep step) {
    return step.carriesEta() ? new JobReport(step, 25) : new JobReport(step, null);
  }

  /** The accepted booking taken along the table's main path up to {@code step} (none: as accepted). */
  private static Booking at(String step) {
    List<JobStep> path = switch (step) {
      case "none" -> List.of();
      case "on_the_way" -> List.of(JobStep.ON_THE_WAY);
      case "delayed" -> List.of(JobStep.ON_THE_WAY, JobStep.DELAYED);
      case "arrived" -> List.of(JobStep.ON_THE_WAY, JobStep.ARRIVED);
      case "started" -> List.of(JobStep.ON_THE_WAY, JobStep.ARRIVED, JobStep.STARTED);
      case "completed" -> List.of(JobStep.ON_THE_WAY, JobStep.ARRIVED, JobStep.STARTED, JobStep.COMPLETED);
      case "no_show" -> List.of(JobStep.ON_THE_WAY, JobStep.ARRIVED, JobStep.NO_SHOW);
      default -> throw new IllegalArgumentException(step);
    };
    Booking booking = accepted();
    Instant now = NOW;
    for (JobStep next : path) {
      now = now.plus(LATER);
      booking = booking.report(report(next), now);
    }
    return booking;
  }

  static Stream<Arguments> everyStepAfterEveryStep() {
    List<Arguments> pairs = new ArrayList<>();
    for (String from : List.of("none", "on_the_way", "delayed", "arrived", "started", "completed", "no_show")) {
      for (JobStep to : JobStep.values()) {
        pairs.add(Arguments.of(from, to.code(), LEGAL.contains(List.of(from, to.code()))));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} then {1}: legal {2}")
  @MethodSource("everyStepAfterEveryStep")
  void theTableAllowsExactlyItsStepsAndRefusesTheRestNamingBoth(String from, String to, boolean legal) {
    Booking before = at(from);
    JobStep requested = JobStep.fromCode(to);
    Instant reportedAt = NOW.plus(Duration.ofHours(2));

    if (legal) {
      Booking after = before.report(report(requested), reportedAt);
      assertEquals(requested, after.job().step());
      assertEquals(before.version() + 1, after.version());
    } else {
      IllegalJobStepException refused =
          assertThrows(IllegalJobStepException.class, () -> before.report(report(requested), reportedAt));
      assertEquals(from.equals("none") ? null : JobStep.fromCode(from), refused.current());
      assertEquals(requested, refused.requested());
      assertTrue(refused.getMessage().contains(to), refused.getMessage());
      assertTrue(from.equals("none") || refused.getMessage().contains(from) || before.status().isFinal(), refused.getMessage());
    }
  }

  @Test
  void theLastStepsEndTheBookingWithTheClientsStatuses() {
    assertEquals(BookingStatus.ACTIVE, at("started").status());
    assertEquals(BookingStatus.COMPLETED, at("completed").status());
    Booking noShow = at("no_show");
    assertEquals(BookingStatus.CANCELLED, noShow.status());
    assertEquals(Cancellation.NO_SHOW, noShow.cancellation().reason());
    assertEquals(Cancellation.BY_THERAPIST, noShow.cancellation().cancelledBy());
  }

  @Test
  void aFinishedBookingNamesItsStatusWhenAStepComesAfter() {
    IllegalJobStepException refused =
        assertThrows(IllegalJobStepException.class, () -> at("completed").report(new JobReport(JobStep.ARRIVED, null), NOW.plus(LATER)));

    assertEquals("The booking is completed, so it takes no arrived report.", refused.getMessage());
  }

  @Test
  void aBookingNotYetAcceptedTakesNoReport() {
    Booking searching = Booking.open("b2", Owner.user("budi"), accepted().request(), NOW);

    IllegalJobStepException refused =
        assertThrows(IllegalJobStepException.class, () -> searching.report(report(JobStep.ON_THE_WAY), NOW));

    assertEquals("The booking is searching, so it takes no on_the_way report.", refused.getMessage());
  }

  @Test
  void anOutOfOrderStepSaysWhatComesNext() {
    IllegalJobStepException refused =
        assertThrows(IllegalJobStepException.class, () -> at("on_the_way").report(new JobReport(JobStep.STARTED, null), NOW.plus(LATER)));

    assertEquals("The job is at on_the_way, so started cannot follow (next comes delayed or arrived).", refused.getMessage());
  }

  @Test
  void onTheWayAndEachDelayRecordTheirEtaAndTheArrivalItGives() {
    Booking onTheWay = accepted().report(new JobReport(JobStep.ON_THE_WAY, 25), NOW);
    Booking delayed = onTheWay.report(new JobReport(JobStep.DELAYED, 10), NOW.plus(Duration.ofMinutes(20)));

    assertEquals(25, onTheWay.job().etaMinutes());
    assertEquals(NOW.plus(Duration.ofMinutes(25)), onTheWay.job().expectedArrivalAt());
    assertEquals(10, delayed.job().etaMinutes());
    assertEquals(NOW.plus(Duration.ofMinutes(30)), delayed.job().expectedArrivalAt());
  }

  @Test
  void theActualDurationIsTheMinutesFromStartToCompletionRounded() {
    Booking started = at("started");
    Instant startedAt = started.job().sessionStartedAt();

    Booking completed = started.report(new JobReport(JobStep.COMPLETED, null), startedAt.plus(Duration.ofMinutes(61).plusSeconds(40)));

    assertEquals(startedAt, completed.job().sessionStartedAt());
    assertEquals(startedAt.plus(Duration.ofMinutes(61).plusSeconds(40)), completed.job().sessionEndedAt());
    assertEquals(62, completed.job().actualDurationMinutes());
    assertNull(started.job().actualDurationMinutes());
  }

  @Test
  void aNoShowWaitsAQuarterOfAnHourAtTheDoor() {
    // on the way for 25 minutes, at the door after 30
    Booking arrived = accepted().report(report(JobStep.ON_THE_WAY), NOW).report(new JobReport(JobStep.ARRIVED, null), NOW.plus(LATE_ARRIVAL));
    Instant waited = arrived.job().arrivedAt().plus(JobProgress.NO_SHOW_WAIT);

    IllegalJobStepException early = assertThrows(IllegalJobStepException.class,
        () -> arrived.report(new JobReport(JobStep.NO_SHOW, null), waited.minusSeconds(1)));
    Booking noShow = arrived.report(new JobReport(JobStep.NO_SHOW, null), waited);

    assertEquals(JobStep.ARRIVED, early.current());
    assertTrue(early.getMessage().contains(waited.toString()), early.getMessage());
    assertEquals(JobStep.NO_SHOW, noShow.job().step());
  }

  @Test
  void aTherapistEarlyAtTheDoorWaitsFromTheArrivalTheyAnnounced() {
    // on the way for 25 minutes, at the door after 5: the customer was told 25
    Booking arrived = accepted().report(report(JobStep.ON_THE_WAY), NOW).report(new JobReport(JobStep.ARRIVED, null), NOW.plus(Duration.ofMinutes(5)));
    Instant waited = NOW.plus(Duration.ofMinutes(25)).plus(JobProgress.NO_SHOW_WAIT);

    assertThrows(IllegalJobStepException.class, () -> arrived.report(new JobReport(JobStep.NO_SHOW, null), waited.minusSeconds(1)));
    assertEquals(JobStep.NO_SHOW, arrived.report(new JobReport(JobStep.NO_SHOW, null), waited).job().step());
  }

  private static Booking acceptedFor(Instant appointment) {
    NewBooking asked = BookingRequests.at(SANUR);
    BookingRequest request = new BookingRequest(asked.customer(), asked.duration(), 200_000, asked.location(), appointment);
    Booking searching = Booking.open("b2", Owner.user("budi"), request, NOW);
    return searching.offer(AYU, NOW.plusSeconds(60), searching.search(), NOW)
        .accept(appointment, new Booking.ChatRefs("r2", "s2"), "therapist-ayu", NOW);
  }

  @Test
  void aScheduledJobSetsOffNoSoonerThanTheLongestEtaBeforeItsTime() {
    Instant tomorrow = NOW.plus(Duration.ofDays(1));
    Booking accepted = acceptedFor(tomorrow);
    Instant earliest = tomorrow.minus(JobProgress.EARLIEST_DEPARTURE);

    IllegalJobStepException dayEarly = assertThrows(IllegalJobStepException.class, () -> accepted.report(report(JobStep.ON_THE_WAY), NOW));
    assertTrue(dayEarly.getMessage().contains("from " + earliest), dayEarly.getMessage());
    assertThrows(IllegalJobStepException.class, () -> accepted.report(report(JobStep.ON_THE_WAY), earliest.minusSeconds(1)));
    assertEquals(JobStep.ON_THE_WAY, accepted.report(report(JobStep.ON_THE_WAY), earliest).job().step());
    assertEquals(JobStep.ON_THE_WAY, accepted().report(report(JobStep.ON_THE_WAY), NOW).job().step(), "an immediate booking sets off at once");
  }

  @Test
  void aScheduledSessionNeitherStartsNorCountsTheCustomerAbsentLongBeforeItsTime() {
    Instant tomorrow = NOW.plus(Duration.ofDays(1));
    Instant setOff = tomorrow.minus(JobProgress.EARLIEST_DEPARTURE);
    Booking arrived = acceptedFor(tomorrow)
        .report(report(JobStep.ON_THE_WAY), setOff)
        .report(new JobReport(JobStep.ARRIVED, null), setOff.plus(LATE_ARRIVAL));

    Instant longBefore = setOff.plus(Duration.ofHours(2));
    assertThrows(IllegalJobStepException.class, () -> arrived.report(new JobReport(JobStep.NO_SHOW, null), longBefore));
    assertThrows(IllegalJobStepException.class, () -> arrived.report(new JobReport(JobStep.STARTED, null), longBefore));
    Instant earliest = tomorrow.minus(JobProgress.EARLIEST_START);
    assertEquals(JobStep.STARTED, arrived.report(new JobReport(JobStep.STARTED, null), earliest).job().step());
    assertEquals(JobStep.NO_SHOW, arrived.report(new JobReport(JobStep.NO_SHOW, null), tomorrow.plus(JobProgress.NO_SHOW_WAIT)).job().step());
  }

  @Test
  void theCustomersCancellationOnceTheSessionStartedIsNotRefundedButTheTherapistsWithdrawalIs() {
    Booking arrived = accepted().withPayment(PaymentStatus.PAID, "ref", NOW)
        .report(report(JobStep.ON_THE_WAY), NOW).report(new JobReport(JobStep.ARRIVED, null), NOW.plus(LATE_ARRIVAL));
    Instant inSession = NOW.plus(LATE_ARRIVAL).plus(LATER);
    Booking started = arrived.report(new JobReport(JobStep.STARTED, null), inSession);
    Instant later = inSession.plus(LATER);

    assertTrue(arrived.cancel("plans changed", "user:budi", later).payment().refundDue(), "at the door, before the start");
    assertFalse(started.cancel("plans changed", "user:budi", later).payment().refundDue(), "the massage was under way");
    assertTrue(started.cancel(Cancellation.THERAPIST_WITHDREW, Cancellation.BY_THERAPIST, later).payment().refundDue());
    Booking cancelledThenPaid = accepted().report(report(JobStep.ON_THE_WAY), NOW).report(new JobReport(JobStep.ARRIVED, null), NOW.plus(LATE_ARRIVAL))
        .report(new JobReport(JobStep.STARTED, null), inSession).cancel("plans changed", "user:budi", later)
        .withPayment(PaymentStatus.PAID, "ref", later.plusSeconds(5));
    assertFalse(cancelledThenPaid.payment().refundDue(), "in either order");
  }

  @Test
  void aPaidNoShowIsNotRefundedWhateverTheOrderButAPaidCancellationIs() {
    Booking arrived = accepted().report(report(JobStep.ON_THE_WAY), NOW).report(new JobReport(JobStep.ARRIVED, null), NOW.plus(LATE_ARRIVAL));
    Instant waited = arrived.job().arrivedAt().plus(JobProgress.NO_SHOW_WAIT);
    Booking paidThenAbsent = arrived.withPayment(PaymentStatus.PAID, "ref", NOW)
        .report(new JobReport(JobStep.NO_SHOW, null), waited);
    Booking absentThenPaid = arrived.report(new JobReport(JobStep.NO_SHOW, null), waited)
        .withPayment(PaymentStatus.PAID, "ref", waited.plusSeconds(5));
    Booking paidThenCancelled = arrived.withPayment(PaymentStatus.PAID, "ref", NOW).cancel("plans changed", "customer", waited);

    assertFalse(paidThenAbsent.payment().refundDue(), "the therapist came and waited");
    assertFalse(absentThenPaid.payment().refundDue());
    assertEquals(PaymentStatus.PAID, absentThenPaid.payment().status());
    assertTrue(paidThenCancelled.payment().refundDue());
  }

  @Test
  void theSameReportAgainIsARepeatButADelayMinutesLaterIsNews() {
    Booking onTheWay = accepted().report(new JobReport(JobStep.ON_THE_WAY, 25), NOW);
    Booking delayed = onTheWay.report(new JobReport(JobStep.DELAYED, 10), NOW);

    assertTrue(onTheWay.isRepeatedBy(new JobReport(JobStep.ON_THE_WAY, 25), NOW.plus(Duration.ofMinutes(5))));
    assertFalse(onTheWay.isRepeatedBy(new JobReport(JobStep.ON_THE_WAY, 20), NOW));
    assertFalse(onTheWay.isRepeatedBy(new JobReport(JobStep.ARRIVED, null), NOW));
    assertTrue(delayed.isRepeatedBy(new JobReport(JobStep.DELAYED, 10), NOW.plusSeconds(59)));
    assertFalse(delayed.isRepeatedBy(new JobReport(JobStep.DELAYED, 10), NOW.plusSeconds(60)));
    assertFalse(delayed.isRepeatedBy(new JobReport(JobStep.DELAYED, 15), NOW));
    assertTrue(at("completed").isRepeatedBy(new JobReport(JobStep.COMPLETED, null), NOW.plus(Duration.ofDays(1))));
    assertFalse(accepted().isRepeatedBy(new JobReport(JobStep.ON_THE_WAY, 25), NOW));
  }

  @Test
  void aDelayOrALateStartMovesTheExpectedEndAnEarlyOneDoesNot() {
    Booking active = accepted();
    Duration length = active.request().duration().length();
    Booking lateArrival = active.report(new JobReport(JobStep.ON_THE_WAY, 90), NOW);
    Booking early = active.report(new JobReport(JobStep.ON_THE_WAY, 5), NOW);

    assertEquals(active.endsAt(), active.expectedEnd());
    assertEquals(NOW.plus(Duration.ofMinutes(90)).plus(length), lateArrival.expectedEnd());
    assertEquals(active.endsAt(), early.expectedEnd());
  }

  @Test
  void anEtaIsAWholeNumberOfMinutesFromOneTo180AndOnlyWithOnTheWayOrDelayed() {
    assertEquals(1, JobReport.etaMinutes(1));
    assertEquals(180, JobReport.etaMinutes(180));
    assertEquals("must be a whole number of minutes from 1 to 180: 0",
        assertThrows(IllegalArgumentException.class, () -> JobReport.etaMinutes(0)).getMessage());
    assertThrows(IllegalArgumentException.class, () -> JobReport.etaMinutes(181));
    assertEquals("must be a whole number of minutes from 1 to 180: 2.5",
        assertThrows(IllegalArgumentException.class, () -> JobReport.etaMinutes(2.5)).getMessage());
    assertEquals("is required for delayed",
        assertThrows(IllegalArgumentException.class, () -> new JobReport(JobStep.DELAYED, null)).getMessage());
    assertEquals("is only sent with on_the_way or delayed, not arrived",
        assertThrows(IllegalArgumentException.class, () -> new JobReport(JobStep.ARRIVED, 5)).getMessage());
  }

  @Test
  void anUnknownStepIsRefusedListingTheSteps() {
    assertEquals("must be one of on_the_way, delayed, arrived, started, completed, no_show: asleep",
        assertThrows(IllegalArgumentException.class, () -> JobStep.fromCode("asleep")).getMessage());
  }
}
