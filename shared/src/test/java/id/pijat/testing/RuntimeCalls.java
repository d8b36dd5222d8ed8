package id.pijat.testing;

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
    return call("POST", body, headers);
  }

  /** As the web SDK's createExecution(id, body, false, '/', 'GET') arrives: Appwrite passes the body on a GET too. */
  public static RuntimeContext get(String body, Map<String, String> headers) {
    return call("GET", body, headers);
  }

  private static RuntimeContext call(String method, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.putIfAbsent("content-type", "application/json");
    all.putIfAbsent("x-appwrite-trigger", "http");
    RuntimeRequest request = new RuntimeRequest(method, "https", "fn.example", 443, "/", Map.of(), "", all,
        body.getBytes(StandardCharsets.UTF_8), "https://fn.example/");
    return new RuntimeContext(request, new RuntimeResponse(), new RuntimeLogger());
  }

  public static JsonObject json(io.openruntimes.java.RuntimeOutput output) {
    return JsonParser.parseString(new String(output.getBody(), StandardCharsets.UTF_8)).getAsJsonObject();
  }
}
