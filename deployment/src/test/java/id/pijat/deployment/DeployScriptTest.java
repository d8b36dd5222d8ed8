package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/deploy as a team runs it, against a stand-in Appwrite: CI with an API key (the deployer),
 * and a person signed in with `appwrite login` (the CLI, here a fake that prints what CLI 12 prints
 * and talks to the stand-in). It exits non-zero with the reason whenever a function was not
 * deployed, and never rewrites the tracked appwrite.json.
 */
class DeployScriptTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> FUNCTIONS;

  static {
    try {
      FUNCTIONS = FunctionDeployer.entries(ROOT.resolve("appwrite.json")).stream().map(FunctionDeployer.FunctionEntry::id).toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @TempDir static Path tools;
  private static Path fakeCli;
  private FunctionsApiStandIn appwrite;
  private String trackedBefore;

  /** Run what `--packaged` expects: scripts/package's output. */
  @BeforeAll
  static void packageAndFakeTheCli() throws Exception {
    Process packaging = new ProcessBuilder("bash", "scripts/package").directory(ROOT.toFile()).redirectErrorStream(true)
        .redirectOutput(tools.resolve("package.log").toFile()).start();
    assertEquals(0, packaging.waitFor(), () -> read(tools.resolve("package.log")));
    fakeCli = tools.resolve("appwrite");
    Files.copy(DeployScriptTest.class.getResourceAsStream("/fake-appwrite-cli"), fakeCli, StandardCopyOption.REPLACE_EXISTING);
    assertTrue(fakeCli.toFile().setExecutable(true));
  }

  @BeforeEach
  void standIn() throws Exception {
    appwrite = new FunctionsApiStandIn();
    trackedBefore = Files.readString(ROOT.resolve("appwrite.json"));
  }

  @AfterEach
  void theTrackedAppwriteJsonIsNeverRewritten() throws Exception {
    appwrite.close();
    assertEquals(trackedBefore, Files.readString(ROOT.resolve("appwrite.json")), "scripts/deploy rewrote appwrite.json");
  }

  private record Run(int status, String output) {}

  private Run deploy(Map<String, String> env) throws Exception {
    ProcessBuilder deploy = new ProcessBuilder("bash", "scripts/deploy", "--packaged", "--allow-dirty").directory(ROOT.toFile())
        .redirectErrorStream(true);
    Path log = Files.createTempFile(tools, "deploy", ".log");
    deploy.redirectOutput(log.toFile());
    Map<String, String> environment = deploy.environment();
    environment.remove("APPWRITE_API_KEY");
    environment.put("APPWRITE_ENDPOINT", appwrite.endpoint());
    environment.put("APPWRITE_CLI", fakeCli.toString());
    environment.put("FAKE_ENDPOINT", appwrite.endpoint());
    environment.putAll(env);
    Process process = deploy.start();
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "scripts/deploy finished");
    return new Run(process.exitValue(), read(log));
  }

  @Test
  void ciWithAnApiKeyDeploysEveryFunctionThroughTheServerApi() throws Exception {
    Run run = deploy(Map.of("APPWRITE_API_KEY", FunctionsApiStandIn.KEY));

    assertEquals(0, run.status(), run.output());
    for (String id : FUNCTIONS) {
      String active = (String) appwrite.functions.get(id).get("deployment");
      assertEquals("ready", appwrite.deployments.get(active).get("status"), id);
    }
    assertTrue(run.output().contains("every function runs the package just built"), run.output());
    assertFalse(run.output().contains(FunctionsApiStandIn.KEY), "the key is not printed");
  }

  @Test
  void ciFailsWithTheBuildLogWhenABuildFails() throws Exception {
    appwrite.buildOutcome = "failed";

    Run run = deploy(Map.of("APPWRITE_API_KEY", FunctionsApiStandIn.KEY));

    assertNotEquals(0, run.status());
    assertTrue(run.output().contains("deploy failed:"), run.output());
    assertTrue(run.output().contains("cannot find symbol"), run.output());
  }

  @Test
  void ciFailsWhenTheCliDidNotPushTheCollectionsThoughItExitedZero() throws Exception {
    Run run = deploy(Map.of("APPWRITE_API_KEY", FunctionsApiStandIn.KEY, "FAKE_COLLECTIONS", "fail"));

    assertNotEquals(0, run.status());
    assertTrue(run.output().contains("deploy failed: the Appwrite CLI did not push every collection"), run.output());
    assertTrue(run.output().contains("Attribute not available: searchId"), run.output());
    assertTrue(appwrite.requests.isEmpty(), "no function is touched after the collections failed");
  }

  @Test
  void aSignedInPersonDeploysEveryFunctionWithTheCliAndEachIsChecked() throws Exception {
    FUNCTIONS.forEach(id -> appwrite.existing(id, Instant.parse("2026-01-01T00:00:00Z")));

    Run run = deploy(Map.of("FAKE_FUNCTIONS", "upload"));

    assertEquals(0, run.status(), run.output());
    for (String id : FUNCTIONS) {
      assertTrue(run.output().contains(id + ": deployment "), run.output());
      assertNotEquals("old-" + id, appwrite.functions.get(id).get("deployment"));
    }
  }

  @Test
  void theCliSayingNoFunctionsWerePushedFailsTheDeployWithItsReasonThoughItExitedZero() throws Exception {
    Run run = deploy(Map.of("FAKE_FUNCTIONS", "session"));

    assertNotEquals(0, run.status());
    assertTrue(run.output().contains("deploy failed: the Appwrite CLI did not push every function"), run.output());
    assertTrue(run.output().contains("Session not found. Please run `appwrite login`"), run.output());
  }

  @Test
  void aPushThatLeftTheOldDeploymentsActiveFailsTheCheck() throws Exception {
    FUNCTIONS.forEach(id -> appwrite.existing(id, Instant.parse("2026-01-01T00:00:00Z")));

    Run run = deploy(Map.of("FAKE_FUNCTIONS", "noop"));

    assertNotEquals(0, run.status());
    assertTrue(run.output().contains("deploy failed: not every function runs this package"), run.output());
    assertTrue(run.output().contains("createBooking: the active deployment is still old-createBooking"), run.output());
  }

  private static String read(Path path) {
    try {
      return Files.readString(path);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
