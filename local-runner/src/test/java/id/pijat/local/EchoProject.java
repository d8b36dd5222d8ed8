package id.pijat.local;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * A project for the runner whose functions show what the runner hands them: "echo" answers its
 * method, body and request headers, logs a line and writes an error line; sent "fail" it throws,
 * sent "status:NNN" it answers that status. "echoServerOnly" is the same code that no client may
 * execute. The collections are the real appwrite.json's.
 */
final class EchoProject {
  static final String ECHO = "echo";
  static final String SERVER_ONLY = "echoServerOnly";
  private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
  private static final String MAIN = """
      package io.openruntimes.java.src;

      import id.pijat.function.Backends;
      import io.openruntimes.java.RuntimeContext;
      import io.openruntimes.java.RuntimeOutput;
      import java.util.Map;
      import java.util.TreeMap;

      public class Main {
        public Main(Backends backends) {}

        public RuntimeOutput main(RuntimeContext context) throws Exception {
          String body = context.getReq().getBodyText();
          context.log("log line");
          context.error("error line");
          if (body.equals("fail")) {
            throw new IllegalStateException("a defect with a stack trace");
          }
          int status = body.startsWith("status:") ? Integer.parseInt(body.substring(7)) : 200;
          StringBuilder json = new StringBuilder("{\\"method\\":\\"" + context.getReq().getMethod() + "\\",\\"body\\":\\""
              + body.replace("\\"", "'") + "\\",\\"headers\\":{");
          String separator = "";
          for (Map.Entry<String, String> header : new TreeMap<>(context.getReq().getHeaders()).entrySet()) {
            json.append(separator).append('"').append(header.getKey()).append("\\":\\"").append(header.getValue()).append('"');
            separator = ",";
          }
          return context.getRes().text(json.append("}}").toString(), status, Map.of("content-type", "application/json", "x-echo", "yes"));
        }
      }
      """;

  private EchoProject() {}

  /** Lays the project out in {@code root}: appwrite.json and the compiled functions. */
  static Path create(Path root) throws IOException {
    JsonObject project = JsonParser.parseString(Files.readString(Path.of("../appwrite.json"))).getAsJsonObject();
    JsonArray functions = new JsonArray();
    functions.add(function(ECHO, List.of("guests", "users")));
    functions.add(function(SERVER_ONLY, List.of()));
    project.add("functions", functions);
    Files.writeString(root.resolve("appwrite.json"), GSON.toJson(project));
    Path source = Files.createDirectories(root.resolve("echo-src")).resolve("Main.java");
    Files.writeString(source, MAIN);
    for (String id : List.of(ECHO, SERVER_ONLY)) {
      Path classes = Files.createDirectories(root.resolve("functions").resolve(id).resolve("target/classes"));
      int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
          "-d", classes.toString(), "-cp", System.getProperty("java.class.path"), source.toString());
      if (compiled != 0) {
        throw new IllegalStateException("the echo function does not compile");
      }
    }
    return root;
  }

  private static JsonObject function(String id, List<String> execute) {
    JsonObject function = new JsonObject();
    function.addProperty("$id", id);
    JsonArray who = new JsonArray();
    execute.forEach(who::add);
    function.add("execute", who);
    function.addProperty("schedule", "");
    function.addProperty("timeout", 15);
    function.addProperty("path", "build/functions/" + id);
    return function;
  }
}
