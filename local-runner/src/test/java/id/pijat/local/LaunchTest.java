package id.pijat.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.pijat.booking.Bookings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the runner as scripts/dev does: what a person sees when it works and when it cannot. */
class LaunchTest {
  @TempDir Path work;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

  private List<String> lines() {
    return output.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private LocalRunner launch(Path data, int port, String... flags) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of(".."));
    args.addAll(List.of(flags));
    return LocalRunner.launch(args, Map.of("DATA_DIR", data.toString(), "PORT", Integer.toString(port)), out);
  }

  @Test
  void aTakenPortEndsInOneLineSayingWhichAndWhatToDoAndWritesNothing() throws Exception {
    Path data = work.resolve("data");
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("127.0.0.1", 0));

      assertNull(launch(data, taken.getLocalPort()));

      assertEquals(1, lines().size(), lines().toString());
      assertTrue(lines().get(0).startsWith("port " + taken.getLocalPort() + " on 127.0.0.1 is taken"), lines().get(0));
      assertTrue(lines().get(0).contains("PORT=" + (taken.getLocalPort() + 1) + " scripts/dev"));
      assertFalse(Files.exists(data), "nothing is written before the check");
    }
  }

  @Test
  void aDataFolderAnotherRunnerHoldsEndsInOneLineAndIsLeftAlone() throws Exception {
    Path data = work.resolve("data");
    try (LocalRunner first = launch(data, freePort())) {
      assertNotNull(first);
      output.reset();
      long size = Files.size(data.resolve("booking.mv.db"));

      assertNull(launch(data, freePort(), "--reset"));

      assertEquals(1, lines().size(), lines().toString());
      assertTrue(lines().get(0).startsWith("data folder " + data + " is in use by another runner"), lines().get(0));
      assertTrue(lines().get(0).contains("DATA_DIR="));
      assertEquals(size, Files.size(data.resolve("booking.mv.db")), "the held data is not reset");
    }
  }

  @Test
  void theReadyLineSaysWhereWhichFolderAndWhetherDemoDataWasLoadedOrReused() throws Exception {
    Path data = work.resolve("data");
    int port = freePort();
    try (LocalRunner first = launch(data, port)) {
      assertTrue(first.demoDataLoaded());
    }
    String loaded = lines().get(lines().size() - 1);
    output.reset();
    try (LocalRunner second = launch(data, port)) {
      assertFalse(second.demoDataLoaded());
    }
    String reused = lines().get(lines().size() - 1);

    assertTrue(loaded.startsWith("ready: createBooking, "), loaded);
    assertTrue(loaded.contains("at http://127.0.0.1:" + port + "/v1; data in " + data + " (demo data loaded"), loaded);
    assertTrue(reused.contains("(existing data reused; scripts/dev --reset reloads the demo data)"), reused);
  }

  @Test
  void resetReloadsTheDemoDataAndForgetsEverythingElse() throws Exception {
    Path data = work.resolve("data");
    String bookingId;
    try (LocalRunner first = launch(data, freePort())) {
      bookingId = RunnerClient.envelope(new RunnerClient(first).execute("createBooking", RunnerClient.BOOKING_IN_DENPASAR, Map.of()))
          .getAsJsonObject("data").get("id").getAsString();
    }

    try (LocalRunner reset = launch(data, freePort(), "--reset")) {
      assertTrue(reset.demoDataLoaded());
      assertTrue(reset.store().find(Bookings.COLLECTION, bookingId).isEmpty());
      assertTrue(reset.store().find("therapists", "bali-01").isPresent());
    }
  }

  @Test
  void aSettingTheFunctionsWouldRefuseIsOneLineAndWritesNothing() throws Exception {
    Path data = work.resolve("d");
    assertNull(LocalRunner.launch(List.of(".."),
        Map.of("DATA_DIR", data.toString(), "PORT", Integer.toString(freePort()), "RATE_ROUNDS_PER_ADDRESS", "200/60"), out));
    assertEquals(1, lines().size());
    assertTrue(lines().get(0).startsWith("a setting is refused: ") && lines().get(0).contains("200"), lines().get(0));
    assertFalse(Files.exists(data));
  }

  @Test
  void aPortThatIsNotANumberIsOneLine() throws Exception {
    assertNull(LocalRunner.launch(List.of(".."), Map.of("DATA_DIR", work.resolve("d").toString(), "PORT", "eighty"), out));

    assertEquals(List.of("PORT=eighty is not a port: give a number from 1 to 65535, e.g. PORT=8787 scripts/dev"), lines());
  }
}
