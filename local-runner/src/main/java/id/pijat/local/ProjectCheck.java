package id.pijat.local;

import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The project a request names, checked as Appwrite 1.6 checks it before it reads the caller or the
 * request: the query parameter {@code project}, else the header X-Appwrite-Project (the SDKs'
 * setProject). None, or Appwrite's own {@code console}, is the console project, which serves neither
 * functions nor databases (401 general_access_forbidden); any other than appwrite.json's projectId
 * is a project Appwrite does not have (404 project_not_found). So a client that forgot setProject, or
 * has another project's ID, fails here as it would on Appwrite.
 */
final class ProjectCheck {
  private static final String CONSOLE = "console";

  private final String projectId;

  ProjectCheck(String projectId) {
    this.projectId = projectId;
  }

  /** @throws AppwriteError unless the request names this project */
  void require(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("X-Appwrite-Project");
    String named = queryParameter(exchange.getRequestURI().getRawQuery());
    if (named == null) {
      named = header == null ? "" : header;
    }
    if (named.isEmpty() || named.equals(CONSOLE)) {
      throw AppwriteError.consoleProject(header != null && !header.isEmpty());
    }
    if (!named.equals(projectId)) {
      throw AppwriteError.projectNotFound();
    }
  }

  private static String queryParameter(String rawQuery) {
    if (rawQuery == null) {
      return null;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("project=")) {
        return URLDecoder.decode(pair.substring("project=".length()), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
