package id.pijat.deployment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import id.pijat.store.InMemoryDocumentStore;
import id.pijat.store.appwrite.FakeAppwriteDatabases;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the function packages the way Appwrite's java-17.0 runtime does, without Gradle:
 * every .java under the folder compiled together with a copy of the runtime stand-ins kept outside
 * it, against the jars its deps.gradle names; then io.openruntimes.java.src.Main is loaded in a new
 * JVM, with the environment Appwrite gives, and called with requests.
 */
class PackagedFunctionsBuildTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path PACKAGE = ROOT.resolve("build/functions/createBooking");
  private static final Pattern DEPENDENCY = Pattern.compile("implementation '([^:]+):([^:]+):([^']+)'");
  private static final String GOOD =
      "{\"serviceDuration\":\"60\",\"location\":{\"address\":\"Jl. Sunset Road 88\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"081234567890\"}}";
  private static WireMockServer appwrite;

  @TempDir static Path work;

  @BeforeAll
  static void packageAndStartAppwrite() throws Exception {
    Process packaging = new ProcessBuilder("bash", "scripts/package").directory(ROOT.toFile())
        .redirectErrorStream(true).redirectOutput(work.resolve("package.log").toFile()).start();
    assertEquals(0, packaging.waitFor(), () -> "scripts/package failed: " + read(work.resolve("package.log")));
    FakeAppwriteDatabases databases = new FakeAppwriteDatabases(new InMemoryDocumentStore(), "proj", "exec-key");
    appwrite = new WireMockServer(wireMockConfig().dynamicPort().extensions(databases));
    appwrite.start();
    appwrite.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(databases.getName())));
  }

  @AfterAll
  static void stopAppwrite() {
    appwrite.stop();
  }

  @Test
  void theFolderIsWhatTheRuntimeExpects() throws IOException {
    assertTrue(Files.exists(PACKAGE.resolve("src/Main.java")));
    assertTrue(Files.exists(PACKAGE.resolve("deps.gradle")));
    assertFalse(Files.exists(PACKAGE.resolve("build.gradle")), "the runtime brings its own build.gradle");
    assertFalse(Files.exists(PACKAGE.resolve("settings.gradle")));
    for (Path source : javaFiles(PACKAGE)) {
      String text = Files.readString(source);
      assertFalse(text.contains("org.junit"), source + " is a test");
      assertFalse(text.startsWith("package io.openruntimes.java;"), source + " is a runtime stand-in");
    }
  }

  @Test
  void itCompilesAndAnswersRequestsAsTheRuntimeRunsIt() throws Exception {
    List<String> jars = dependencyJars();
    Path classes = compile(PACKAGE, jars);

    List<String> bad = run(classes, jars, "{\"serviceDuration\":45}");
    assertEquals("400", bad.get(0));
    assertTrue(bad.get(1).contains("\"code\":\"INVALID_INPUT\""), bad.get(1));

    List<String> good = run(classes, jars, GOOD);
    assertEquals("201", good.get(0), String.join("\n", good));
    assertTrue(good.get(1).contains("\"status\":\"searching\""), good.get(1));
    appwrite.verify(1, postRequestedFor(urlPathEqualTo("/v1/databases/marketplace/collections/bookings/documents"))
        .withHeader("X-Appwrite-Project", equalTo("proj"))
        .withHeader("X-Appwrite-Key", equalTo("exec-key")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"searchTherapists", "acceptTherapist", "cancelBooking", "checkSearchStatus", "getBooking"})
  void everyBookingFlowPackageCompilesAndRefusesBadInputByName(String functionId) throws Exception {
    List<String> jars = dependencyJars();
    Path classes = compile(ROOT.resolve("build/functions/" + functionId), jars);

    List<String> bad = run(classes, jars, "{\"bookingId\":\"not/an id\"}");

    assertEquals("400", bad.get(0), String.join("\n", bad));
    assertTrue(bad.get(1).contains("\"field\":\"bookingId\""), bad.get(1));
  }

  @Test
  void theCleanupPackageCompilesAndReportsWhatItDid() throws Exception {
    List<String> jars = dependencyJars();
    Path classes = compile(ROOT.resolve("build/functions/cleanupSessions"), jars);

    List<String> run = run(classes, jars, "");

    assertEquals("200", run.get(0), String.join("\n", run));
    assertTrue(run.get(1).contains("\"sessionsDeactivated\":0"), run.get(1));
    assertTrue(run.get(1).contains("\"more\":false"), run.get(1));
  }

  /** Every .java of the package with the stand-ins and the harness, as the runtime's Gradle build would. */
  private static Path compile(Path functionPackage, List<String> jars) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes-" + functionPackage.getFileName()));
    List<String> sources = new ArrayList<>();
    javaFiles(functionPackage).forEach(p -> sources.add(p.toString()));
    javaFiles(ROOT.resolve("runtime-standin/src/main/java")).forEach(p -> sources.add(p.toString()));
    Path harness = work.resolve("Harness.java");
    Files.writeString(harness, HARNESS);
    sources.add(harness.toString());
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp", String.join(File.pathSeparator, jars), "-nowarn"));
    arguments.addAll(sources);
    assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), functionPackage + " compiles");
    return classes;
  }

  /** The jars deps.gradle names, at its versions, and what they need (as Gradle would resolve). */
  private static List<String> dependencyJars() throws IOException {
    List<String> classpath = List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    List<String> jars = new ArrayList<>();
    Matcher dependency = DEPENDENCY.matcher(Files.readString(PACKAGE.resolve("deps.gradle")));
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

  private static List<String> run(Path classes, List<String> jars, String body) throws Exception {
    ProcessBuilder java = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classes + File.pathSeparator + String.join(File.pathSeparator, jars),
        "Harness", body, "exec-key");
    java.environment().put("APPWRITE_FUNCTION_API_ENDPOINT", appwrite.baseUrl() + "/v1");
    java.environment().put("APPWRITE_FUNCTION_PROJECT_ID", "proj");
    Path output = work.resolve("run-" + System.nanoTime() + ".log");
    Process process = java.redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the function answered");
    return Files.readAllLines(output);
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

  /** What the runtime's server does per request: a RuntimeContext, a new Main, main(context). */
  private static final String HARNESS = """
      import io.openruntimes.java.*;
      import java.nio.charset.StandardCharsets;
      import java.util.HashMap;
      import java.util.Map;

      public class Harness {
        public static void main(String[] args) throws Exception {
          Map<String, String> headers = new HashMap<>();
          headers.put("content-type", "application/json");
          headers.put("x-appwrite-trigger", "http");
          headers.put("x-appwrite-user-id", "");
          headers.put("x-appwrite-key", args[1]);
          RuntimeRequest request = new RuntimeRequest("POST", "https", "fn", 443, "/", new HashMap<>(), "", headers,
              args[0].getBytes(StandardCharsets.UTF_8), "https://fn/");
          RuntimeContext context = new RuntimeContext(request, new RuntimeResponse(), new RuntimeLogger());
          Object main = Class.forName("io.openruntimes.java.src.Main").getDeclaredConstructor().newInstance();
          RuntimeOutput output = (RuntimeOutput) main.getClass().getMethod("main", RuntimeContext.class).invoke(main, context);
          System.out.println(output.getStatusCode());
          System.out.println(new String(output.getBody(), StandardCharsets.UTF_8));
          System.exit(0);
        }
      }
      """;
}
