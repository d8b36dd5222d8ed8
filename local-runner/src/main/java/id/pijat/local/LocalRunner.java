package id.pijat.local;

import com.sun.net.httpserver.HttpServer;
import id.pijat.function.Backend;
import id.pijat.function.Backends;
import id.pijat.function.Settings;
import id.pijat.local.project.AppwriteProject;
import id.pijat.local.schedule.CronSchedule;
import id.pijat.local.schedule.Scheduler;
import id.pijat.local.store.H2DocumentStore;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The whole system on one machine: every function of appwrite.json served at Appwrite's executions
 * endpoint, on an embedded database in the data folder, and the scheduled ones run on their cron
 * schedule from appwrite.json; a client's reads of the Databases API, and Realtime on the same port.
 *
 * <p>Jetty serves it all: the JDK's HttpServer cannot upgrade a request to a WebSocket, and Jetty's
 * HTTP SPI runs the endpoints written for the JDK's server unchanged, next to Realtime.
 *
 * <p>Configuration (environment): PORT (default 8787), DATA_DIR (default ./data), APPWRITE_API_KEY
 * (optional; a request with this X-Appwrite-Key may execute any function), CORS_ORIGINS (browser
 * origins allowed; default the usual local dev servers), and the functions' own variables (see
 * Settings).
 */
public final class LocalRunner implements AutoCloseable {
  public static final int DEFAULT_PORT = 8787;

  private final Server server;
  private final ServerConnector connector;
  private final H2DocumentStore store;
  private final AppwriteProject project;
  private final Scheduler scheduler;
  private final ExecutionsEndpoint executions;
  private final boolean demoDataLoaded;
  private final String jdbcUrl;

  private LocalRunner(Server server, ServerConnector connector, H2DocumentStore store, AppwriteProject project,
      Scheduler scheduler, ExecutionsEndpoint executions, boolean demoDataLoaded, String jdbcUrl) {
    this.jdbcUrl = jdbcUrl;
    this.server = server;
    this.connector = connector;
    this.store = store;
    this.project = project;
    this.scheduler = scheduler;
    this.executions = executions;
    this.demoDataLoaded = demoDataLoaded;
  }

  /**
   * @param projectRoot where appwrite.json and functions/ are
   * @param jdbcUrl the embedded database
   */
  public static LocalRunner start(Path projectRoot, String jdbcUrl, int port, Map<String, String> env, Clock clock)
      throws IOException {
    return start(projectRoot, jdbcUrl, port, env, clock, System.out);
  }

  /** @param log where the one line per request goes */
  public static LocalRunner start(Path projectRoot, String jdbcUrl, int port, Map<String, String> env, Clock clock,
      PrintStream log) throws IOException {
    AppwriteProject project = AppwriteProject.read(projectRoot.resolve("appwrite.json"));
    QueuedThreadPool threads = new QueuedThreadPool(64, 4);
    threads.setName("runner");
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(64);
    connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration().setSendServerVersion(false);
    server.addConnector(connector);
    Cors cors = Cors.allowing(env.get("CORS_ORIGINS"));
    server.setErrorHandler(new ServerErrors(cors, log));
    ContextHandlerCollection contexts = new ContextHandlerCollection();
    server.setHandler(new WithoutFallbackCookies(new ReadableQuery(contexts)));
    open(connector);
    H2DocumentStore store;
    boolean demoDataLoaded;
    try {
      store = H2DocumentStore.open(jdbcUrl, project.collections(), clock);
    } catch (RuntimeException e) {
      connector.close();
      throw e;
    }
    Map<String, FunctionHost> hosts = new LinkedHashMap<>();
    try {
      Backends backends = Backends.of(new Backend(store, clock, Settings.from(withSecrets(env))));
      for (String functionId : project.functions().keySet()) {
        Path classes = projectRoot.resolve("functions").resolve(functionId).resolve("target/classes");
        hosts.put(functionId, FunctionHost.load(functionId, classes, backends));
      }
      demoDataLoaded = DemoData.loadOnce(store, clock.instant());
    } catch (RuntimeException e) {
      connector.close();
      store.close();
      throw e;
    }

    LocalAuth auth = new LocalAuth(env.get("APPWRITE_API_KEY"));
    Realtime realtime = new Realtime(project, cors, clock, log);
    store.onChange(realtime);
    contexts.addHandler(realtime.context(server));
    // shared: this class starts and stops the server, the SPI only adds the JDK-style endpoints
    HttpServer endpoints = new JettyHttpServer(server, true);
    ProjectCheck projectCheck = new ProjectCheck(project.projectId());
    ExecutionsEndpoint executions = new ExecutionsEndpoint(project.functions(), hosts, projectCheck, auth, cors, clock, log);
    endpoints.createContext("/v1/functions", executions);
    endpoints.createContext("/v1/databases", new DatabasesEndpoint(project, store, projectCheck, auth, cors, log));
    endpoints.createContext("/", exchange -> {
      try (exchange) {
        cors.answer(exchange.getRequestHeaders().getFirst("Origin"), exchange.getResponseHeaders());
        if ("OPTIONS".equals(exchange.getRequestMethod())) {
          // as Appwrite answers every preflight: a browser then sends the request and shows the 404 below
          exchange.sendResponseHeaders(204, -1);
          return;
        }
        log.println(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " 404 general_route_not_found");
        ExecutionsEndpoint.refuse(exchange, AppwriteError.routeNotFound());
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      store.close();
      throw new IOException("the runner's server did not start: " + e.getMessage(), e);
    }
    Map<String, CronSchedule> schedules = new LinkedHashMap<>();
    project.functions().values().stream()
        .filter(function -> !function.schedule().isBlank())
        .forEach(function -> schedules.put(function.id(), CronSchedule.parse(function.schedule())));
    Scheduler scheduler = new Scheduler(schedules, clock, executions::runScheduled).start();
    return new LocalRunner(server, connector, store, project, scheduler, executions, demoDataLoaded, jdbcUrl);
  }

  /**
   * Drops the X-Fallback-Cookies header the web SDK sends once it holds a fallback cookie: Jetty's
   * HTTP SPI reads every request header as a list of quoted values and fails the request (500) on
   * this one's JSON. The runner reads the sign-in from X-Appwrite-JWT or X-Appwrite-Session, never
   * from this header.
   */
  private static final class WithoutFallbackCookies extends Handler.Wrapper {
    private static final String HEADER = "X-Fallback-Cookies";

    WithoutFallbackCookies(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      if (!request.getHeaders().contains(HEADER)) {
        return super.handle(request, response, callback);
      }
      HttpFields headers = HttpFields.build(request.getHeaders()).remove(HEADER).asImmutable();
      return super.handle(new Request.Wrapper(request) {
        @Override
        public HttpFields getHeaders() {
          return headers;
        }
      }, response, callback);
    }
  }

  /** Binds now, so a taken port is a BindException before anything else is opened. */
  private static void open(ServerConnector connector) throws IOException {
    try {
      connector.open();
    } catch (IOException e) {
      if (e.getCause() instanceof BindException bind) {
        throw bind;
      }
      throw e;
    }
  }

  public int port() {
    return connector.getLocalPort();
  }

  public H2DocumentStore store() {
    return store;
  }

  /** Runs the functions with a cron schedule in appwrite.json; tests tick it after moving the clock. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Whether this start loaded the demo therapists (a fresh database) rather than finding data there. */
  public boolean demoDataLoaded() {
    return demoDataLoaded;
  }

  @Override
  public void close() {
    scheduler.close();
    try {
      server.stop();
    } catch (Exception e) {
      System.err.println("could not stop the runner's server: " + e.getMessage());
    }
    executions.close();
    store.close();
    shutDownFileDatabase();
  }

  /**
   * The store keeps its database open for the life of the process; a file database is shut down
   * here, so its folder is free for the next runner of this process (tests, a restart).
   */
  private void shutDownFileDatabase() {
    if (!jdbcUrl.startsWith("jdbc:h2:file:")) {
      return;
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl + ";DB_CLOSE_DELAY=-1", "sa", "");
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    } catch (SQLException e) {
      System.err.println("could not shut down " + jdbcUrl + ": " + e.getMessage());
    }
  }

  /**
   * Starts the runner as scripts/dev does. What a person can fix (a taken port, a data folder another
   * runner holds, a bad PORT or setting) ends in one line saying what to do, and null; nothing is written
   * before those checks.
   *
   * @param args the project root, and --reset to reload the demo data
   */
  static LocalRunner launch(List<String> args, Map<String, String> env, PrintStream out) throws IOException {
    Path root = Path.of(args.stream().filter(a -> !a.startsWith("--")).findFirst().orElse(".")).toAbsolutePath().normalize();
    DataFolder data = new DataFolder(Path.of(env.getOrDefault("DATA_DIR", root.resolve("data").toString())).toAbsolutePath().normalize());
    int port;
    try {
      port = Integer.parseInt(env.getOrDefault("PORT", Integer.toString(DEFAULT_PORT)));
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      out.println("PORT=" + env.get("PORT") + " is not a port: give a number from 1 to 65535, e.g. PORT=8787 scripts/dev");
      return null;
    }
    try {
      Settings.from(env);
    } catch (IllegalArgumentException e) {
      out.println("a setting is refused: " + e.getMessage() + " (see the README's Configuration)");
      return null;
    }
    if (!isFree(port)) {
      out.println(portTaken(port));
      return null;
    }
    if (data.isHeld()) {
      out.println(dataHeld(data));
      return null;
    }
    if (args.contains("--reset")) {
      data.reset();
      out.println("reset: removed the database in " + data.path());
    }
    Files.createDirectories(data.path());
    LocalRunner runner;
    try {
      runner = start(root, data.jdbcUrl(), port, env, Clock.tickMillis(ZoneOffset.UTC), out);
    } catch (BindException e) {
      out.println(portTaken(port));
      return null;
    } catch (RuntimeException e) {
      if (String.valueOf(rootCause(e).getMessage()).contains("already in use")) {
        out.println(dataHeld(data));
        return null;
      }
      throw e;
    }
    Cors cors = Cors.allowing(env.get("CORS_ORIGINS"));
    out.println("ready: " + String.join(", ", runner.project.functions().keySet())
        + " at http://127.0.0.1:" + runner.port() + "/v1; data in " + data.path() + " ("
        + (runner.demoDataLoaded()
            ? "demo data loaded: 20 therapists around Denpasar and Jakarta"
            : "existing data reused; scripts/dev --reset reloads the demo data")
        + "); browsers allowed from " + String.join(" ", cors.origins()) + "; Ctrl-C stops");
    return runner;
  }

  private static boolean isFree(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.bind(new InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String portTaken(int port) {
    return "port " + port + " on 127.0.0.1 is taken (another runner, or another program, listens there): stop it, or start on another port: PORT="
        + (port == 65535 ? 8788 : port + 1) + " scripts/dev";
  }

  private static String dataHeld(DataFolder data) {
    return "data folder " + data.path() + " is in use by another runner: stop that one, or give this one its own folder: DATA_DIR="
        + data.path().resolveSibling(data.path().getFileName() + "-2") + " scripts/dev";
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }

  public static void main(String[] args) throws IOException {
    LocalRunner runner = launch(List.of(args), System.getenv(), System.out);
    if (runner == null) {
      System.exit(1);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      runner.close();
      System.out.println("stopped");
    }));
  }

  /**
   * The runner's executions share one JVM, so secrets of its own stand in for those not given: one
   * seals the chat's read cursors (README "Chat"; a cursor then lasts as long as the run), one the
   * place in booking IDs (BookingIds; a booking of an earlier run is searched as without one).
   */
  private static Map<String, String> withSecrets(Map<String, String> env) {
    Map<String, String> with = new java.util.HashMap<>(env);
    for (String secret : List.of("CHAT_CURSOR_SECRET", "BOOKING_PLACE_SECRET")) {
      with.computeIfAbsent(secret, name -> id.pijat.store.DocumentIds.unique() + id.pijat.store.DocumentIds.unique());
    }
    return Map.copyOf(with);
  }

}
