package id.pijat.local;

import com.sun.net.httpserver.HttpServer;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import com.google.gson.JsonObject;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.schedule.CronSchedule;
import id.pijat.local.schedule.Scheduler;
import id.pijat.local.store.H2DocumentStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The whole system on one machine: every function of appwrite.json served at Appwrite's executions
 * endpoint, on an embedded database in the data folder, and the scheduled ones run on their cron
 * schedule from appwrite.json.
 *
 * <p>Configuration (environment): PORT (default 8787), DATA_DIR (default ./data), APPWRITE_API_KEY
 * (optional; a request with this X-Appwrite-Key may execute any function), and the functions' own
 * variables (see Settings).
 */
public final class LocalRunner implements AutoCloseable {
  public static final int DEFAULT_PORT = 8787;

  private final HttpServer server;
  private final ExecutorService executor;
  private final H2DocumentStore store;
  private final AppwriteProject project;
  private final Scheduler scheduler;

  private LocalRunner(
      HttpServer server, ExecutorService executor, H2DocumentStore store, AppwriteProject project, Scheduler scheduler) {
    this.server = server;
    this.executor = executor;
    this.store = store;
    this.project = project;
    this.scheduler = scheduler;
  }

  /**
   * @param projectRoot where appwrite.json and functions/ are
   * @param jdbcUrl the embedded database
   */
  public static LocalRunner start(Path projectRoot, String jdbcUrl, int port, Map<String, String> env, Clock clock)
      throws IOException {
    AppwriteProject project = AppwriteProject.read(projectRoot.resolve("appwrite.json"));
    H2DocumentStore store = H2DocumentStore.open(jdbcUrl, project.collections(), clock);
    if (DemoData.loadOnce(store, clock.instant())) {
      System.out.println("loaded demo data: 20 therapists around Denpasar and Jakarta");
    }
    Settings settings = Settings.from(env);
    Backends.install(request -> new Backend(store, clock, settings));

    Map<String, FunctionHost> hosts = new LinkedHashMap<>();
    for (String functionId : project.functions().keySet()) {
      hosts.put(functionId, FunctionHost.load(functionId, projectRoot.resolve("functions").resolve(functionId).resolve("target/classes")));
    }
    LocalAuth auth = new LocalAuth(env.get("APPWRITE_API_KEY"));
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    ExecutorService executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    ExecutionsEndpoint executions = new ExecutionsEndpoint(project.functions(), hosts, auth, clock);
    server.createContext("/v1/functions/", executions);
    server.createContext("/", exchange -> {
      try (exchange) {
        ExecutionsEndpoint.send(exchange, 404, ExecutionsEndpoint.appwriteError("Route not found", 404, "general_route_not_found"));
      }
    });
    server.start();
    Map<String, CronSchedule> schedules = new LinkedHashMap<>();
    project.functions().values().stream()
        .filter(function -> !function.schedule().isBlank())
        .forEach(function -> schedules.put(function.id(), CronSchedule.parse(function.schedule())));
    Scheduler scheduler = new Scheduler(schedules, clock, functionId -> executions.execute(
        hosts.get(functionId), LocalAuth.Identity.SERVER, "schedule", new JsonObject(), "")).start();
    return new LocalRunner(server, executor, store, project, scheduler);
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public H2DocumentStore store() {
    return store;
  }

  /** Runs the functions with a cron schedule in appwrite.json; tests tick it after moving the clock. */
  public Scheduler scheduler() {
    return scheduler;
  }

  @Override
  public void close() {
    scheduler.close();
    server.stop(0);
    executor.shutdownNow();
    store.close();
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> env = System.getenv();
    Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path data = Path.of(env.getOrDefault("DATA_DIR", root.resolve("data").toString())).toAbsolutePath();
    Files.createDirectories(data);
    int port = Integer.parseInt(env.getOrDefault("PORT", Integer.toString(DEFAULT_PORT)));
    LocalRunner runner = start(root, "jdbc:h2:file:" + data.resolve("booking"), port, env, Clock.tickMillis(ZoneOffset.UTC));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runner.close();
      System.out.println("stopped");
    }));
    System.out.println("serving " + String.join(", ", runner.project.functions().keySet())
        + " at http://127.0.0.1:" + runner.port() + "/v1 (data in " + data + ")");
  }
}
