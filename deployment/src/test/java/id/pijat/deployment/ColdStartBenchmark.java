package id.pijat.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import id.pijat.store.appwrite.AppwriteStandIn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A function's first answer in a fresh process, from start to the printed answer: createBooking as
 * packaged, for a malformed body and for a first database call, side by side in the same run with
 * a Node 20 script on node-appwrite making the same first request (scripts/cold-start), against
 * the same stand-in. Prints medians and the ratio; asserts only the answers. Run with scripts/bench.
 */
@Tag("benchmark")
class ColdStartBenchmark {
  private static final int RUNS = 7;
  private static final String BAD = "{\"serviceDuration\":45}";
  private static final String GOOD =
      "{\"serviceDuration\":\"60\",\"location\":{\"address\":\"Jl. Sunset Road 88\",\"coordinates\":{\"lat\":-8.68,\"lng\":115.17}},"
          + "\"customerDetails\":{\"name\":\"Budi\",\"whatsapp\":\"081234567890\"}}";
  /**
   * JVM flags for a short-lived process, given through the one variable every JVM reads at start
   * (a function variable on Appwrite): the C1 compiler only, the serial collector, no perf data file.
   */
  private static final String QUICK_START = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto";
  private static final Path NODE_SCRIPT = PackagedFunctions.ROOT.resolve("scripts/cold-start");

  @Test
  void firstAnswerOfAFreshJvmBesideNode() throws Exception {
    try (AppwriteStandIn appwrite = AppwriteStandIn.start("proj")) {
      // every fresh JVM books as the same customer, so fair use would refuse the third create
      Map<String, String> environment = Map.of(
          "APPWRITE_FUNCTION_API_ENDPOINT", appwrite.endpoint(), "APPWRITE_FUNCTION_PROJECT_ID", "proj", "FAIR_USE", "off");
      PackagedFunctions.compiled("createBooking");
      installNode();
      Map<String, String> quickJit = new java.util.HashMap<>(environment);
      quickJit.put("JAVA_TOOL_OPTIONS", QUICK_START);
      List<Long> javaBad = new ArrayList<>();
      List<Long> javaDb = new ArrayList<>();
      List<Long> quickBad = new ArrayList<>();
      List<Long> quickDb = new ArrayList<>();
      List<Long> nodeBad = new ArrayList<>();
      List<Long> nodeDb = new ArrayList<>();
      for (int i = 0; i < RUNS; i++) {
        javaBad.add(timed(PackagedFunctions.java("createBooking", environment, "once", BAD, "exec-key"), "400"));
        javaDb.add(timed(PackagedFunctions.java("createBooking", environment, "once", GOOD, "exec-key"), "201"));
        quickBad.add(timed(PackagedFunctions.java("createBooking", quickJit, "once", BAD, "exec-key"), "400"));
        quickDb.add(timed(PackagedFunctions.java("createBooking", quickJit, "once", GOOD, "exec-key"), "201"));
        nodeBad.add(timed(node(environment, "bad", BAD), "400"));
        nodeDb.add(timed(node(environment, "db", GOOD), "201"));
      }
      print("bad input", "", median(javaBad), median(nodeBad));
      print("bad input", "JAVA_TOOL_OPTIONS", median(quickBad), median(nodeBad));
      print("first database call", "", median(javaDb), median(nodeDb));
      print("first database call", "JAVA_TOOL_OPTIONS", median(quickDb), median(nodeDb));
    }
  }

  private static void print(String what, String flags, double java, double node) {
    System.out.printf(Locale.ROOT, "  cold start, %-20s %-18s: java %6.0f ms, node %6.0f ms, java/node %.1f%n",
        what, flags, java, node, java / node);
  }

  private static ProcessBuilder node(Map<String, String> environment, String mode, String body) {
    ProcessBuilder node = new ProcessBuilder("node", "first-request.mjs", mode, body).directory(NODE_SCRIPT.toFile());
    node.environment().putAll(environment);
    return node;
  }

  private static void installNode() throws Exception {
    Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--silent")
        .directory(NODE_SCRIPT.toFile()).inheritIO().start();
    assertEquals(0, npm.waitFor(), "npm install in scripts/cold-start");
  }

  /** Milliseconds from starting the process to its exit, having printed the expected status first. */
  private static long timed(ProcessBuilder process, String status) throws Exception {
    Path output = Files.createTempFile("cold", ".log");
    long start = System.nanoTime();
    // stderr apart: the JVM announces JAVA_TOOL_OPTIONS there
    Process started = process.redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(output.toFile()).start();
    if (!started.waitFor(60, TimeUnit.SECONDS)) {
      started.destroyForcibly();
      throw new AssertionError("no answer in a minute");
    }
    long took = (System.nanoTime() - start) / 1_000_000;
    List<String> lines = Files.readAllLines(output);
    Files.delete(output);
    assertEquals(status, lines.isEmpty() ? "" : lines.get(0), String.join("\n", lines));
    return took;
  }

  private static double median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
