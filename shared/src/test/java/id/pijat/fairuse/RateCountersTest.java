package id.pijat.fairuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import id.pijat.error.RateLimited;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.Query;
import id.pijat.testing.MutableClock;
import id.pijat.testing.WriteCountingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RateCountersTest {
  private static final Rate THREE_PER_MINUTE = Rate.of(3, Duration.ofMinutes(1));
  private final InMemoryDocumentStore data = new InMemoryDocumentStore();
  private final WriteCountingStore store = new WriteCountingStore(data);
  private final RateCounters counters = new RateCounters(store);
  private final MutableClock clock = MutableClock.at("2026-11-23T03:00:00Z");

  private static RateCounters.Charge budi() {
    return new RateCounters.Charge(Limit.CREATES_PER_CUSTOMER, THREE_PER_MINUTE, "whatsapp:+6281234567890");
  }

  private int counted() {
    return data.list(RateCounters.COLLECTION, List.of(Query.limit(100))).size();
  }

  @Test
  void theRequestOverTheRateIsRefusedWritingNothing() {
    for (int n = 0; n < 3; n++) {
      counters.take(List.of(budi()), clock.instant());
    }
    int writes = store.writes();

    assertThrows(RateLimited.class, () -> counters.take(List.of(budi()), clock.instant()));

    assertEquals(writes, store.writes());
  }

  @Test
  void aFullWindowIsFreeOnceItsRequestsHaveSlidPartlyOutOfTheNextOneNotAtItsEnd() {
    for (int n = 0; n < 3; n++) {
      counters.take(List.of(budi()), clock.instant());
    }

    RateLimited refused = assertThrows(RateLimited.class, () -> counters.take(List.of(budi()), clock.instant()));

    // at 03:01:00 all three still count (3 + 0 = 3); a third into the next window two do
    assertEquals(Instant.parse("2026-11-23T03:01:20Z"), refused.retryAt());
    assertEquals(Duration.ofSeconds(80), refused.retryAfter());
    clock.set(refused.retryAt().minusMillis(1));
    assertThrows(RateLimited.class, () -> counters.take(List.of(budi()), clock.instant()));
    clock.set(refused.retryAt());
    counters.take(List.of(budi()), clock.instant());
    assertEquals(4, counted());
  }

  @Test
  void ratesRaisedBeyondOnePageTogetherAreStillCountedEachToItsLimit() {
    Rate most = Rate.of(Rate.MAX_COUNT, Duration.ofMinutes(10));
    RateCounters.Charge perAddress = new RateCounters.Charge(Limit.CREATES_PER_ADDRESS, most, "address:127.0.0.1");
    RateCounters.Charge perCustomer = new RateCounters.Charge(Limit.CREATES_PER_CUSTOMER, most, "whatsapp:+6281234567890");
    for (int n = 0; n < Rate.MAX_COUNT; n++) {
      counters.take(List.of(perAddress, perCustomer), clock.instant());
    }

    assertThrows(RateLimited.class, () -> counters.take(List.of(perAddress, perCustomer), clock.instant()));
    assertEquals(2 * Rate.MAX_COUNT, data.list(RateCounters.COLLECTION, List.of(Query.limit(100))).size());
  }

  @Test
  void theWindowSlidesSoABurstAcrossItsEdgeIsNotTwiceTheRate() {
    clock.set(Instant.parse("2026-11-23T03:00:50Z"));
    for (int n = 0; n < 3; n++) {
      counters.take(List.of(budi()), clock.instant());
    }
    clock.set(Instant.parse("2026-11-23T03:01:05Z"));

    RateLimited refused = assertThrows(RateLimited.class, () -> counters.take(List.of(budi()), clock.instant()));

    // a third of the way into the window, two thirds of the burst still count: 2 + 0 < 3
    assertEquals(Instant.parse("2026-11-23T03:01:20Z"), refused.retryAt());
    clock.set(refused.retryAt());
    counters.take(List.of(budi()), clock.instant());
    assertEquals(4, counted());
  }

  @Test
  void theRequestIsCountedAgainstEveryChargeOrAgainstNone() {
    RateCounters.Charge address = new RateCounters.Charge(Limit.CREATES_PER_ADDRESS, Rate.of(1, Duration.ofMinutes(10)), "address:203.0.113.7");
    counters.take(List.of(address), clock.instant());

    assertThrows(RateLimited.class, () -> counters.take(List.of(budi(), address), clock.instant()));

    assertEquals(1, counted());
  }

  @Test
  void keysAreCountedApart() {
    RateCounters.Charge other = new RateCounters.Charge(Limit.CREATES_PER_CUSTOMER, THREE_PER_MINUTE, "whatsapp:+6281300000000");
    for (int n = 0; n < 3; n++) {
      counters.take(List.of(budi()), clock.instant());
    }

    counters.take(List.of(other), clock.instant());

    assertEquals(4, counted());
  }

  @Test
  void racingRequestsNeverCountMoreThanTheRate() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> calls = new ArrayList<>();
    for (int n = 0; n < 16; n++) {
      calls.add(threads.submit(() -> {
        start.await();
        try {
          counters.take(List.of(budi()), clock.instant());
          return true;
        } catch (RateLimited refused) {
          return false;
        }
      }));
    }
    start.countDown();
    int through = 0;
    for (Future<Boolean> call : calls) {
      through += call.get() ? 1 : 0;
    }
    threads.shutdown();

    assertEquals(3, through);
    assertEquals(3, counted());
  }
}
