package id.pijat.local;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Hands the endpoints a query string they can read. Jetty's HTTP SPI gives an endpoint the request's
 * URI as a java.net.URI, which refuses characters a client may send raw in a query (a JSON query typed
 * into curl, {@code "}, {@code {}, {@code |}) and a {@code %} not followed by two hex digits; the
 * request then failed before any endpoint answered. Appwrite reads such a query as PHP does, taking
 * those characters as themselves, so here they are percent-encoded to the same effect.
 */
final class ReadableQuery extends Handler.Wrapper {
  private static final String KEPT = "-_.!~*'();/?:@&=+$,[]";

  ReadableQuery(Handler handler) {
    super(handler);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    String query = request.getHttpURI().getQuery();
    String readable = query == null ? null : readable(query);
    if (readable == null || readable.equals(query)) {
      return super.handle(request, response, callback);
    }
    HttpURI uri = HttpURI.build(request.getHttpURI()).query(readable).asImmutable();
    return super.handle(new Request.Wrapper(request) {
      @Override
      public HttpURI getHttpURI() {
        return uri;
      }
    }, response, callback);
  }

  /** The raw query with every character java.net.URI refuses percent-encoded, and its escapes kept. */
  static String readable(String query) {
    StringBuilder readable = new StringBuilder(query.length());
    for (int i = 0; i < query.length(); i++) {
      char c = query.charAt(i);
      boolean escape = c == '%' && i + 2 < query.length() && isHex(query.charAt(i + 1)) && isHex(query.charAt(i + 2));
      if (escape || c < 128 && (Character.isLetterOrDigit(c) || KEPT.indexOf(c) >= 0)) {
        readable.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < query.length() ? i + 2 : i + 1;
        for (byte b : query.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          readable.append(String.format("%%%02X", b & 0xFF));
        }
        i = end - 1;
      }
    }
    return readable.toString();
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
