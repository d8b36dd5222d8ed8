package id.pijat.local.flow;

import static id.pijat.testing.TherapistFixtures.offset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import id.pijat.booking.ConcurrentChangeException;
import id.pijat.chat.Chats;
import id.pijat.error.ErrorCode;
import id.pijat.error.Rejection;
import id.pijat.function.Backend;
import id.pijat.function.Settings;
import id.pijat.hold.TherapistLocks;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.store.H2DocumentStore;
import id.pijat.matching.SearchConfig;
import id.pijat.model.booking.Booking;
import id.pijat.model.booking.BookingPolicy;
import id.pijat.model.booking.BookingStatus;
import id.pijat.model.booking.Caller;
import id.pijat.model.geo.Coordinates;
import id.pijat.store.Query;
import id.pijat.testing.BookingRequests;
import id.pijat.testing.TherapistFixtures;
import id.pijat.usecase.SearchTherapists;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many customers at once against few therapists, with real threads on the embedded database (each
 * thread stands for an executor: no lock is shared in memory, only the database). Repeated for many
 * rounds; after each: no therapist in two overlapping bookings, and no booking left half-way.
 */
class BookingConcurrencyTest {
  private static final Coordinates SANUR = new Coordinates(-8.6932, 115.2614);
  private static final int ROUNDS = 25;
  private static final int CUSTOMERS = 12;
  private static final int THERAPISTS = 3;
  /** Empty rounds may repeat at once, so customers run out of attempts without the test waiting. */
  private static final BookingPolicy NO_WAIT =
      new BookingPolicy(Duration.ofMinutes(30), Duration.ofMinutes(30), Duration.ZERO, Duration.ofHours(6), Duration.ofMinutes(30), Duration.ofHours(2));

  private static final Caller BUDI = Caller.user("budi");

  private final ExecutorService executors = Executors.newFixedThreadPool(8);
  private final AtomicLong logicalTime = new AtomicLong();

  @AfterEach
  void stop() {
    executors.shutdownNow();
  }

  private static H2DocumentStore freshStore() {
    AppwriteProject project = AppwriteProject.read(Path.of("..", "appwrite.json"));
    H2DocumentStore store = H2DocumentStore.open("jdbc:h2:mem:" + UUID.randomUUID(), project.collections(), Clock.tickMillis(java.time.ZoneOffset.UTC));
    TherapistFixtures therapists = new TherapistFixtures(store);
    for (int n = 0; n < THERAPISTS; n++) {
      therapists.add("t" + n, offset(SANUR, n + 1, 0), 4.5);
    }
    return store;
  }

  private static Backend backend(H2DocumentStore store) {
    // one test customer stands for many here: fair use is tested on its own
    Settings defaults = Settings.from(Map.of("FAIR_USE", "off"));
    return new Backend(store, Clock.tickMillis(java.time.ZoneOffset.UTC),
        new Settings(defaults.databaseId(), defaults.prices(), defaults.storeTimeout(), NO_WAIT, defaults.cleanupBudget(), defaults.fairUse()));
  }

  private static Booking book(Backend backend, Caller caller, Instant scheduledAt) {
    return backend.createBooking().create(caller,
        BookingRequests.at(SANUR, scheduledAt), null).booking();
  }

  /** When a booking held its therapist, as the customer saw it: from accept's return to the cancel call. */
  private record Engagement(String therapistId, String bookingId, long from, long until) {}

  /** One customer: search, sometimes ask for another or cancel, accept; until the booking is settled. */
  private Engagement customer(Backend backend, Caller caller, Instant scheduledAt, long seed) {
    Random random = new Random(seed);
    Booking booking = book(backend, caller, scheduledAt);
    for (int step = 0; step < 100; step++) {
      try {
        SearchTherapists.Outcome outcome =
            backend.searchTherapists().search(caller, booking.id(), SearchConfig.DEFAULT, null, random.nextInt(5) == 0);
        if (outcome.booking().status() != BookingStatus.PENDING_ACCEPT) {
          continue;
        }
        if (random.nextInt(10) == 0) {
          backend.cancelBooking().cancel(caller, booking.id(), "changed my mind");
          return null;
        }
        Booking active = backend.acceptTherapist().accept(caller, booking.id(), outcome.booking().therapistId());
        long from = logicalTime.incrementAndGet();
        long until = Long.MAX_VALUE;
        if (random.nextInt(3) == 0) {
          until = logicalTime.incrementAndGet();
          backend.cancelBooking().cancel(caller, booking.id(), "done early");
        }
        return new Engagement(active.therapistId(), active.id(), from, until);
      } catch (Rejection rejection) {
        if (rejection.code() == ErrorCode.SEARCH_TIMEOUT) {
          return null;
        }
        if (rejection.code() != ErrorCode.THERAPIST_UNAVAILABLE && rejection.code() != ErrorCode.OFFER_EXPIRED) {
          throw rejection;
        }
      } catch (ConcurrentChangeException retry) {
        // the customer's own other tab moved the booking; try again
      }
    }
    throw new AssertionError("customer " + caller.userId() + " never settled booking " + booking.id());
  }

  private List<Engagement> runCustomers(Backend backend, Function<Integer, Instant> scheduledAt, int round) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Engagement>> customers = new ArrayList<>();
    for (int c = 0; c < CUSTOMERS; c++) {
      int customer = c;
      customers.add(executors.submit(() -> {
        start.await();
        return customer(backend, Caller.user("c" + customer), scheduledAt.apply(customer), round * 100L + customer);
      }));
    }
    start.countDown();
    List<Engagement> engagements = new ArrayList<>();
    for (Future<Engagement> customer : customers) {
      Engagement engagement = customer.get(60, TimeUnit.SECONDS);
      if (engagement != null) {
        engagements.add(engagement);
      }
    }
    return engagements;
  }

  private static void assertNothingHalfWay(H2DocumentStore store, Backend backend) {
    List<String> ids = store.list("bookings", List.of(Query.limit(100))).stream().map(d -> d.id()).toList();
    assertEquals(CUSTOMERS, ids.size());
    for (String id : ids) {
      Booking booking = backend.bookings().find(id).orElseThrow();
      assertTrue(booking.status() == BookingStatus.ACTIVE || booking.status() == BookingStatus.CANCELLED,
          "booking " + id + " is settled, not " + booking.status());
    }
  }

  @Test
  void immediateBookingsNeverShareATherapist() throws Exception {
    for (int round = 0; round < ROUNDS; round++) {
      try (H2DocumentStore store = freshStore()) {
        Backend backend = backend(store);
        List<Engagement> engagements = runCustomers(backend, customer -> null, round);

        Map<String, List<Engagement>> byTherapist = engagements.stream().collect(Collectors.groupingBy(Engagement::therapistId));
        byTherapist.forEach((therapist, held) -> {
          for (Engagement a : held) {
            for (Engagement b : held) {
              if (a != b && a.from() < b.until() && b.from() < a.until()) {
                fail("therapist " + therapist + " was engaged by " + a.bookingId() + " and " + b.bookingId() + " at once");
              }
            }
          }
        });
        Map<String, Long> activeNow = engagements.stream().filter(e -> e.until() == Long.MAX_VALUE)
            .collect(Collectors.groupingBy(Engagement::therapistId, Collectors.counting()));
        activeNow.forEach((therapist, count) -> assertEquals(1L, count, "active bookings of " + therapist));
        assertTrue(engagements.size() >= 1, "some customer got a therapist in round " + round);
        assertNothingHalfWay(store, backend);
      }
    }
  }

  @Test
  void scheduledBookingsOfOneTherapistNeverOverlap() throws Exception {
    Instant base = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(Duration.ofDays(1));
    for (int round = 0; round < ROUNDS; round++) {
      Random random = new Random(round);
      Map<Integer, Instant> starts = new ConcurrentHashMap<>();
      for (int c = 0; c < CUSTOMERS; c++) {
        starts.put(c, base.plus(Duration.ofMinutes(15L * random.nextInt(12))));
      }
      try (H2DocumentStore store = freshStore()) {
        Backend backend = backend(store);
        runCustomers(backend, starts::get, round);

        List<Booking> active = store.list("bookings", List.of(Query.equal("status", "active"), Query.limit(100))).stream()
            .map(d -> backend.bookings().find(d.id()).orElseThrow()).toList();
        for (Booking a : active) {
          for (Booking b : active) {
            if (a != b && a.therapistId().equals(b.therapistId())) {
              Instant aEnd = NO_WAIT.spanEnd(a.startsAt(), a.request().duration());
              Instant bEnd = NO_WAIT.spanEnd(b.startsAt(), b.request().duration());
              assertTrue(!a.startsAt().isBefore(bEnd) || !b.startsAt().isBefore(aEnd),
                  a.therapistId() + ": " + a.startsAt() + " and " + b.startsAt() + " overlap");
            }
          }
        }
        assertNothingHalfWay(store, backend);
      }
    }
  }

  @Test
  void twoAcceptsRacingOnOneBookingActivateItOnce() throws Exception {
    for (int round = 0; round < ROUNDS * 2; round++) {
      try (H2DocumentStore store = freshStore()) {
        Backend backend = backend(store);
        Booking offered = offered(backend);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Booking>> accepts = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
          accepts.add(onStart(start, () -> backend.acceptTherapist().accept(BUDI, offered.id(), offered.therapistId())));
        }
        start.countDown();
        Booking first = accepts.get(0).get(30, TimeUnit.SECONDS);
        Booking second = accepts.get(1).get(30, TimeUnit.SECONDS);

        Booking stored = backend.bookings().find(offered.id()).orElseThrow();
        assertEquals(BookingStatus.ACTIVE, stored.status());
        assertEquals(offered.version() + 1, stored.version(), "one acceptance, one version");
        assertEquals(stored, first, "both callers get the booking as stored");
        assertEquals(stored, second);
        assertEquals(1, store.list(Chats.MESSAGES, List.of(Query.equal("bookingId", offered.id()), Query.limit(10))).size());
      }
    }
  }

  @Test
  void findAnotherRacingAcceptNeverUndoesTheAcceptance() throws Exception {
    for (int round = 0; round < ROUNDS * 2; round++) {
      try (H2DocumentStore store = freshStore()) {
        Backend backend = backend(store);
        Booking offered = offered(backend);
        CountDownLatch start = new CountDownLatch(1);
        Future<?> accept = onStart(start, () -> backend.acceptTherapist().accept(BUDI, offered.id(), offered.therapistId()));
        Future<?> findAnother =
            onStart(start, () -> backend.searchTherapists().search(BUDI, offered.id(), SearchConfig.DEFAULT, null, true));
        start.countDown();
        settle(accept);
        settle(findAnother);

        Booking settled = backend.bookings().find(offered.id()).orElseThrow();
        TherapistLocks locks = new TherapistLocks(store, Clock.tickMillis(java.time.ZoneOffset.UTC));
        if (settled.status() == BookingStatus.ACTIVE) {
          assertTrue(locks.heads(List.of(settled.therapistId())).of(settled.therapistId()).orElseThrow().isHeldBy(offered.id(), java.time.Instant.now()),
              "the accepted therapist stays engaged");
        } else {
          assertEquals(BookingStatus.PENDING_ACCEPT, settled.status());
          assertTrue(locks.heads(List.of(settled.therapistId())).of(settled.therapistId()).orElseThrow().isHeldBy(offered.id(), java.time.Instant.now()),
              "the new offer is held");
          assertTrue(locks.heads(List.of(offered.therapistId())).of(offered.therapistId()).map(h -> !h.isLive(java.time.Instant.now())).orElse(true),
              "the declined therapist is free");
        }
      }
    }
  }

  /** Budi's booking, with a therapist offered. */
  private static Booking offered(Backend backend) {
    Booking booking = book(backend, BUDI, null);
    return backend.searchTherapists().search(BUDI, booking.id(), SearchConfig.DEFAULT, null, false).booking();
  }

  /** A call on another thread that starts when the latch opens, so two calls race as closely as threads allow. */
  private <T> Future<T> onStart(CountDownLatch start, java.util.concurrent.Callable<T> call) {
    return executors.submit(() -> {
      start.await();
      return call.call();
    });
  }

  /** Waits for a call that may lose its race with a refusal or a retryable conflict. */
  private static void settle(Future<?> call) throws Exception {
    try {
      call.get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException lost) {
      if (!(lost.getCause() instanceof Rejection) && !(lost.getCause() instanceof ConcurrentChangeException)) {
        throw lost;
      }
    }
  }
}
