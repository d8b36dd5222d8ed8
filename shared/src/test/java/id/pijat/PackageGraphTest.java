package id.pijat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the shared module, read from its sources: the model floor imports no feature, only
 * use cases and the edge reach the use cases, and no two packages depend on each other in a circle.
 * Read from the sources rather than with a library (ArchUnit) because the rules are three and a
 * package's references are plain in its files: every {@code id.pijat.…Type} it names.
 */
class PackageGraphTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern REFERENCE = Pattern.compile("\\bid\\.pijat\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

  @Test
  void noPackagesDependOnEachOtherInACircle() {
    assertEquals(List.of(), cycles(graph()));
  }

  @Test
  void theModelFloorNamesNothingButItselfErrorsAndText() {
    graph().forEach((from, to) -> {
      if (from.startsWith("model")) {
        to.forEach(target -> assertTrue(
            target.startsWith("model") || target.equals("error") || target.equals("text"),
            from + " depends on " + target));
      }
    });
  }

  @Test
  void onlyTheEdgeReachesTheUseCasesAndOnlyTheEdgeKnowsAppwrite() {
    graph().forEach((from, to) -> {
      for (String target : to) {
        if (target.startsWith("usecase")) {
          assertTrue(from.startsWith("usecase") || from.equals("function"), from + " depends on " + target);
        }
        if (target.equals("store.appwrite") || target.equals("function")) {
          assertTrue(from.equals("function"), from + " depends on " + target);
        }
      }
    });
  }

  @Test
  void aCircleIsFoundAndNamed() {
    Map<String, Set<String>> graph = new TreeMap<>(Map.of(
        "model", Set.of(), "hold", Set.of("model", "usecase"), "usecase", Set.of("hold", "model")));
    assertEquals(List.of(List.of("hold", "usecase")), cycles(graph));
  }

  /** Package (without `id.pijat.`) to the packages its files name. */
  private static Map<String, Set<String>> graph() {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
        String source = read(file);
        Matcher declared = PACKAGE.matcher(source);
        assertTrue(declared.find(), file + " declares its package");
        String from = declared.group(1).substring("id.pijat.".length());
        Set<String> targets = graph.computeIfAbsent(from, key -> new TreeSet<>());
        Matcher reference = REFERENCE.matcher(source);
        while (reference.find()) {
          if (!reference.group(1).equals(from)) {
            targets.add(reference.group(1));
          }
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(graph.containsKey("model.booking") && graph.containsKey("usecase"), "read the module's sources");
    return graph;
  }

  /** Each strongly connected group of more than one package (Tarjan), its members sorted. */
  private static List<List<String>> cycles(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    List<List<String>> found = new ArrayList<>();
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, found);
      }
    }
    return found;
  }

  private static void connect(
      String node, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
      Deque<String> stack, List<List<String>> found) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, found);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (stack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      List<String> group = new ArrayList<>();
      String member;
      do {
        member = stack.pop();
        group.add(member);
      } while (!member.equals(node));
      if (group.size() > 1) {
        found.add(group.stream().sorted().toList());
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
