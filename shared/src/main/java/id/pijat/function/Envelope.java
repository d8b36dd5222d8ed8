package id.pijat.function;

import id.pijat.error.FieldProblem;
import id.pijat.error.RateLimited;
import id.pijat.error.Rejection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {"success": true, "data": …} or {"success": false, "error": {code, message, details?}}. details
 * names the fields that are wrong, or for RATE_LIMITED says when to retry: {retryAfter (seconds),
 * retryAt}.
 */
public final class Envelope {
  private Envelope() {}

  public static Map<String, Object> success(Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("success", true);
    envelope.put("data", data);
    return envelope;
  }

  public static Map<String, Object> failure(Rejection rejection) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", rejection.code().name());
    error.put("message", rejection.getMessage());
    if (rejection instanceof RateLimited limited) {
      error.put("details", Map.of("retryAfter", limited.retryAfter().toSeconds(), "retryAt", limited.retryAt().toString()));
    } else if (!rejection.details().isEmpty()) {
      error.put("details", details(rejection.details()));
    }
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("success", false);
    envelope.put("error", error);
    return envelope;
  }

  private static List<Map<String, String>> details(List<FieldProblem> problems) {
    return problems.stream()
        .map(p -> Map.of("field", p.field(), "problem", p.problem()))
        .toList();
  }
}
