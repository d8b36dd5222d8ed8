package id.pijat.store.appwrite;

import id.pijat.store.StoreUnavailableException;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.exceptions.AppwriteException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * Calls one of the SDK's suspend functions from Java and waits for it, never longer than the
 * deadline: a malformed response can leave the callback unfired.
 */
final class SdkCalls {
  private SdkCalls() {}

  @FunctionalInterface
  interface SuspendCall<T> {
    Object start(CoroutineCallback<T> callback) throws AppwriteException;
  }

  @SuppressWarnings("unchecked")
  static <T> T await(Duration deadline, SuspendCall<T> call) throws AppwriteException {
    CompletableFuture<T> result = new CompletableFuture<>();
    CoroutineCallback<T> callback =
        new CoroutineCallback<>((value, error) -> {
          if (error != null) {
            result.completeExceptionally(error);
          } else {
            result.complete(value);
          }
        });
    try {
      Object returned = call.start(callback);
      if (returned != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
        return (T) returned;
      }
      return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException("Appwrite did not answer within " + deadline, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while waiting for Appwrite", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AppwriteException appwrite) {
        throw appwrite;
      }
      if (cause instanceof IOException || cause instanceof com.google.gson.JsonParseException) {
        throw new StoreUnavailableException("Appwrite call failed: " + cause, cause);
      }
      throw new StoreUnavailableException("Appwrite call failed unexpectedly: " + cause, cause);
    }
  }
}
