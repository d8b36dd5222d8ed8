package id.pijat.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs independent store calls at once, so a use case waits one round trip for them instead of one
 * each. The store port stays synchronous (each call blocks a thread until its own deadline at most);
 * a small bounded pool lends the threads. When the pool is busy the calling thread runs the call
 * itself: the call gets slower, never stuck. Every call has finished, one way or the other, when
 * {@link #all} returns, so nothing of an execution is still in flight after it answers.
 */
@FunctionalInterface
public interface Fanout {
  /**
   * The results in the order of the calls. If any call threw, the first such exception (in the
   * order of the calls) is thrown once every call has finished.
   */
  <T> List<T> all(List<Supplier<T>> calls);

  /** As {@link #all}, for calls that answer nothing. */
  default void run(List<Runnable> calls) {
    all(calls.stream().<Supplier<Object>>map(call -> () -> {
      call.run();
      return null;
    }).toList());
  }

  /** Two answers of calls made at once. */
  record Both<A, B>(A first, B second) {}

  /** Runs two calls of different answers at once. */
  @SuppressWarnings("unchecked")
  default <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
    List<Object> answers = all(List.<Supplier<Object>>of(first::get, second::get));
    return new Both<>((A) answers.get(0), (B) answers.get(1));
  }

  /** One call after the other, on the calling thread. */
  Fanout SEQUENTIAL = new Fanout() {
    @Override
    public <T> List<T> all(List<Supplier<T>> calls) {
      return calls.stream().<T>map(Supplier::get).toList();
    }
  };

  /**
   * The pool every function in a JVM shares: at most {@value Pool#THREADS} borrowed threads (a warm
   * container runs several executions at once, each fanning out a dozen calls at most), made on
   * first use so a cold start for bad input does not pay for it.
   */
  static Fanout shared() {
    return Pool.FANOUT;
  }

  /**
   * Fans out on this executor; the first call of each batch runs on the calling thread. An executor
   * that refuses work must run it on the caller instead (as the shared pool does).
   */
  static Fanout on(Executor executor) {
    return new Fanout() {
      @Override
      public <T> List<T> all(List<Supplier<T>> calls) {
        if (calls.size() <= 1) {
          return SEQUENTIAL.all(calls);
        }
        List<Future<T>> started = new ArrayList<>();
        for (Supplier<T> call : calls.subList(1, calls.size())) {
          started.add(CompletableFuture.supplyAsync(call, executor));
        }
        List<T> results = new ArrayList<>();
        RuntimeException first = null;
        try {
          results.add(calls.get(0).get());
        } catch (RuntimeException failed) {
          first = failed;
          results.add(null);
        }
        for (Future<T> future : started) {
          try {
            results.add(future.get());
          } catch (ExecutionException failed) {
            first = first != null ? first : unwrap(failed);
            results.add(null);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            first = first != null ? first : new StoreUnavailableException("interrupted while waiting for the database", interrupted);
            results.add(null);
          }
        }
        if (first != null) {
          throw first;
        }
        return results;
      }
    };
  }

  private static RuntimeException unwrap(ExecutionException failed) {
    Throwable cause = failed.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }

  /** Holder of the shared pool, so it is built on first use only. */
  final class Pool {
    static final int THREADS = 32;
    static final Fanout FANOUT = on(executor());

    private Pool() {}

    private static Executor executor() {
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(0, THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "store-fanout");
            thread.setDaemon(true);
            return thread;
          });
      executor.setRejectedExecutionHandler((runnable, pool) -> runnable.run());
      return executor;
    }
  }
}
