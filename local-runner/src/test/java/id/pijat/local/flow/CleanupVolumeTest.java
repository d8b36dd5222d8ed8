package id.pijat.local.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.store.H2DocumentStore;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingRequest;
import id.pijat.model.booking.CustomerDetails;
import id.pijat.model.booking.Location;
import id.pijat.model.booking.Owner;
import id.pijat.model.booking.SearchProgress;
import id.pijat.model.booking.ServiceDuration;
import id.pijat.model.booking.TherapistMatch;
import id.pijat.model.booking.WhatsAppNumber;
import id.pijat.model.geo.Coordinates;
import id.pijat.testing.ChatFixtures;
import id.pijat.testing.MutableClock;
import id.pijat.usecase.cleanup.Budget;
import id.pijat.usecase.cleanup.CleanupSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * 100 000 expired chat sessions and 10 000 stale bookings (half left searching, half active past
 * their end) on the embedded database, cleaned by runs with a short budget until none reports more
 * left. Prints the throughput; asserts that everything was cleaned once and that it took several
 * runs, each stopping at its budget.
 */
class CleanupVolumeTest {
  private static final int SESSIONS = 100_000;
  private static final int BOOKINGS = 10_000;
  private static final Duration BUDGET = Duration.ofSeconds(3);

  @Test
  void aLargeBacklogIsCleanedAcrossSeveralRuns() {
    MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
    AppwriteProject project = AppwriteProject.read(Path.of("..", "appwrite.json"));
    try (H2DocumentStore store = H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), project.collections(), clock)) {
      Instant expired = clock.instant().minus(Duration.ofHours(1));
      for (int n = 0; n < SESSIONS; n++) {
        ChatFixtures.activeSession(store, "s" + n, expired);
      }
      Bookings bookings = new Bookings(store, clock);
      for (int n = 0; n < BOOKINGS; n++) {
        staleBooking(bookings, "b" + n, n % 2 == 0, clock.instant().minus(Duration.ofHours(4)));
      }
      Backend backend = new Backend(store, clock, Settings.from(Map.of()));

      Map<String, Integer> total = new HashMap<>();
      int runs = 0;
      long started = System.nanoTime();
      CleanupSessions.Report report;
      do {
        long runStarted = System.nanoTime();
        report = backend.cleanupSessions().run(Budget.of(BUDGET, Clock.systemUTC()));
        runs++;
        report.done().forEach((duty, count) -> total.merge(duty, count, Integer::sum));
        System.out.printf(Locale.ROOT, "cleanup run %d: %.2f s, %s%s%n", runs, (System.nanoTime() - runStarted) / 1e9,
            report.done(), report.more() ? ", more left" : "");
      } while (report.more() && runs < 100);
      double seconds = (System.nanoTime() - started) / 1e9;
      int items = total.values().stream().mapToInt(Integer::intValue).sum();

      System.out.printf(Locale.ROOT, "cleanup volume: %d items in %d runs of at most %d s budget, %.1f s, %.0f items/s%n",
          items, runs, BUDGET.toSeconds(), seconds, items / seconds);
      assertEquals(SESSIONS, total.get("sessionsDeactivated"));
      assertEquals(BOOKINGS / 2, total.get("searchesAbandoned"));
      assertEquals(BOOKINGS / 2, total.get("bookingsCompleted"));
      assertTrue(runs > 1, "a backlog this size takes several runs of " + BUDGET.toSeconds() + " s");
      assertTrue(store.list("chat_sessions", List.of(id.pijat.store.Query.equal("isActive", true), id.pijat.store.Query.limit(1))).isEmpty());
    }
  }

  /** A booking left searching since {@code since}, or one accepted then and long over. */
  private static void staleBooking(Bookings bookings, String id, boolean searching, Instant since) {
    BookingRequest request =
        new BookingRequest(
            new CustomerDetails("Customer", WhatsAppNumber.parse("081234567890")), ServiceDuration.MINUTES_60, 200_000,
            new Location("Jl. Raya Kuta 1", new Coordinates(-8.72, 115.17)), null);
    Booking open = Booking.open(id, Owner.user("u-" + id), request, since);
    bookings.insert(open);
    if (searching) {
      return;
    }
    TherapistMatch therapist = new TherapistMatch("t1", "Ayu", null, 4.8, 1.0, 5, List.of(), null);
    Booking offered = bookings.save(open, open.offer(therapist, since.plusSeconds(60), SearchProgress.NOT_STARTED.nextAttempt("search", since), since));
    bookings.save(offered, offered.accept(since.plus(Duration.ofMinutes(5)), null, null, since));
  }
}
