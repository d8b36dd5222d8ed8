package id.pijat.deployment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.appwrite.Client;
import io.appwrite.coroutines.CoroutineCallback;
import io.appwrite.enums.Runtime;
import io.appwrite.exceptions.AppwriteException;
import io.appwrite.models.Deployment;
import io.appwrite.models.Function;
import io.appwrite.models.InputFile;
import io.appwrite.models.Variable;
import io.appwrite.services.Functions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kotlin.coroutines.intrinsics.IntrinsicsKt;

/**
 * Deploys the functions of appwrite.json with an API key, through Appwrite's server API (the Kotlin
 * SDK), because the Appwrite CLI 12 cannot push functions with a key alone: it wants a login
 * session. For every function: its settings from appwrite.json (created or updated), its package
 * (scripts/package) uploaded as a new deployment and activated, the build awaited; then a check that
 * every function's active deployment is the one just uploaded, built and ready. Anything else is a
 * {@link DeployFailed} with Appwrite's reason.
 *
 * <p>The key needs functions.read and functions.write.
 */
public final class FunctionDeployer {
  /** How long one build may take; Appwrite's java-17.0 builds take a minute or two. */
  static final Duration BUILD_DEADLINE = Duration.ofMinutes(15);
  private static final Duration CALL_DEADLINE = Duration.ofMinutes(2);

  /** A deploy that did not end with every function running this package. */
  public static final class DeployFailed extends Exception {
    DeployFailed(String message) {
      super(message);
    }
  }

  /** One function's entry in appwrite.json. */
  record FunctionEntry(String id, String name, List<String> execute, List<String> events, String schedule, long timeout,
      boolean enabled, boolean logging, String entrypoint, String commands, List<String> scopes, String path,
      String specification) {}

  private final Functions functions;
  private final Path projectRoot;
  private final Duration pollEvery;
  private final PrintStream out;

  /** @param pollEvery how often a build's status is read (tests: zero) */
  FunctionDeployer(Client client, Path projectRoot, Duration pollEvery, PrintStream out) {
    this.functions = new Functions(client);
    this.projectRoot = projectRoot;
    this.pollEvery = pollEvery;
    this.out = out;
  }

  /**
   * The secrets functions share (README Configuration), each on the functions that read it: set
   * once with a random value where none is, and kept from then on, so that what they sealed before
   * a deploy still opens after it.
   */
  static final Map<String, List<String>> SECRETS = new TreeMap<>(Map.of(
      "BOOKING_PLACE_SECRET", List.of("createBooking", "searchTherapists"),
      "CHAT_CURSOR_SECRET", List.of("readMessages")));

  /** @return each function's new active deployment */
  Map<String, String> deployAll() throws DeployFailed, IOException, InterruptedException {
    List<FunctionEntry> entries = entries(projectRoot.resolve("appwrite.json"));
    for (FunctionEntry function : entries) {
      if (!Files.exists(projectRoot.resolve(function.path()).resolve(function.entrypoint()))) {
        throw new DeployFailed(function.id() + ": no package at " + projectRoot.resolve(function.path()) + " (run scripts/package)");
      }
    }
    for (FunctionEntry function : entries) {
      saveSettings(function);
    }
    // a variable reaches a function with its next deployment: set before the uploads
    saveSecrets(entries.stream().map(FunctionEntry::id).toList());
    Map<String, String> deployed = new LinkedHashMap<>();
    for (FunctionEntry function : entries) {
      deployed.put(function.id(), deploy(function));
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> function : deployed.entrySet()) {
      Function current = call(function.getKey(), "read", c -> functions.get(function.getKey(), c));
      String active = current.getDeployment();
      if (!function.getValue().equals(active)) {
        problems.add(function.getKey() + ": the active deployment is " + (active.isEmpty() ? "none" : active)
            + ", not " + function.getValue() + " built from this package");
      }
    }
    if (!problems.isEmpty()) {
      throw new DeployFailed(String.join("\n", problems));
    }
    return deployed;
  }

  private String deploy(FunctionEntry function) throws DeployFailed, IOException, InterruptedException {
    Path folder = projectRoot.resolve(function.path());
    Path archive = Files.createTempFile(function.id(), ".tar.gz");
    try {
      Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", folder.toString(), ".")
          .redirectErrorStream(true).start();
      String tarOutput = new String(tar.getInputStream().readAllBytes());
      if (tar.waitFor() != 0) {
        throw new DeployFailed(function.id() + ": could not pack " + folder + ": " + tarOutput);
      }
      long size = Files.size(archive);
      Deployment uploaded = call(function.id(), "upload the package",
          c -> functions.createDeployment(function.id(), InputFile.Companion.fromPath(archive.toString()), true,
              function.entrypoint(), function.commands().isEmpty() ? null : function.commands(), null, c));
      out.println(function.id() + ": uploaded deployment " + uploaded.getId() + " (" + size + " bytes), building...");
      Deployment built = awaitBuild(function.id(), uploaded.getId());
      if (!"ready".equals(built.getStatus())) {
        throw new DeployFailed(function.id() + ": the build of deployment " + built.getId() + " " + built.getStatus()
            + ": " + tail(built.getBuildLogs()));
      }
      out.println(function.id() + ": deployment " + built.getId() + " ready in " + built.getBuildTime() + " s");
      return built.getId();
    } finally {
      Files.deleteIfExists(archive);
    }
  }

  private void saveSettings(FunctionEntry f) throws DeployFailed, InterruptedException {
    boolean exists = find(f.id()).isPresent();
    String schedule = f.schedule().isEmpty() ? null : f.schedule();
    if (exists) {
      call(f.id(), "update", c -> functions.update(f.id(), f.name(), Runtime.JAVA_17_0, f.execute(), f.events(), schedule,
          f.timeout(), f.enabled(), f.logging(), f.entrypoint(), f.commands(), f.scopes(), null, null, null, null, null,
          f.specification(), c));
    } else {
      call(f.id(), "create", c -> functions.create(f.id(), f.name(), Runtime.JAVA_17_0, f.execute(), f.events(), schedule,
          f.timeout(), f.enabled(), f.logging(), f.entrypoint(), f.commands(), f.scopes(), null, null, null, null, null,
          null, null, null, null, f.specification(), c));
    }
  }

  /**
   * Every secret on every function of this deploy that reads it, the same value on each. A partner
   * left out of appwrite.json is read too where it exists: it runs with its value, which must be
   * the one set here.
   */
  private void saveSecrets(List<String> deploying) throws DeployFailed, InterruptedException {
    for (Map.Entry<String, List<String>> secret : SECRETS.entrySet()) {
      String key = secret.getKey();
      Map<String, String> values = new LinkedHashMap<>();
      List<String> without = new ArrayList<>();
      for (String functionId : secret.getValue()) {
        Optional<String> value = find(functionId)
            .flatMap(f -> f.getVars().stream().filter(v -> v.getKey().equals(key)).findFirst())
            .map(Variable::getValue);
        if (value.isPresent()) {
          values.put(functionId, value.get());
        } else if (deploying.contains(functionId)) {
          without.add(functionId);
        }
      }
      if (values.values().stream().distinct().count() > 1) {
        throw new DeployFailed(key + " differs between " + String.join(" and ", values.keySet())
            + ": set the same value on each (README Configuration)");
      }
      String value = values.isEmpty() ? randomSecret() : values.values().iterator().next();
      for (String functionId : without) {
        call(functionId, "set " + key, c -> functions.createVariable(functionId, key, value, c));
        out.println(functionId + ": " + key + " set" + (values.isEmpty() ? ", a new random one" : ", as on " + String.join(", ", values.keySet())));
      }
    }
  }

  /** The function, or empty when Appwrite has none under this ID. */
  private Optional<Function> find(String functionId) throws DeployFailed, InterruptedException {
    try {
      return Optional.of(await(c -> functions.get(functionId, c)));
    } catch (AppwriteException e) {
      if (e.getCode() != null && e.getCode() == 404) {
        return Optional.empty();
      }
      throw refused(functionId, "read", e);
    }
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private Deployment awaitBuild(String functionId, String deploymentId) throws DeployFailed, InterruptedException {
    Instant deadline = Instant.now().plus(BUILD_DEADLINE);
    while (true) {
      Deployment deployment = call(functionId, "read the build", c -> functions.getDeployment(functionId, deploymentId, c));
      if ("ready".equals(deployment.getStatus()) || "failed".equals(deployment.getStatus())) {
        return deployment;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new DeployFailed(functionId + ": the build of deployment " + deploymentId + " did not finish within " + BUILD_DEADLINE);
      }
      Thread.sleep(pollEvery.toMillis());
    }
  }

  static List<FunctionEntry> entries(Path appwriteJson) throws IOException {
    JsonObject project = JsonParser.parseString(Files.readString(appwriteJson)).getAsJsonObject();
    List<FunctionEntry> entries = new ArrayList<>();
    for (JsonElement element : project.getAsJsonArray("functions")) {
      JsonObject f = element.getAsJsonObject();
      entries.add(new FunctionEntry(f.get("$id").getAsString(), f.get("name").getAsString(), strings(f, "execute"),
          strings(f, "events"), f.get("schedule").getAsString(), f.get("timeout").getAsLong(), f.get("enabled").getAsBoolean(),
          f.get("logging").getAsBoolean(), f.get("entrypoint").getAsString(), f.get("commands").getAsString(),
          strings(f, "scopes"), f.get("path").getAsString(), f.get("specification").getAsString()));
    }
    return entries;
  }

  private static List<String> strings(JsonObject json, String name) {
    List<String> values = new ArrayList<>();
    json.getAsJsonArray(name).forEach(e -> values.add(e.getAsString()));
    return values;
  }

  private static String tail(String text) {
    String trimmed = text == null ? "" : text.strip();
    return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
  }

  @FunctionalInterface
  interface SuspendCall<T> {
    Object start(CoroutineCallback<T> callback) throws AppwriteException;
  }

  private static <T> T call(String functionId, String what, SuspendCall<T> call) throws DeployFailed, InterruptedException {
    try {
      return await(call);
    } catch (AppwriteException e) {
      throw refused(functionId, what, e);
    }
  }

  private static DeployFailed refused(String functionId, String what, AppwriteException e) {
    return new DeployFailed(functionId + ": Appwrite refused to " + what + " (" + e.getCode() + " " + e.getType() + "): "
        + e.getMessage());
  }

  /** A suspend call of the SDK from Java, never waiting longer than the deadline. */
  @SuppressWarnings("unchecked")
  private static <T> T await(SuspendCall<T> call) throws AppwriteException, InterruptedException {
    CompletableFuture<T> result = new CompletableFuture<>();
    CoroutineCallback<T> callback = new CoroutineCallback<>((value, error) -> {
      if (error != null) {
        result.completeExceptionally(error);
      } else {
        result.complete(value);
      }
    });
    Object returned = call.start(callback);
    if (returned != IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
      return (T) returned;
    }
    try {
      return result.get(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AppwriteException("Appwrite did not answer within " + CALL_DEADLINE, 0, "timeout", "");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AppwriteException appwrite) {
        throw appwrite;
      }
      throw new AppwriteException("the call failed: " + e.getCause(), 0, "network", "");
    }
  }

  /**
   * scripts/deploy's CI path. Environment: APPWRITE_ENDPOINT, APPWRITE_PROJECT_ID, APPWRITE_API_KEY.
   * Exits 1 with the reason when anything was not deployed.
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    Client client = new Client(env.get("APPWRITE_ENDPOINT"))
        .setProject(env.get("APPWRITE_PROJECT_ID"))
        .setKey(env.get("APPWRITE_API_KEY"));
    try {
      Map<String, String> deployed =
          new FunctionDeployer(client, Path.of(args.length > 0 ? args[0] : "."), Duration.ofSeconds(3), System.out).deployAll();
      System.out.println("every function runs its new deployment: " + deployed);
    } catch (DeployFailed failed) {
      System.out.println("deploy failed:\n" + failed.getMessage());
      System.exit(1);
    }
    // the SDK's HTTP client keeps threads alive for a minute after the last call
    System.exit(0);
  }
}
