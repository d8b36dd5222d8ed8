package id.pijat.function;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import id.pijat.booking.ConcurrentChangeException;
import id.pijat.error.ErrorCode;
import id.pijat.error.RateLimited;
import id.pijat.error.Rejection;
import id.pijat.model.booking.IllegalPaymentChangeException;
import id.pijat.model.booking.IllegalTransitionException;
import id.pijat.store.StoreUnavailableException;
import id.pijat.store.WriteOutcomeUnknownException;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeOutput;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where an execution meets the domain: builds the request, runs the handler with the backend the
 * function's Main was given, and answers the envelope. Whatever goes wrong, the client gets a code
 * and a safe message; the detail goes to the execution's error log only.
 */
public final class Edge {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /**
   * The body of one function: request in, reply out. The backend is built on its first {@code
   * get()}, so a request refused for its input is answered before any backend exists (a cold
   * start's first answer to bad input costs only the JVM and the parsing).
   */
  @FunctionalInterface
  public interface Handler {
    Reply handle(FunctionRequest request, Supplier<Backend> backend);
  }

  private Edge() {}

  /** A function that changes something: POST only, so a prefetch, a crawler or a GET link never books. */
  public static RuntimeOutput change(RuntimeContext context, Backends backends, Handler handler) {
    return serve(context, backends, List.of("POST"), handler);
  }

  /** A function that only reads: GET or POST. */
  public static RuntimeOutput read(RuntimeContext context, Backends backends, Handler handler) {
    return serve(context, backends, List.of("GET", "POST"), handler);
  }

  private static RuntimeOutput serve(RuntimeContext context, Backends backends, List<String> methods, Handler handler) {
    OnFirstUse backend = null;
    try {
      FunctionRequest request = FunctionRequest.of(context.getReq());
      request.requireRoute(methods);
      backend = new OnFirstUse(backends, request);
      Reply reply = handler.handle(request, backend);
      return answer(context, reply.status(), reply.envelope());
    } catch (RateLimited limited) {
      return answer(context, limited.code().httpStatus(), Envelope.failure(limited),
          Map.of("retry-after", Long.toString(limited.retryAfter().toSeconds())));
    } catch (Rejection rejection) {
      return refuse(context, rejection);
    } catch (IllegalTransitionException illegal) {
      return refuse(context, new Rejection(ErrorCode.INVALID_STATE, "The booking's status does not allow this."));
    } catch (IllegalPaymentChangeException illegal) {
      return refuse(context, new Rejection(ErrorCode.INVALID_STATE,
          "A " + illegal.from().code() + " payment cannot become " + illegal.to().code() + "."));
    } catch (StoreUnavailableException | WriteOutcomeUnknownException | ConcurrentChangeException busy) {
      context.error("retryable: " + busy);
      return refuse(
          context,
          new Rejection(ErrorCode.SERVICE_UNAVAILABLE, "The service is busy. Please try again in a moment."));
    } catch (RuntimeException defect) {
      context.error(stackTrace(defect));
      return refuse(context, new Rejection(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side."));
    } finally {
      // before the runtime sends the answer: nothing of this execution reaches the database after it
      if (backend != null) {
        backend.finish();
      }
    }
  }

  /** The execution's backend, built when the handler first asks for it. */
  private static final class OnFirstUse implements Supplier<Backend> {
    private final Backends backends;
    private final FunctionRequest request;
    private Backend built;

    OnFirstUse(Backends backends, FunctionRequest request) {
      this.backends = backends;
      this.request = request;
    }

    @Override
    public Backend get() {
      if (built == null) {
        built = backends.forRequest(request);
      }
      return built;
    }

    /**
     * The execution has answered: whatever of it is still in flight on Appwrite is cancelled and
     * nothing more is sent. A backend given for all executions (the runner's embedded store, a
     * test's) is left alone.
     */
    void finish() {
      if (built != null && built.store() instanceof DeferredStore execution) {
        execution.close();
      }
    }
  }

  private static RuntimeOutput refuse(RuntimeContext context, Rejection rejection) {
    return answer(context, rejection.code().httpStatus(), Envelope.failure(rejection));
  }

  private static RuntimeOutput answer(RuntimeContext context, int status, Map<String, Object> envelope) {
    return answer(context, status, envelope, Map.of());
  }

  private static RuntimeOutput answer(RuntimeContext context, int status, Map<String, Object> envelope, Map<String, String> more) {
    Map<String, String> headers = new HashMap<>(more);
    headers.put("content-type", "application/json");
    return context.getRes().text(GSON.toJson(envelope), status, headers);
  }

  private static String stackTrace(Throwable throwable) {
    StringWriter text = new StringWriter();
    throwable.printStackTrace(new PrintWriter(text));
    return text.toString();
  }
}
