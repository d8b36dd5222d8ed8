package id.pijat.deployment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.store.appwrite.AppwriteStandIn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the function packages the way Appwrite's java-17.0 runtime does (see {@link
 * PackagedFunctions}), then loads io.openruntimes.java.src.Main in a new JVM, with the environment
 * Appwrite gives, and calls it with requests.
 */
class PackagedFunctionsBuildTest {
  private static final String GOOD =
      "{\"serviceDuration\":\"60\",\"location\":{\"address\":\"Jl. Sunset Road 88\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"081234567890\"}}";
  private static AppwriteStandIn appwrite;
  private static Map<String, String> environment;

  @BeforeAll
  static void packageAndStartAppwrite() throws Exception {
    PackagedFunctions.packaged();
    appwrite = AppwriteStandIn.start("proj");
    environment = Map.of("APPWRITE_FUNCTION_API_ENDPOINT", appwrite.endpoint(), "APPWRITE_FUNCTION_PROJECT_ID", "proj");
  }

  @AfterAll
  static void stopAppwrite() {
    appwrite.close();
  }

  @Test
  void theFolderIsWhatTheRuntimeExpects() throws Exception {
    Path createBooking = PackagedFunctions.folder("createBooking");
    assertTrue(Files.exists(createBooking.resolve("src/Main.java")));
    assertTrue(Files.exists(createBooking.resolve("deps.gradle")));
    assertFalse(Files.exists(createBooking.resolve("build.gradle")), "the runtime brings its own build.gradle");
    assertFalse(Files.exists(createBooking.resolve("settings.gradle")));
    for (Path source : javaFiles(createBooking)) {
      String text = Files.readString(source);
      assertFalse(text.contains("org.junit"), source + " is a test");
      assertFalse(text.startsWith("package io.openruntimes.java;"), source + " is a runtime stand-in");
    }
  }

  @Test
  void itCompilesAndAnswersRequestsAsTheRuntimeRunsIt() throws Exception {
    List<String> bad = PackagedFunctions.runOnce("createBooking", environment, "{\"serviceDuration\":45}", "exec-key");
    assertEquals("400", bad.get(0));
    assertTrue(bad.get(1).contains("\"code\":\"INVALID_INPUT\""), bad.get(1));

    List<String> good = PackagedFunctions.runOnce("createBooking", environment, GOOD, "exec-key");
    assertEquals("201", good.get(0), String.join("\n", good));
    assertTrue(good.get(1).contains("\"status\":\"searching\""), good.get(1));
    appwrite.server().verify(1, postRequestedFor(urlPathEqualTo("/v1/databases/marketplace/collections/bookings/documents"))
        .withHeader("X-Appwrite-Project", equalTo("proj"))
        .withHeader("X-Appwrite-Key", equalTo("exec-key")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"searchTherapists", "acceptTherapist", "cancelBooking", "checkSearchStatus", "getBooking", "sendMessage", "readMessages"})
  void everyBookingFlowPackageCompilesAndRefusesBadInputByName(String functionId) throws Exception {
    List<String> bad = PackagedFunctions.runOnce(functionId, environment, "{\"bookingId\":\"not/an id\"}", "exec-key");

    assertEquals("400", bad.get(0), String.join("\n", bad));
    assertTrue(bad.get(1).contains("\"field\":\"bookingId\""), bad.get(1));
  }

  /** The therapist's and the server's functions: a body each refuses, and the field it names. */
  static List<Arguments> ownBadInput() {
    return List.of(
        Arguments.of("setTherapistPresence", "{\"status\":\"asleep\"}", "status"),
        Arguments.of("reportJobProgress", "{\"bookingId\":\"b1\",\"step\":\"asleep\"}", "step"),
        Arguments.of("setPaymentStatus", "{\"bookingId\":\"b1\",\"paymentStatus\":\"settled\"}", "paymentStatus"),
        Arguments.of("setWeeklyHours",
            "{\"timezone\":\"Asia/Makassar\",\"days\":[{\"dayOfWeek\":\"monday\",\"isAvailable\":true,\"startTime\":\"9am\",\"endTime\":\"17:00\"}]}",
            "days[0].startTime"));
  }

  @ParameterizedTest(name = "{0} names {2}")
  @MethodSource("ownBadInput")
  void everyOtherPackageCompilesAndNamesTheBadField(String functionId, String body, String field) throws Exception {
    List<String> bad = PackagedFunctions.runOnce(functionId, environment, body, "exec-key");

    assertEquals("400", bad.get(0), String.join("\n", bad));
    assertTrue(bad.get(1).contains("\"field\":\"" + field + "\""), bad.get(1));
  }

  @Test
  void theCleanupPackageCompilesAndReportsWhatItDid() throws Exception {
    List<String> run = PackagedFunctions.runOnce("cleanupSessions", environment, "", "exec-key");

    assertEquals("200", run.get(0), String.join("\n", run));
    assertTrue(run.get(1).contains("\"sessionsDeactivated\":0"), run.get(1));
    assertTrue(run.get(1).contains("\"more\":false"), run.get(1));
  }

  private static List<Path> javaFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(p -> p.toString().endsWith(".java")).toList();
    }
  }
}
