package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The function packages built the way Appwrite's java-17.0 runtime builds them, without Gradle:
 * scripts/package lays out build/functions/<id>/, then every .java under the folder is compiled
 * together with a copy of the runtime stand-ins kept outside it, against the jars its deps.gradle
 * names. Each package runs in its own JVM as the runtime runs it: per request a RuntimeContext
 * with Appwrite's headers, a new Main, main(context); either once in a fresh JVM (a cold start) or
 * in a long-lived JVM serving many executions at once (a warm container).
 */
final class PackagedFunctions {
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern DEPENDENCY = Pattern.compile("implementation '([^:]+):([^:]+):([^']+)'");
  private static final Map<String, Path> COMPILED = new HashMap<>();
  private static Path work;

  private PackagedFunctions() {}

  /** Runs scripts/package once per test JVM. */
  static synchronized Path packaged() throws IOException, InterruptedException {
    if (work == null) {
      Path folder = Files.createTempDirectory("packages");
      Process packaging = new ProcessBuilder("bash", "scripts/package").directory(ROOT.toFile())
          .redirectErrorStream(true).redirectOutput(folder.resolve("package.log").toFile()).start();
      assertEquals(0, packaging.waitFor(), () -> "scripts/package failed: " + read(folder.resolve("package.log")));
      work = folder;
    }
    return ROOT.resolve("build/functions");
  }

  static Path folder(String functionId) throws IOException, InterruptedException {
    return packaged().resolve(functionId);
  }

  /** Every .java of the package with the stand-ins and the harness, as the runtime's Gradle build would; once per JVM. */
  static synchronized Path compiled(String functionId) throws IOException, InterruptedException {
    Path existing = COMPILED.get(functionId);
    if (existing != null) {
      return existing;
    }
    Path functionPackage = folder(functionId);
    Path classes = Files.createDirectories(work.resolve("classes-" + functionId));
    List<String> sources = new ArrayList<>();
    javaFiles(functionPackage).forEach(p -> sources.add(p.toString()));
    javaFiles(ROOT.resolve("runtime-standin/src/main/java")).forEach(p -> sources.add(p.toString()));
    Path harness = work.resolve("Harness.java");
    Files.writeString(harness, HARNESS);
    sources.add(harness.toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", String.join(File.pathSeparator, jars()), "-nowarn"));
    arguments.addAll(sources);
    assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), functionPackage + " compiles");
    COMPILED.put(functionId, classes);
    return classes;
  }

  /** The jars deps.gradle names, at its versions, and what they need (as Gradle would resolve). */
  static List<String> jars() throws IOException, InterruptedException {
    List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    List<String> jars = new ArrayList<>();
    Matcher dependency = DEPENDENCY.matcher(Files.readString(folder("createBooking").resolve("deps.gradle")));
    while (dependency.find()) {
      String path = "/" + dependency.group(1).replace('.', '/') + "/" + dependency.group(2) + "/" + dependency.group(3) + "/";
      String jar = classpath.stream().filter(entry -> entry.contains(path)).findFirst()
          .orElseThrow(() -> new AssertionError("deps.gradle names a jar Maven does not use: " + path));
      jars.add(jar);
    }
    for (String transitive : List.of("/org/jetbrains/kotlin/", "/org/jetbrains/kotlinx/", "/com/squareup/okio/", "/org/jetbrains/annotations/")) {
      classpath.stream().filter(entry -> entry.contains(transitive)).forEach(jars::add);
    }
    return jars;
  }

  static ProcessBuilder java(String functionId, Map<String, String> environment, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // the harness's own HTTP server answers at once (no Nagle delay on the answer it sends)
        "-Dsun.net.httpserver.nodelay=true",
        "-cp", compiled(functionId) + File.pathSeparator + String.join(File.pathSeparator, jars()), "Harness"));
    command.addAll(List.of(arguments));
    ProcessBuilder java = new ProcessBuilder(command);
    java.environment().putAll(environment);
    return java;
  }

  /** One execution in a fresh JVM: its status and body, as lines. */
  static List<String> runOnce(String functionId, Map<String, String> environment, String body, String key) throws Exception {
    Path output = work.resolve("run-" + System.nanoTime() + ".log");
    Process process = java(functionId, environment, "once", body, key).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(functionId + " did not answer in a minute");
    }
    return Files.readAllLines(output);
  }

  /**
   * A function's answer: the status and body the runtime would send, what it wrote to its error
   * log, and how long main(context) ran in the container (what Appwrite reports as the execution's
   * duration; the rest of a caller's wait is the trip to and from the container).
   */
  record Answer(int status, String body, String errors, long durationNanos) {}

  /** A warm container: one long-lived JVM of one function, running executions at once on several threads. */
  static final class Container implements AutoCloseable {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Process process;
    private final URI uri;

    Container(String functionId, Map<String, String> environment) throws Exception {
      process = java(functionId, environment, "serve").redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String port = out.readLine();
      if (port == null) {
        throw new AssertionError(functionId + " container did not start");
      }
      uri = URI.create("http://127.0.0.1:" + port.trim() + "/");
      Thread drain = new Thread(() -> out.lines().forEach(line -> { }));
      drain.setDaemon(true);
      drain.start();
    }

    /** One execution with its own x-appwrite-key (Appwrite gives each execution a new one) and caller. */
    Answer execute(String body, String executionKey, String userId) throws Exception {
      HttpResponse<String> response = CLIENT.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
              .header("x-appwrite-key", executionKey).header("x-appwrite-user-id", userId == null ? "" : userId)
              .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.body(), response.headers().firstValue("x-function-errors").orElse(""),
          response.headers().firstValue("x-function-duration-ns").map(Long::parseLong).orElse(-1L));
    }

    @Override
    public void close() {
      process.destroy();
    }
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }

  /**
   * What the runtime's server does per request: a RuntimeContext with Appwrite's headers, a new
   * Main, main(context). "once" answers one request from the arguments and exits; "serve" prints a
   * port and answers POSTs on it, many at once, until killed.
   */
  private static final String HARNESS = """
      import com.sun.net.httpserver.HttpServer;
      import io.openruntimes.java.*;
      import java.net.InetSocketAddress;
      import java.nio.charset.StandardCharsets;
      import java.util.HashMap;
      import java.util.Map;
      import java.util.concurrent.Executors;

      public class Harness {
        public static void main(String[] args) throws Exception {
          if (args[0].equals("once")) {
            RuntimeOutput output = execute(args[1].getBytes(StandardCharsets.UTF_8), args[2], "", new RuntimeLogger());
            System.out.println(output.getStatusCode());
            System.out.println(new String(output.getBody(), StandardCharsets.UTF_8));
            System.exit(0);
          }
          HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
          server.setExecutor(Executors.newFixedThreadPool(32));
          server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            RuntimeOutput output;
            RuntimeLogger logger = new RuntimeLogger();
            long started = System.nanoTime();
            try {
              output = execute(body, exchange.getRequestHeaders().getFirst("x-appwrite-key"),
                  exchange.getRequestHeaders().getFirst("x-appwrite-user-id"), logger);
            } catch (Exception e) {
              e.printStackTrace();
              exchange.sendResponseHeaders(599, -1);
              exchange.close();
              return;
            }
            exchange.getResponseHeaders().add("x-function-duration-ns", Long.toString(System.nanoTime() - started));
            byte[] answer = output.getBody();
            String errors = logger.errors().replaceAll("\\\\s+", " ").trim();
            if (!errors.isEmpty()) {
              exchange.getResponseHeaders().add("x-function-errors", errors.substring(0, Math.min(errors.length(), 2000)));
            }
            exchange.sendResponseHeaders(output.getStatusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
          });
          server.start();
          System.out.println(server.getAddress().getPort());
          System.out.flush();
        }

        static RuntimeOutput execute(byte[] body, String key, String userId, RuntimeLogger logger) throws Exception {
          Map<String, String> headers = new HashMap<>();
          headers.put("content-type", "application/json");
          headers.put("x-appwrite-trigger", "http");
          headers.put("x-appwrite-user-id", userId == null ? "" : userId);
          headers.put("x-appwrite-key", key);
          RuntimeRequest request = new RuntimeRequest("POST", "https", "fn", 443, "/", new HashMap<>(), "", headers, body, "https://fn/");
          RuntimeContext context = new RuntimeContext(request, new RuntimeResponse(), logger);
          Object main = Class.forName("io.openruntimes.java.src.Main").getDeclaredConstructor().newInstance();
          return (RuntimeOutput) main.getClass().getMethod("main", RuntimeContext.class).invoke(main, context);
        }
      }
      """;
}
