package id.pijat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeOutput;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/** What every answer to any request must be: the envelope, never a 5xx or a stack trace; a refusal writes nothing. */
public final class SafeAnswers {
  /** Refusals of the request itself, not of the booking's state (SEARCH_TIMEOUT cancels the booking, as the README's searchTherapists says). */
  private static final Set<Integer> REFUSALS = Set.of(400, 403, 404, 422, 429);
  /** Longer than any rule's message with a field's name and an excerpt of the value in it. */
  private static final int MAX_SHOWN = 240;
  private static final Set<Integer> HIDDEN = Set.of((int) Character.CONTROL, (int) Character.FORMAT, (int) Character.LINE_SEPARATOR,
      (int) Character.PARAGRAPH_SEPARATOR, (int) Character.SURROGATE, (int) Character.PRIVATE_USE, (int) Character.UNASSIGNED);

  /** A function's Main.main. */
  @FunctionalInterface
  public interface Function {
    RuntimeOutput main(RuntimeContext context) throws Exception;
  }

  private SafeAnswers() {}

  /** Calls the function and checks its answer. */
  public static void assertSafe(
      Function function, String method, String path, String body, Map<String, String> headers, WriteCountingStore store)
      throws Exception {
    RuntimeLogger logger = new RuntimeLogger();
    int writesBefore = store.writes();
    RuntimeOutput output = function.main(RuntimeCalls.request(method, path, body, headers, logger));
    String answer = new String(output.getBody(), StandardCharsets.UTF_8);
    int status = output.getStatusCode();
    assertTrue(status < 500, () -> status + ": " + answer + "\n" + logger.errors());
    assertEquals("", logger.errors(), "nothing went to the error log");
    assertFalse(answer.contains("Exception") || answer.contains("\tat "), answer);
    JsonObject envelope = RuntimeCalls.json(output);
    assertEquals(status < 400, envelope.get("success").getAsBoolean(), answer);
    if (REFUSALS.contains(status)) {
      assertEquals(writesBefore, store.writes(), () -> "a refusal wrote: " + answer);
    }
    if (!envelope.get("success").getAsBoolean()) {
      JsonObject error = envelope.getAsJsonObject("error");
      assertShowable(error.get("message").getAsString(), answer);
      if (error.has("details") && error.get("details").isJsonArray()) {
        for (JsonElement problem : error.getAsJsonArray("details")) {
          assertShowable(problem.getAsJsonObject().get("field").getAsString(), answer);
          assertShowable(problem.getAsJsonObject().get("problem").getAsString(), answer);
        }
      }
    }
  }

  /**
   * A message the contract calls safe to show a customer: short, whatever was sent, and with no
   * markup, controls, bidi overrides or other invisible characters taken from the request.
   */
  private static void assertShowable(String text, String answer) {
    assertTrue(text.codePointCount(0, text.length()) <= MAX_SHOWN, () -> "too long to show: " + answer);
    assertTrue(text.codePoints().noneMatch(c -> c == '<' || c == '>' || HIDDEN.contains(Character.getType(c))),
        () -> "not safe to show: " + answer);
  }
}
