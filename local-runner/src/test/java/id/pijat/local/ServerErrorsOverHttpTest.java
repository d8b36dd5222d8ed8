package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import id.pijat.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the runner's HTTP server itself refuses, before any endpoint reads the request: answered in
 * Appwrite's error shape {message, code, type, version} as JSON, never Jetty's HTML page. Sent over a
 * plain socket, since an HTTP client would not send these requests as written.
 */
class ServerErrorsOverHttpTest {
  private static LocalRunner runner;

  @BeforeAll
  static void start() throws Exception {
    runner = RunnerClient.freshRunner(Map.of(), MutableClock.at("2026-11-23T03:00:00Z"));
  }

  @AfterAll
  static void stop() {
    runner.close();
  }

  private record Answer(int status, String contentType, String head, String body) {
    /** The header's value, or null when the answer has none. */
    String header(String name) {
      String prefix = name.toLowerCase(Locale.ROOT) + ":";
      return head.lines()
          .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
          .map(line -> line.substring(prefix.length()).strip())
          .findFirst().orElse(null);
    }

    JsonObject json() {
      return JsonParser.parseString(body).getAsJsonObject();
    }

    void isAppwrites(int code, String type) {
      assertEquals(code, status, body);
      assertEquals("application/json", contentType, body);
      JsonObject json = json();
      assertEquals(code, json.get("code").getAsInt());
      assertEquals(type, json.get("type").getAsString());
      assertEquals(AppwriteError.VERSION, json.get("version").getAsString());
      assertEquals(4, json.size(), body);
    }
  }

  /** Sends the request line and headers as written, with this body, and reads the answer until the server closes. */
  private static Answer send(String requestLine, String headers, String body) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", runner.port())) {
      socket.setSoTimeout(10_000);
      byte[] content = body.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write((requestLine + "\r\nHost: 127.0.0.1\r\nX-Appwrite-Project: pijat-booking\r\n" + headers
          + "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  private static Answer parse(InputStream in) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    String answer = bytes.toString(StandardCharsets.UTF_8);
    int end = answer.indexOf("\r\n\r\n");
    String head = answer.substring(0, end);
    int status = Integer.parseInt(head.split(" ")[1]);
    String contentType = head.lines()
        .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
        .map(line -> line.substring("content-type:".length()).strip())
        .findFirst().orElse("");
    return new Answer(status, contentType, head, answer.substring(end + 4));
  }

  @Test
  void anEncodedSlashInAPathSegmentIsRefusedAsAnInvalidArgument() throws Exception {
    Answer answer = send("POST /v1/functions/..%2Fx/executions HTTP/1.1", "", "{\"body\":\"{}\"}");

    answer.isAppwrites(400, "general_argument_invalid");
    assertEquals("Invalid request: Ambiguous URI path separator", answer.json().get("message").getAsString());
  }

  @Test
  void aQueryWithCharactersAUriMayNotHoldRawIsReadAsAppwriteReadsItNotDroppedUnanswered() throws Exception {
    Answer typed = send("GET /v1/functions/getBooking/executions?queries[]={\"method\":\"limit\",\"values\":[1]} HTTP/1.1", "", "");
    Answer stray = send("GET /v1/functions/getBooking/executions?queries[]=%zz HTTP/1.1", "", "");
    Answer documents = send("GET /v1/databases/marketplace/collections/therapists/documents?note=50%|100% HTTP/1.1",
        "X-Appwrite-JWT: local:therapist-bali-01\r\n", "");

    assertEquals(200, typed.status(), typed.head());
    assertEquals(0, typed.json().get("total").getAsInt(), typed.body());
    stray.isAppwrites(400, "general_query_invalid");
    assertEquals(200, documents.status(), documents.head());
    assertEquals(1, documents.json().get("total").getAsInt(), documents.body());
  }

  @Test
  void headersTooLargeAreRefusedAsAnInvalidArgumentWithTheirStatus() throws Exception {
    Answer answer = null;
    // Jetty answers once it has read past its limit and closes; a client still writing the rest of
    // the 70 KiB may meet the closed connection first (broken pipe) and not see the answer: send again
    for (int attempt = 0; answer == null; attempt++) {
      try {
        answer = send("POST /v1/functions/getBooking/executions HTTP/1.1", "X-Padding: " + "a".repeat(70 * 1024) + "\r\n",
            "{\"body\":\"{}\"}");
      } catch (SocketException closedWhileWriting) {
        if (attempt == 4) {
          throw closedWhileWriting;
        }
      }
    }

    answer.isAppwrites(431, "general_argument_invalid");
  }

  @Test
  void aPlainRequestToRealtimeIsARouteNotFound() throws Exception {
    Answer answer = send("GET /v1/realtime?project=pijat-booking&channels%5B%5D=documents HTTP/1.1", "", "");

    answer.isAppwrites(404, "general_route_not_found");
  }

  @Test
  void anHttpVersionTheRunnerDoesNotSpeakIsRefusedAsAnInvalidArgumentWithItsStatus() throws Exception {
    Answer answer = send("POST /v1/functions/getBooking/executions HTTP/9.9", "", "");

    answer.isAppwrites(505, "general_argument_invalid");
  }

  @Test
  void aRefusalBeforeAnyEndpointCarriesTheCorsHeadersSoABrowserShowsTheError() throws Exception {
    String allowed = "Origin: http://localhost:5173\r\n";
    Answer unreadable = send("POST /v1/functions/..%2Fx/executions HTTP/1.1", allowed, "{\"body\":\"{}\"}");
    Answer unrouted = send("GET /v1/nowhere HTTP/1.1", allowed, "");
    Answer elsewhere = send("POST /v1/functions/..%2Fx/executions HTTP/1.1", "Origin: https://elsewhere.example\r\n", "{\"body\":\"{}\"}");

    unreadable.isAppwrites(400, "general_argument_invalid");
    unrouted.isAppwrites(404, "general_route_not_found");
    for (Answer answer : List.of(unreadable, unrouted)) {
      assertEquals("http://localhost:5173", answer.header("Access-Control-Allow-Origin"), answer.head());
      assertEquals("true", answer.header("Access-Control-Allow-Credentials"), answer.head());
    }
    assertNull(elsewhere.header("Access-Control-Allow-Origin"), "only the project's web platforms");
    assertEquals("Origin", elsewhere.header("Vary"), elsewhere.head());
  }
}
