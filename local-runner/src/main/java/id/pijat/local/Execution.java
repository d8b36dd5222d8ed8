package id.pijat.local;

import id.pijat.store.DocumentTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One execution as Appwrite 1.6 keeps it, and how it shows it (its times as Appwrite writes every
 * datetime, "2026-11-21T10:00:00.000+00:00"): only server callers see logs and
 * errors; request headers are shown only from Appwrite's allowlist (a booking token or JWT sent as
 * a header never comes back); the response body and all response headers only in the answer of a
 * synchronous execution, a stored execution keeps neither.
 */
record Execution(
    String id,
    Instant createdAt,
    Instant updatedAt,
    String userId,
    String functionId,
    String trigger,
    String status,
    String requestMethod,
    String requestPath,
    Map<String, String> requestHeaders,
    int responseStatusCode,
    String responseBody,
    Map<String, String> responseHeaders,
    String logs,
    String errors,
    double duration) {
  /** Appwrite's FUNCTION_ALLOWLIST_HEADERS_REQUEST and _RESPONSE. */
  static final Set<String> SHOWN_REQUEST_HEADERS = Set.of("content-type", "agent", "content-length", "host", "x-appwrite-client-ip");
  private static final Set<String> SHOWN_RESPONSE_HEADERS = Set.of("content-type", "content-length");

  Execution {
    requestHeaders = Map.copyOf(requestHeaders);
    responseHeaders = Map.copyOf(responseHeaders);
  }

  /** A new execution, not run yet: "waiting" for an async one, "processing" while a synchronous one runs. */
  static Execution started(String id, Instant now, String userId, String functionId, String trigger, String status,
      String method, String path) {
    return new Execution(id, now, now, userId, functionId, trigger, status, method, path, Map.of(), 0, "",
        Map.of(), "", "", 0);
  }

  /** Queued for the background, with the headers the function will be handed. */
  Execution waiting(Map<String, String> headers) {
    return new Execution(id, createdAt, updatedAt, userId, functionId, trigger, "waiting", requestMethod, requestPath,
        headers, 0, "", Map.of(), "", "", 0);
  }

  /** Running, with the headers the function is handed. */
  Execution processing(Instant now, Map<String, String> headers) {
    return new Execution(id, createdAt, now, userId, functionId, trigger, "processing", requestMethod, requestPath,
        headers, 0, "", Map.of(), "", "", 0);
  }

  /** As Appwrite decides: a 5xx from the function is a failed execution. */
  Execution finished(Instant now, int statusCode, String body, Map<String, String> headers, String logs, String errors,
      double seconds) {
    Map<String, String> shown = new LinkedHashMap<>(headers);
    shown.put("x-appwrite-execution-id", id);
    return new Execution(id, createdAt, now, userId, functionId, trigger, statusCode >= 500 ? "failed" : "completed",
        requestMethod, requestPath, requestHeaders, statusCode, body, shown, logs, errors, seconds);
  }

  /** The user this execution belongs to may read it; a guest's belongs to nobody. */
  boolean readableBy(LocalAuth.Identity caller) {
    return caller.server() || (userId != null && userId.equals(caller.userId()));
  }

  /**
   * @param fresh the answer of the synchronous call that ran it: with its response body and headers
   */
  Map<String, Object> json(LocalAuth.Identity viewer, boolean fresh) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("$id", id);
    json.put("$createdAt", DocumentTimes.format(createdAt));
    json.put("$updatedAt", DocumentTimes.format(updatedAt));
    json.put("$permissions", userId == null ? List.of() : List.of("read(\"user:" + userId + "\")"));
    json.put("functionId", functionId);
    json.put("trigger", trigger);
    json.put("status", status);
    json.put("requestMethod", requestMethod);
    json.put("requestPath", requestPath);
    json.put("requestHeaders", pairs(requestHeaders, SHOWN_REQUEST_HEADERS));
    json.put("responseStatusCode", responseStatusCode);
    json.put("responseBody", fresh ? responseBody : "");
    json.put("responseHeaders", pairs(responseHeaders, fresh ? null : SHOWN_RESPONSE_HEADERS));
    json.put("logs", viewer.server() ? logs : "");
    json.put("errors", viewer.server() ? errors : "");
    json.put("duration", duration);
    json.put("scheduledAt", null);
    return json;
  }

  private static List<Map<String, String>> pairs(Map<String, String> headers, Set<String> shown) {
    List<Map<String, String>> pairs = new ArrayList<>();
    headers.forEach((name, value) -> {
      if (shown == null || shown.contains(name)) {
        pairs.add(Map.of("name", name, "value", value));
      }
    });
    return pairs;
  }
}
