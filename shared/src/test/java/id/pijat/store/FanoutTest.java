package id.pijat.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FanoutTest {
  private final Executor pool = Executors.newFixedThreadPool(4);

  @Test
  void callsRunAtOnceAndAnswerInTheirOrder() {
    CountDownLatch allStarted = new CountDownLatch(3);
    Supplier<String> call = () -> {
      allStarted.countDown();
      try {
        // each call returns only once all three are under way: they cannot have run one by one
        assertTrue(allStarted.await(5, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return Thread.currentThread().getName();
    };

    List<String> threads = Fanout.on(pool).all(List.of(call, call, call));

    assertEquals(3, threads.size());
    assertEquals(Thread.currentThread().getName(), threads.get(0), "the first call runs on the caller");
  }

  @Test
  void aFailureIsThrownOnlyOnceEveryCallHasFinished() {
    AtomicBoolean slowFinished = new AtomicBoolean();
    StoreUnavailableException failure = new StoreUnavailableException("down", null);

    StoreUnavailableException thrown = assertThrows(StoreUnavailableException.class, () -> Fanout.on(pool).all(List.<Supplier<Object>>of(
        () -> {
          throw failure;
        },
        () -> {
          try {
            Thread.sleep(200);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          slowFinished.set(true);
          return "late";
        })));

    assertSame(failure, thrown);
    assertTrue(slowFinished.get(), "nothing is still in flight when the caller goes on");
  }

  @Test
  void moreCallsThanTheSharedPoolHasThreadsAreRunByTheCallerInsteadOfRefused() {
    List<Supplier<Integer>> calls =
        java.util.stream.IntStream.range(0, Fanout.Pool.THREADS + 18).<Supplier<Integer>>mapToObj(n -> () -> {
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          return n;
        }).toList();

    List<Integer> answers = Fanout.shared().all(calls);

    assertEquals(java.util.stream.IntStream.range(0, calls.size()).boxed().toList(), answers);
  }
}
