package id.pijat.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * What the runner's HTTP server answers when no endpoint does: a request Jetty refuses before routing
 * it (a URI it cannot read, such as a %2F in a path segment, headers too large), a path no handler
 * serves, a handler's failure. Answered in Appwrite's error shape, as every other refusal of the
 * runner, so an SDK throws its AppwriteException rather than failing on an HTML page, and with the
 * CORS headers every answer has, so a browser shows that error rather than a CORS failure.
 */
final class ServerErrors extends ErrorHandler {
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  private final Cors cors;
  private final PrintStream log;

  ServerErrors(Cors cors, PrintStream log) {
    this.cors = cors;
    this.log = log;
  }

  /**
   * Appwrite's answer to what Jetty would answer with this status: a path or method it has no route
   * for is 404 general_route_not_found (Appwrite routes by method and path, so never 405); another
   * refusal of the request (a 4xx, or 505 for an HTTP version Jetty does not speak) keeps its status
   * as general_argument_invalid; a failure is Server Error.
   */
  static AppwriteError appwrite(int status, String reason) {
    if (status == 404 || status == 405) {
      return AppwriteError.routeNotFound();
    }
    if (status >= 400 && status < 500 || status == 505) {
      return new AppwriteError(status, "general_argument_invalid", "Invalid request: " + reason);
    }
    return new AppwriteError(status >= 500 ? status : 500, "general_unknown", "Server Error");
  }

  /** Every method gets the JSON body, as Appwrite answers every method in JSON. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(Request request, Response response, int status, String reason, Throwable cause,
      Callback callback) {
    AppwriteError error = appwrite(status, reason);
    log.println(request.getMethod() + " " + request.getHttpURI().getPath() + " " + error.status() + " " + error.type()
        + (status == error.status() ? "" : " (Jetty: " + status + " " + reason + ")"));
    response.setStatus(error.status());
    cors.headersFor(request.getHeaders().get(HttpHeader.ORIGIN)).forEach(response.getHeaders()::put);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    response.write(true, ByteBuffer.wrap(GSON.toJson(error.json()).getBytes(StandardCharsets.UTF_8)), callback);
  }
}
