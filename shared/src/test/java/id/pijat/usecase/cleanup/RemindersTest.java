package id.pijat.usecase.cleanup;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import id.pijat.chat.Chats;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.JobReport;
import id.pijat.model.booking.JobStep;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.DocumentIds;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.InterceptingStore;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * cleanupSessions' reminder before a scheduled appointment, with a clock the test moves: due from
 * two hours before the start until the start, posted once into the room however many runs overlap.
 */
class RemindersTest {
  private static final Coordinates UBUD = new Coordinates(-8.5069, 115.2625);
  private static final Duration MILLI = Duration.ofMillis(1);
  private static final Caller BUDI = Caller.user("budi");

  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
  private final MutableClock stopwatch = MutableClock.at("2026-01-01T00:00:00Z");
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final InterceptingStore store = new InterceptingStore(data);
  private Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));

  @BeforeEach
  void ayuAroundTheClock() {
    new TherapistFixtures(data).add("ayu", offset(UBUD, 1, 0), 4.8);
  }

  private int remindersSent() {
    return backend.cleanupSessions().run(Budget.of(Duration.ofMinutes(1), stopwatch)).done().get("remindersSent");
  }

  /** Budi's booking, accepted; for tomorrow at this time, or immediate when {@code scheduledAt} is null. */
  private Booking accepted(Instant scheduledAt) {
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(UBUD, scheduledAt), null).booking();
    Booking offer = backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();
    return backend.acceptTherapist().accept(BUDI, offer.id(), offer.therapistId());
  }

  private Booking scheduledTomorrow() {
    return accepted(clock.instant().plus(Duration.ofDays(1)));
  }

  private Booking stored(Booking booking) {
    return backend.bookings().find(booking.id()).orElseThrow();
  }

  private List<Document> reminders(Booking booking) {
    return data.list(Chats.MESSAGES, List.of(Query.equal("bookingId", booking.id()), Query.limit(100))).stream()
        .filter(message -> message.id().equals(DocumentIds.derived("msg-" + CleanupSessions.REMINDER + "-", booking.id())))
        .toList();
  }

  @Test
  void theReminderIsPostedTwoHoursBeforeTheStartAndNotAMomentEarlier() {
    Booking booking = scheduledTomorrow();
    Instant remindFrom = booking.startsAt().minus(Duration.ofHours(2));

    clock.set(remindFrom.minus(MILLI));
    assertEquals(0, remindersSent());
    assertEquals(List.of(), reminders(booking));
    clock.set(remindFrom);
    assertEquals(1, remindersSent());

    Document reminder = reminders(booking).get(0);
    assertEquals("Reminder: this appointment starts in 2 hours.", reminder.string("content"));
    assertEquals(booking.chat().chatRoomId(), reminder.string("roomId"));
    assertEquals(true, reminder.bool("isSystemMessage"));
    assertEquals(remindFrom, stored(booking).reminderSentAt());
    assertNull(data.find("bookings", booking.id()).orElseThrow().string("reminderOwedFor"), "out of the duty's query");
  }

  @Test
  void aSecondRunPostsNothingMore() {
    Booking booking = scheduledTomorrow();
    clock.set(booking.startsAt().minus(Duration.ofMinutes(100)));

    assertEquals(1, remindersSent());
    clock.advance(Duration.ofMinutes(5));
    assertEquals(0, remindersSent());

    assertEquals(1, reminders(booking).size());
    assertEquals("Reminder: this appointment starts in 1 hour 40 minutes.", reminders(booking).get(0).string("content"));
  }

  @Test
  void twoRunsAtOncePostOneReminderAndCountItOnce() {
    Booking booking = scheduledTomorrow();
    clock.set(booking.startsAt().minus(Duration.ofHours(1)));
    int[] second = new int[1];
    // the second run starts and finishes while the first is about to write the message
    store.beforeNextCreate(Chats.MESSAGES, (id, message) -> second[0] = remindersSent());

    int first = remindersSent();

    assertEquals(1, first + second[0]);
    assertEquals(1, reminders(booking).size());
    assertEquals(clock.instant(), stored(booking).reminderSentAt());
  }

  @Test
  void aRunThatDiedAfterPostingLeavesTheNextRunOnlyToRecordIt() {
    Booking booking = scheduledTomorrow();
    clock.set(booking.startsAt().minus(Duration.ofHours(1)));
    backend.chats().post(booking, CleanupSessions.REMINDER, "Reminder: this appointment starts in 1 hour.", clock.instant());

    assertEquals(0, remindersSent(), "the message was there");

    assertEquals(1, reminders(booking).size());
    assertEquals(clock.instant(), stored(booking).reminderSentAt());
  }

  @Test
  void aStartThatPassedWithoutOneGetsNoLateReminder() {
    Booking booking = scheduledTomorrow();

    clock.set(booking.startsAt());
    assertEquals(0, remindersSent());

    assertEquals(List.of(), reminders(booking));
    assertNull(stored(booking).reminderSentAt());
  }

  @Test
  void anImmediateBookingGetsNone() {
    Booking booking = accepted(null);

    clock.set(booking.startsAt().minus(Duration.ofMinutes(1)));
    assertEquals(0, remindersSent());

    assertEquals(List.of(), reminders(booking));
  }

  @Test
  void aCancelledBookingGetsNone() {
    Booking booking = scheduledTomorrow();
    backend.cancelBooking().cancel(BUDI, booking.id(), null);

    clock.set(booking.startsAt().minus(Duration.ofHours(1)));
    assertEquals(0, remindersSent());

    assertEquals(List.of(), reminders(booking));
  }

  @Test
  void anOfferNotYetAcceptedGetsNone() {
    Instant scheduledAt = clock.instant().plus(Duration.ofDays(1));
    Booking booking = backend.createBooking().create(BUDI, BookingRequests.at(UBUD, scheduledAt), null).booking();
    backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false);

    clock.set(scheduledAt.minus(Duration.ofHours(1)));
    assertEquals(0, remindersSent());

    assertEquals(List.of(), reminders(booking));
  }

  @Test
  void aJobTheTherapistIsAlreadyAtGetsNone() {
    // booked for 20 minutes from now: the reminder is owed at the next run, but Ayu is quicker
    TherapistFixtures.belongsTo(data, "ayu", "ayu-user");
    Booking booking = accepted(clock.instant().plus(Duration.ofMinutes(20)));
    backend.reportJobProgress().report("ayu-user", booking.id(), new JobReport(JobStep.ON_THE_WAY, 2));
    clock.advance(Duration.ofMinutes(2));
    backend.reportJobProgress().report("ayu-user", booking.id(), new JobReport(JobStep.ARRIVED, null));
    Booking started = backend.reportJobProgress().report("ayu-user", booking.id(), new JobReport(JobStep.STARTED, null));
    assertEquals(JobStep.STARTED, started.job().step());

    clock.advance(Duration.ofMinutes(3));
    assertEquals(0, remindersSent(), "'starts in 15 minutes' after 'Your session has started.'");

    assertEquals(List.of(), reminders(booking));
    assertNull(data.find("bookings", booking.id()).orElseThrow().string("reminderOwedFor"), "out of the duty's query");
  }

  @Test
  void howLongBeforeIsASetting() {
    Map<String, String> env = new HashMap<>(Map.of("FAIR_USE", "off", "REMINDER_BEFORE_MINUTES", "30"));
    backend = new Backend(store, clock, Settings.from(env));
    Booking booking = scheduledTomorrow();

    clock.set(booking.startsAt().minus(Duration.ofMinutes(30)).minus(MILLI));
    assertEquals(0, remindersSent());
    clock.set(booking.startsAt().minus(Duration.ofMinutes(30)));
    assertEquals(1, remindersSent());

    assertEquals("Reminder: this appointment starts in 30 minutes.", reminders(booking).get(0).string("content"));
  }

  @Test
  void theTextSaysHowLongIsLeftToTheMinute() {
    assertEquals("Reminder: this appointment starts in 2 hours.", CleanupSessions.reminderText(Duration.ofHours(2)));
    assertEquals("Reminder: this appointment starts in 1 hour.", CleanupSessions.reminderText(Duration.ofMinutes(59).plusSeconds(1)));
    assertEquals("Reminder: this appointment starts in 1 hour 1 minute.", CleanupSessions.reminderText(Duration.ofMinutes(61)));
    assertEquals("Reminder: this appointment starts in 1 minute.", CleanupSessions.reminderText(Duration.ofMillis(1)));
  }
}
