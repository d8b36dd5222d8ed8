package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.appwrite.Client;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployer of scripts/deploy's CI path against a stand-in Appwrite: it ends with every function on its new build, or says why not. */
class FunctionDeployerTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  @TempDir Path project;
  private FunctionsApiStandIn appwrite;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private List<String> ids;

  @BeforeEach
  void aPackagedProjectAndAnEmptyAppwrite() throws Exception {
    appwrite = new FunctionsApiStandIn();
    Files.copy(ROOT.resolve("appwrite.json"), project.resolve("appwrite.json"));
    ids = FunctionDeployer.entries(project.resolve("appwrite.json")).stream().map(FunctionDeployer.FunctionEntry::id).toList();
    for (String id : ids) {
      Path main = Files.createDirectories(project.resolve("build/functions/" + id + "/src")).resolve("Main.java");
      Files.writeString(main, "package io.openruntimes.java.src; public class Main {} // " + id);
    }
  }

  @AfterEach
  void stop() {
    appwrite.close();
  }

  private Map<String, String> deploy(String key) throws Exception {
    Client client = new Client(appwrite.endpoint()).setProject(FunctionsApiStandIn.PROJECT).setKey(key);
    return new FunctionDeployer(client, project, Duration.ZERO, new PrintStream(output, true, StandardCharsets.UTF_8)).deployAll();
  }

  @Test
  void everyFunctionGetsItsSettingsAndItsNewBuildActive() throws Exception {
    appwrite.existing("createBooking", Instant.parse("2026-01-01T00:00:00Z"));

    Map<String, String> deployed = deploy(FunctionsApiStandIn.KEY);

    assertEquals(ids, List.copyOf(deployed.keySet()));
    for (String id : ids) {
      Map<String, Object> function = appwrite.functions.get(id);
      assertEquals(deployed.get(id), function.get("deployment"), id);
      assertEquals("ready", appwrite.deployments.get(deployed.get(id)).get("status"));
      assertEquals("java-17.0", function.get("runtime"));
    }
    assertEquals(List.of("documents.read"), appwrite.functions.get("getBooking").get("scopes"));
    assertEquals(List.of("documents.read"), appwrite.functions.get("readMessages").get("scopes"), "a poll only reads");
    assertEquals(List.of("guests", "users"), appwrite.functions.get("sendMessage").get("execute"), "a guest writes with the token");
    assertEquals(List.of("users"), appwrite.functions.get("setTherapistPresence").get("execute"), "only a signed-in therapist");
    assertEquals(List.of("users"), appwrite.functions.get("reportJobProgress").get("execute"), "only a signed-in therapist");
    assertEquals(List.of(), appwrite.functions.get("setPaymentStatus").get("execute"), "only a server call");
    assertEquals(List.of("users"), appwrite.functions.get("setWeeklyHours").get("execute"), "only a signed-in therapist");
    assertEquals("*/5 * * * *", appwrite.functions.get("cleanupSessions").get("schedule"));
    assertTrue(appwrite.requests.contains("PUT /v1/functions/createBooking"), "an existing function is updated");
    assertTrue(appwrite.requests.contains("POST /v1/functions"), "a missing one is created");
  }

  @Test
  void theSharedSecretsAreSetOnceTheSameOnEachFunctionThatReadsThemAndThenKept() throws Exception {
    deploy(FunctionsApiStandIn.KEY);
    String place = appwrite.variableOf("createBooking", "BOOKING_PLACE_SECRET");
    String cursor = appwrite.variableOf("readMessages", "CHAT_CURSOR_SECRET");

    assertTrue(place.length() >= 32 && cursor.length() >= 32, place + " " + cursor);
    assertEquals(place, appwrite.variableOf("searchTherapists", "BOOKING_PLACE_SECRET"));
    assertTrue(!place.equals(cursor));
    assertEquals(null, appwrite.variableOf("getBooking", "BOOKING_PLACE_SECRET"));

    deploy(FunctionsApiStandIn.KEY);

    assertEquals(place, appwrite.variableOf("createBooking", "BOOKING_PLACE_SECRET"), "a deploy keeps what earlier IDs were sealed with");
    assertEquals(cursor, appwrite.variableOf("readMessages", "CHAT_CURSOR_SECRET"));
  }

  @Test
  void aSecretSetOnOneFunctionIsSetTheSameOnTheOther() throws Exception {
    appwrite.variable("searchTherapists", "BOOKING_PLACE_SECRET", "s".repeat(40));

    deploy(FunctionsApiStandIn.KEY);

    assertEquals("s".repeat(40), appwrite.variableOf("createBooking", "BOOKING_PLACE_SECRET"));
  }

  @Test
  void aSecretOnAFunctionLeftOutOfAppwriteJsonIsTheOneSetOnItsPartner() throws Exception {
    appwrite.variable("searchTherapists", "BOOKING_PLACE_SECRET", "s".repeat(40));
    JsonObject json = JsonParser.parseString(Files.readString(project.resolve("appwrite.json"))).getAsJsonObject();
    json.getAsJsonArray("functions").asList().removeIf(f -> f.getAsJsonObject().get("$id").getAsString().equals("searchTherapists"));
    Files.writeString(project.resolve("appwrite.json"), json.toString());

    deploy(FunctionsApiStandIn.KEY);

    assertEquals("s".repeat(40), appwrite.variableOf("createBooking", "BOOKING_PLACE_SECRET"), "IDs it seals are opened by the searchTherapists running");
  }

  @Test
  void aSecretsPartnerThatDoesNotExistYetGetsNothingAndFailsNothing() throws Exception {
    JsonObject json = JsonParser.parseString(Files.readString(project.resolve("appwrite.json"))).getAsJsonObject();
    json.getAsJsonArray("functions").asList().removeIf(f -> f.getAsJsonObject().get("$id").getAsString().equals("searchTherapists"));
    Files.writeString(project.resolve("appwrite.json"), json.toString());

    deploy(FunctionsApiStandIn.KEY);

    assertTrue(appwrite.variableOf("createBooking", "BOOKING_PLACE_SECRET").length() >= 32);
    assertTrue(!appwrite.functions.containsKey("searchTherapists"));
  }

  @Test
  void secretsThatDifferFailTheDeployBeforeAnyUpload() throws Exception {
    appwrite.variable("createBooking", "BOOKING_PLACE_SECRET", "a".repeat(40));
    appwrite.variable("searchTherapists", "BOOKING_PLACE_SECRET", "b".repeat(40));

    FunctionDeployer.DeployFailed failed = assertThrows(FunctionDeployer.DeployFailed.class, () -> deploy(FunctionsApiStandIn.KEY));

    assertTrue(failed.getMessage().startsWith("BOOKING_PLACE_SECRET differs between createBooking and searchTherapists"), failed.getMessage());
    assertTrue(appwrite.deployments.isEmpty());
  }

  @Test
  void aFailedBuildFailsTheDeployWithItsBuildLog() {
    appwrite.buildOutcome = "failed";

    FunctionDeployer.DeployFailed failed = assertThrows(FunctionDeployer.DeployFailed.class, () -> deploy(FunctionsApiStandIn.KEY));

    assertTrue(failed.getMessage().startsWith(ids.get(0) + ": the build of deployment"), failed.getMessage());
    assertTrue(failed.getMessage().contains("cannot find symbol"), failed.getMessage());
  }

  @Test
  void aBuildThatDidNotBecomeActiveFailsTheCheck() {
    appwrite.activates = false;

    FunctionDeployer.DeployFailed failed = assertThrows(FunctionDeployer.DeployFailed.class, () -> deploy(FunctionsApiStandIn.KEY));

    assertEquals(ids.size(), failed.getMessage().lines().count(), failed.getMessage());
    assertTrue(failed.getMessage().contains("createBooking: the active deployment is none, not "), failed.getMessage());
  }

  @Test
  void aKeyWithoutTheWriteScopeFailsWithAppwritesReason() {
    appwrite.missingScope = "functions.write";

    FunctionDeployer.DeployFailed failed = assertThrows(FunctionDeployer.DeployFailed.class, () -> deploy(FunctionsApiStandIn.KEY));

    assertTrue(failed.getMessage().contains("missing scope (functions.write)"), failed.getMessage());
  }

  @Test
  void aWrongKeyFailsWithAppwritesReason() {
    FunctionDeployer.DeployFailed failed = assertThrows(FunctionDeployer.DeployFailed.class, () -> deploy("wrong"));

    assertTrue(failed.getMessage().contains("401 user_unauthorized"), failed.getMessage());
  }

  @Test
  void aMissingPackageIsNamedBeforeAnythingIsPushed() throws Exception {
    Files.delete(project.resolve("build/functions/" + ids.get(0) + "/src/Main.java"));

    FunctionDeployer.DeployFailed failed = assertThrows(FunctionDeployer.DeployFailed.class, () -> deploy(FunctionsApiStandIn.KEY));

    assertTrue(failed.getMessage().contains("run scripts/package"), failed.getMessage());
    assertTrue(appwrite.requests.isEmpty());
  }
}
