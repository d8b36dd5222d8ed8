package id.pijat.store.appwrite;

import id.pijat.store.StoreUnavailableException;
import id.pijat.store.WriteOutcomeUnknownException;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.exceptions.AppwriteException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlinx.coroutines.Dispatchers;

/**
 * Calls one of the SDK's suspend functions from Java and waits for it. The HTTP call itself is
 * cancelled by OkHttp at the deadline (the store's client has it as its call timeout); the wait
 * here is a little longer, only so that a malformed response cannot leave us waiting for a
 * callback that never fires.
 *
 * <p>What a failure means depends on whether the request could have changed anything: a read that
 * fails changed nothing ({@link StoreUnavailableException}); a write that was sent and then
 * timed out, got a 5xx or lost its connection may have been applied ({@link
 * WriteOutcomeUnknownException}), unless the connection was never made.
 */
final class SdkCalls {
  private static final Duration MARGIN = Duration.ofMillis(250);

  private SdkCalls() {}

  @FunctionalInterface
  interface SuspendCall<T> {
    Object start(CoroutineCallback<T> callback) throws AppwriteException;
  }

  @SuppressWarnings("unchecked")
  static <T> T await(Duration deadline, boolean write, String what, SuspendCall<T> call) throws AppwriteException {
    CompletableFuture<T> result = new CompletableFuture<>();
    // resumed where OkHttp delivers the answer (the SDK has parsed it there already): the default,
    // Dispatchers.Default, would hand every answer to yet another thread before the caller's
    CoroutineCallback<T> callback =
        new CoroutineCallback<>((value, error) -> {
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(value);
          }
        }, Dispatchers.getUnconfined());
    Object returned;
    try {
      returned = call.start(callback);
    } catch (AppwriteException e) {
      throw e;
    } catch (Exception e) {
      // the call failed before it suspended: Kotlin throws its IOException undeclared
      throw failure(write, what, e);
    }
    if (returned != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
      return (T) returned;
    }
    try {
      return result.get(deadline.plus(MARGIN).toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw failed(write, what + ": Appwrite did not answer within " + deadline, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed(write, what + ": interrupted while waiting for Appwrite", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AppwriteException appwrite) {
        throw appwrite;
      }
      throw failure(write, what, cause);
    }
  }

  private static RuntimeException failure(boolean write, String what, Throwable cause) {
    if (neverConnected(cause)) {
      return new StoreUnavailableException(what + ": could not reach Appwrite: " + cause, cause);
    }
    return failed(write, what + " failed: " + cause, cause);
  }

  /** A failure after the request may have been sent. */
  static RuntimeException failed(boolean write, String detail, Throwable cause) {
    return write ? new WriteOutcomeUnknownException(detail, cause) : new StoreUnavailableException(detail, cause);
  }

  /** No connection was made, so nothing was sent: retrying is safe even for a write. */
  private static boolean neverConnected(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
        return true;
      }
    }
    return false;
  }
}
