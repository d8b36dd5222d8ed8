package id.pijat.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body of POST /v1/functions/{functionId}/executions, checked as Appwrite 1.6 checks its
 * parameters; anything else is refused with Appwrite's 400 naming the parameter.
 */
record ExecutionPayload(String body, boolean async, String path, String method, Map<String, String> headers) {
  static final int MAX_BODY_CHARS = 10 * 1024 * 1024;
  static final int MAX_PATH_CHARS = 2048;
  static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");

  /** What the scheduler sends: an empty POST to /. */
  static final ExecutionPayload SCHEDULED = new ExecutionPayload("", false, "/", "POST", Map.of());

  static ExecutionPayload parse(String text) {
    JsonObject json;
    if (text.isBlank()) {
      json = new JsonObject();
    } else {
      try {
        JsonElement element = JsonParser.parseString(text);
        if (!element.isJsonObject()) {
          throw new AppwriteError(400, "general_argument_invalid", "The request body must be a JSON object.");
        }
        json = element.getAsJsonObject();
      } catch (com.google.gson.JsonParseException e) {
        throw new AppwriteError(400, "general_argument_invalid", "Invalid JSON body.");
      }
    }
    String body = text(json, "body", "", MAX_BODY_CHARS);
    String path = text(json, "path", "/", MAX_PATH_CHARS);
    String method = text(json, "method", "POST", 16);
    if (!METHODS.contains(method)) {
      throw AppwriteError.invalidParam("method", "Value must be one of (" + String.join(", ", METHODS) + ")");
    }
    if (json.has("scheduledAt") && !json.get("scheduledAt").isJsonNull()) {
      throw AppwriteError.invalidParam("scheduledAt", "the local runner does not schedule executions; leave it out");
    }
    return new ExecutionPayload(body, bool(json, "async"), path, method, headers(json));
  }

  private static String text(JsonObject json, String name, String fallback, int maxChars) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return fallback;
    }
    if (!(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()) || value.getAsString().length() > maxChars) {
      throw AppwriteError.invalidParam(name, "Value must be a valid string and no longer than " + maxChars + " chars");
    }
    return value.getAsString();
  }

  /** Appwrite's loose Boolean: true, false, "true", "false", 1, 0. */
  private static boolean bool(JsonObject json, String name) {
    JsonElement value = json.get(name);
    if (value == null || value.isJsonNull()) {
      return false;
    }
    if (value.isJsonPrimitive()) {
      JsonPrimitive primitive = value.getAsJsonPrimitive();
      String text = primitive.getAsString().toLowerCase(Locale.ROOT);
      if (primitive.isBoolean() || text.equals("true") || text.equals("false") || text.equals("1") || text.equals("0")) {
        return text.equals("true") || text.equals("1");
      }
    }
    throw AppwriteError.invalidParam(name, "Value must be a valid boolean");
  }

  /**
   * The client's headers, lower-cased. Any x-appwrite-* header is dropped: the runner sets those, as
   * Appwrite overwrites them.
   */
  private static Map<String, String> headers(JsonObject json) {
    JsonElement value = json.get("headers");
    Map<String, String> headers = new LinkedHashMap<>();
    if (value == null || value.isJsonNull()) {
      return headers;
    }
    if (!value.isJsonObject()) {
      throw AppwriteError.invalidParam("headers", "Value must be a valid object");
    }
    for (Map.Entry<String, JsonElement> header : value.getAsJsonObject().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!name.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?") || !header.getValue().isJsonPrimitive()) {
        throw AppwriteError.invalidParam("headers",
            "Invalid headers: Alphanumeric characters or hyphens only, and string values");
      }
      if (!name.startsWith("x-appwrite-")) {
        headers.put(name, header.getValue().getAsString());
      }
    }
    return headers;
  }
}
