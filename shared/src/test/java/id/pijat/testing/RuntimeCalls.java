package id.pijat.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.openruntimes.java.RuntimeContext;
import io.openruntimes.java.RuntimeLogger;
import io.openruntimes.java.RuntimeRequest;
import io.openruntimes.java.RuntimeResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Builds the RuntimeContext Appwrite's java runtime would hand a function, for calling Main.main in tests. */
public final class RuntimeCalls {
  private RuntimeCalls() {}

  public static RuntimeContext post(String body, Map<String, String> headers) {
    return request("POST", "/", body, headers, new RuntimeLogger());
  }

  /** As the web SDK's createExecution(id, body, false, '/', 'GET') arrives: Appwrite passes the body on a GET too. */
  public static RuntimeContext get(String body, Map<String, String> headers) {
    return request("GET", "/", body, headers, new RuntimeLogger());
  }

  /** Any method and path, as a client may send them through createExecution. */
  public static RuntimeContext request(String method, String path, String body, Map<String, String> headers, RuntimeLogger logger) {
    Map<String, String> all = new HashMap<>(headers);
    all.putIfAbsent("content-type", "application/json");
    all.putIfAbsent("x-appwrite-trigger", "http");
    RuntimeRequest request = new RuntimeRequest(method, "https", "fn.example", 443, path, Map.of(), "", all,
        body.getBytes(StandardCharsets.UTF_8), "https://fn.example" + path);
    return new RuntimeContext(request, new RuntimeResponse(), logger);
  }

  public static JsonObject json(io.openruntimes.java.RuntimeOutput output) {
    return JsonParser.parseString(new String(output.getBody(), StandardCharsets.UTF_8)).getAsJsonObject();
  }

  /** The answer refuses with this status and code, and its details name the one field at fault with this problem. */
  public static void assertRefusedNaming(io.openruntimes.java.RuntimeOutput output, int status, String code, String field, String problem) {
    assertEquals(status, output.getStatusCode());
    JsonObject error = json(output).getAsJsonObject("error");
    assertEquals(code, error.get("code").getAsString());
    JsonObject detail = error.getAsJsonArray("details").get(0).getAsJsonObject();
    assertEquals(field, detail.get("field").getAsString());
    assertEquals(problem, detail.get("problem").getAsString());
  }
}
