package id.pijat.local.flow;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import id.pijat.chat.Chats;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.store.H2DocumentStore;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.booking.Cancellation;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two cleanup runs at once (Appwrite's scheduler may start one twice), while the customers of the
 * same bookings act, on the embedded database with real threads, many rounds: every booking is
 * completed or cancelled once, the two reports together count each change once, and a customer's
 * change that succeeded is never overwritten.
 */
class CleanupConcurrencyTest {
  private static final Coordinates CANGGU = new Coordinates(-8.6478, 115.1385);
  private static final int ROUNDS = 20;
  private static final int ACTIVE = 4;
  private static final int SEARCHING = 6;

  private final ExecutorService threads = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private static Booking book(Backend backend, Caller caller) {
    return backend.createBooking().create(caller,
        BookingRequests.at(CANGGU), null).booking();
  }

  @Test
  void twoRunsAtOnceWithCustomersActingChangeEachBookingOnce() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");
      AppwriteProject project = AppwriteProject.read(Path.of("..", "appwrite.json"));
      try (H2DocumentStore store = H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), project.collections(), clock)) {
        // one test customer books for many here; fair use has its own tests
        Backend backend = new Backend(store, clock, Settings.from(Map.of("FAIR_USE", "off")));
        TherapistFixtures therapists = new TherapistFixtures(store);
        for (int t = 0; t < ACTIVE; t++) {
          therapists.add("t" + t, offset(CANGGU, t + 1, 0), 4.5);
        }
        List<Booking> bookings = new ArrayList<>();
        for (int c = 0; c < ACTIVE; c++) {
          Caller caller = Caller.user("a" + c);
          Booking offered = backend.searchTherapists().search(caller, book(backend, caller).id(), SearchConfig.DEFAULT, null, false).booking();
          bookings.add(backend.acceptTherapist().accept(caller, offered.id(), offered.therapistId()));
        }
        for (int c = 0; c < SEARCHING; c++) {
          bookings.add(book(backend, Caller.user("s" + c)));
        }
        clock.advance(Duration.ofHours(3));

        Map<String, String> customerCancelled = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CleanupSessions.Report>> runs = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
          runs.add(threads.submit(() -> {
            start.await();
            return backend.cleanupSessions().run(Budget.of(Duration.ofSeconds(30), Clock.systemUTC()));
          }));
        }
        List<Future<?>> customers = new ArrayList<>();
        for (int c = 0; c < bookings.size(); c += 2) {
          Booking booking = bookings.get(c);
          customers.add(threads.submit(() -> {
            start.await();
            try {
              Booking cancelled = backend.cancelBooking().cancel(Caller.user(booking.owner().userId()), booking.id(), "customer");
              customerCancelled.put(booking.id(), cancelled.cancellation().reason());
            } catch (Rejection tooLate) {
              // cleanup completed it first: a completed booking cannot be cancelled
            }
            return null;
          }));
        }
        start.countDown();
        Map<String, Integer> total = new java.util.HashMap<>();
        for (Future<CleanupSessions.Report> run : runs) {
          run.get(60, TimeUnit.SECONDS).done().forEach((duty, count) -> total.merge(duty, count, Integer::sum));
        }
        for (Future<?> customer : customers) {
          customer.get(60, TimeUnit.SECONDS);
        }

        int completed = 0;
        int abandoned = 0;
        for (Booking booking : bookings) {
          Booking settled = new Bookings(store, clock).find(booking.id()).orElseThrow();
          assertTrue(settled.status().isFinal(), booking.id() + " is " + settled.status());
          if (customerCancelled.containsKey(booking.id()) && "customer".equals(customerCancelled.get(booking.id()))) {
            assertEquals(BookingStatus.CANCELLED, settled.status(), "the customer's cancel stands");
            assertEquals("customer", settled.cancellation().reason());
          }
          completed += settled.status() == BookingStatus.COMPLETED ? 1 : 0;
          abandoned += settled.cancellation() != null && Cancellation.ABANDONED.equals(settled.cancellation().reason()) ? 1 : 0;
          assertEquals(1, finalVersions(store, booking.id()), "closed once: " + booking.id());
          if (booking.chat() != null) {
            assertTrue(closingMessages(store, booking.id()) <= 1, "one closing message in " + booking.id());
          }
        }
        assertEquals(completed, total.get("bookingsCompleted"), "the runs count each completion once");
        assertEquals(abandoned, total.get("searchesAbandoned"), "the runs count each abandonment once");
      }
    }
  }

  private static long finalVersions(H2DocumentStore store, String bookingId) {
    return store.list(Bookings.CHANGES, List.of(Query.equal("bookingId", bookingId), Query.limit(100))).stream()
        .map(change -> change.string("snapshot"))
        .filter(snapshot -> snapshot.contains("\"status\":\"completed\"") || snapshot.contains("\"status\":\"cancelled\""))
        .count();
  }

  private static long closingMessages(H2DocumentStore store, String bookingId) {
    return store.list(Chats.MESSAGES, List.of(Query.equal("bookingId", bookingId), Query.limit(100))).stream()
        .map(Document::id).filter(id -> id.startsWith("msg-closed-")).count();
  }
}
