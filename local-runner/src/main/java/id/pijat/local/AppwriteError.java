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

  /** A request that names a project other than this one, as Appwrite answers a project it does not have. */
  static AppwriteError projectNotFound() {
    return new AppwriteError(404, "project_not_found", "Project with the requested ID could not be found. Please check the value of the X-Appwrite-Project header to ensure the correct project ID is being used.");
  }

  /**
   * A request that names no project: Appwrite takes it as its console's, which serves neither functions
   * nor databases, and says which of the two the caller did.
   */
  static AppwriteError consoleProject(boolean named) {
    return new AppwriteError(401, "general_access_forbidden", named
        ? "This endpoint is not available for the console project. The Appwrite Console is a reserved project ID and cannot be used with the Appwrite SDKs and APIs. Please check if your project ID is correct."
        : "No Appwrite project was specified. Please specify your project ID when initializing your Appwrite SDK.");
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
