package id.pijat.local.flow;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.store.H2DocumentStore;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Document;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.MutableClock;
import id.pijat.testing.TherapistFixtures;
import id.pijat.usecase.cleanup.Budget;
import id.pijat.usecase.cleanup.CleanupSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cleanup runs at once (Appwrite's scheduler may start one twice, and a slow run overlaps the next)
 * on the embedded database with real threads, many rounds: each scheduled booking gets one reminder,
 * counted once by the runs together, and its reminderSentAt recorded.
 */
class ReminderConcurrencyTest {
  private static final Coordinates CANGGU = new Coordinates(-8.6478, 115.1385);
  private static final int ROUNDS = 10;
  private static final int BOOKINGS = 4;
  private static final int RUNS = 3;

  private final ExecutorService threads = Executors.newFixedThreadPool(RUNS);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void runsAtOncePostOneReminderPerBooking() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
      AppwriteProject project = AppwriteProject.read(Path.of("..", "appwrite.json"));
      try (H2DocumentStore store = H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), project.collections(), clock)) {
        Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));
        TherapistFixtures therapists = new TherapistFixtures(store);
        Instant startsAt = clock.instant().plus(Duration.ofDays(1));
        List<Booking> bookings = new ArrayList<>();
        for (int c = 0; c < BOOKINGS; c++) {
          therapists.add("t" + c, offset(CANGGU, c + 1, 0), 4.5);
          Caller caller = Caller.user("c" + c);
          Booking booking = backend.createBooking().create(caller, BookingRequests.at(CANGGU, startsAt), null).booking();
          Booking offered = backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, false).booking();
          bookings.add(backend.acceptTherapist().accept(caller, offered.id(), offered.therapistId()));
        }
        clock.set(startsAt.minus(Duration.ofMinutes(90)));

        CountDownLatch start = new CountDownLatch(1);
        List<Future<CleanupSessions.Report>> runs = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
          runs.add(threads.submit(() -> {
            start.await();
            return backend.cleanupSessions().run(Budget.of(Duration.ofSeconds(30), Clock.systemUTC()));
          }));
        }
        start.countDown();
        int counted = 0;
        for (Future<CleanupSessions.Report> run : runs) {
          counted += run.get(60, TimeUnit.SECONDS).done().get("remindersSent");
        }

        for (Booking booking : bookings) {
          assertEquals(1, reminders(store, booking.id()), "one reminder in " + booking.id());
          assertEquals(clock.instant(), new Bookings(store, clock).find(booking.id()).orElseThrow().reminderSentAt());
        }
        assertEquals(BOOKINGS, counted, "the runs count each reminder once");
      }
    }
  }

  private static long reminders(H2DocumentStore store, String bookingId) {
    return store.list(Chats.MESSAGES, List.of(Query.equal("bookingId", bookingId), Query.limit(100))).stream()
        .map(Document::id).filter(id -> id.startsWith("msg-" + CleanupSessions.REMINDER + "-")).count();
  }
}
