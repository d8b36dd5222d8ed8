package id.pijat.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the runner refuses, answered in Appwrite's error shape {message, code, type, version}
 * with Appwrite's status, type and message, so an SDK throws the AppwriteException it would throw
 * against Appwrite.
 */
final class AppwriteError extends RuntimeException {
  static final String VERSION = "1.6.0";

  private final int status;
  private final String type;

  AppwriteError(int status, String type, String message) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
  }

  static AppwriteError routeNotFound() {
    return new AppwriteError(404, "general_route_not_found", "Route not found. Please ensure the endpoint is configured correctly and that the API route is valid for this SDK version. Refer to the API docs for more details.");
  }

  static AppwriteError functionNotFound() {
    return new AppwriteError(404, "function_not_found", "Function with the requested ID could not be found.");
  }

  static AppwriteError executionNotFound() {
    return new AppwriteError(404, "execution_not_found", "Execution with the requested ID could not be found.");
  }

  static AppwriteError unauthorized() {
    return new AppwriteError(401, "user_unauthorized", "The current user is not authorized to perform the requested action.");
  }

  /** A parameter Appwrite's validator refuses: "Invalid `name` param: rule". */
  static AppwriteError invalidParam(String name, String rule) {
    return new AppwriteError(400, "general_argument_invalid", "Invalid `" + name + "` param: " + rule);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("message", getMessage());
    json.put("code", status);
    json.put("type", type);
    json.put("version", VERSION);
    return json;
  }
}
