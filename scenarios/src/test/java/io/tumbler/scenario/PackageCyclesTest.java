package io.tumbler.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the scenarios module ({@code io.tumbler.scenario.*}) form no cycle: each can be read, tested and
 * changed knowing only the packages below it. Dependencies are read from the sources — imports and fully qualified
 * names outside comments and string literals — so a cycle through an inline {@code io.tumbler.scenario.x.Y} counts
 * too. A cycle found names every edge in it with the files that make it.
 */
class PackageCyclesTest {
  private static final Path SOURCES = Path.of("src/main/java/io/tumbler/scenario");
  private static final Pattern PACKAGE = Pattern.compile("^package\\s+io\\.tumbler\\.scenario\\.(\\w+)\\s*;",
      Pattern.MULTILINE);
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.tumbler\\.scenario\\.(\\w+)\\.");
  /** Comments and string literals (a text block's quotes are three of these): no dependency lives there. */
  private static final Pattern NOT_CODE = Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"",
      Pattern.DOTALL);

  @Test
  void theScenarioPackagesFormNoCycle() throws IOException {
    Map<String, Map<String, TreeSet<String>>> graph = dependencies(SOURCES);
    assertTrue(graph.containsKey("cluster") && graph.containsKey("client"), "read the sources at " + SOURCES);
    assertEquals(List.of(), describe(cycles(graph), graph), "package cycles among io.tumbler.scenario.*");
  }

  @Test
  void aCycleIsFoundAndNamedWithItsFiles() {
    Map<String, Map<String, TreeSet<String>>> graph = new TreeMap<>();
    edge(graph, "client", "wire", "ClientProcess.java");
    edge(graph, "cluster", "wire", "SimCluster.java");
    edge(graph, "cluster", "client", "SimCluster.java");
    assertEquals(List.of(), cycles(graph));
    edge(graph, "wire", "cluster", "Wire.java");
    assertEquals(List.of(List.of("client", "cluster", "wire")), cycles(graph));
    assertEquals(List.of("client -> wire (ClientProcess.java), cluster -> client (SimCluster.java), cluster -> wire "
        + "(SimCluster.java), wire -> cluster (Wire.java)"), describe(cycles(graph), graph));
  }

  @Test
  void commentsAndStringsAreNoDependency() {
    String source = "package io.tumbler.scenario.a;\n/** {@link io.tumbler.scenario.b.B} */\n"
        + "// io.tumbler.scenario.c.C\nclass A { String s = \"io.tumbler.scenario.d.D\"; io.tumbler.scenario.e.E e; }";
    Map<String, Map<String, TreeSet<String>>> graph = new TreeMap<>();
    read(graph, "A.java", source);
    assertEquals(Map.of("e", new TreeSet<>(List.of("A.java"))), graph.get("a"));
  }

  /** Package -> package it uses -> the files of the first that use it. */
  private static Map<String, Map<String, TreeSet<String>>> dependencies(Path root) throws IOException {
    Map<String, Map<String, TreeSet<String>>> graph = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    for (Path file : files) {
      read(graph, file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
    return graph;
  }

  private static void read(Map<String, Map<String, TreeSet<String>>> graph, String fileName, String source) {
    Matcher pkg = PACKAGE.matcher(source);
    if (!pkg.find()) {
      return; // the io.tumbler.scenario package itself, if it ever has a file, is no sub-package
    }
    String from = pkg.group(1);
    graph.computeIfAbsent(from, k -> new TreeMap<>());
    Matcher reference = REFERENCE.matcher(NOT_CODE.matcher(source).replaceAll(" "));
    while (reference.find()) {
      if (!reference.group(1).equals(from)) {
        edge(graph, from, reference.group(1), fileName);
      }
    }
  }

  private static void edge(Map<String, Map<String, TreeSet<String>>> graph, String from, String to, String file) {
    graph.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>()).add(file);
    graph.computeIfAbsent(to, k -> new TreeMap<>());
  }

  /** The strongly connected components of more than one package (Tarjan), each sorted, in order of first member. */
  private static List<List<String>> cycles(Map<String, Map<String, TreeSet<String>>> graph) {
    Tarjan tarjan = new Tarjan(graph);
    graph.keySet().forEach(tarjan::visit);
    tarjan.components.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    return tarjan.components;
  }

  private static List<String> describe(List<List<String>> cycles, Map<String, Map<String, TreeSet<String>>> graph) {
    List<String> out = new ArrayList<>();
    for (List<String> cycle : cycles) {
      List<String> edges = new ArrayList<>();
      for (String from : cycle) {
        graph.get(from).forEach((to, files) -> {
          if (cycle.contains(to)) {
            edges.add(from + " -> " + to + " (" + String.join(", ", files) + ")");
          }
        });
      }
      out.add(String.join(", ", edges));
    }
    return out;
  }

  /** Tarjan's strongly connected components over the package graph. */
  private static final class Tarjan {
    private final Map<String, Map<String, TreeSet<String>>> graph;
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final List<String> stack = new ArrayList<>();
    private final List<List<String>> components = new ArrayList<>();

    Tarjan(Map<String, Map<String, TreeSet<String>>> graph) {
      this.graph = graph;
    }

    void visit(String v) {
      if (index.containsKey(v)) {
        return;
      }
      index.put(v, index.size());
      low.put(v, index.get(v));
      stack.add(v);
      for (String w : graph.get(v).keySet()) {
        if (!index.containsKey(w)) {
          visit(w);
          low.put(v, Math.min(low.get(v), low.get(w)));
        } else if (stack.contains(w)) {
          low.put(v, Math.min(low.get(v), index.get(w)));
        }
      }
      if (low.get(v).equals(index.get(v))) {
        List<String> component = new ArrayList<>();
        String w;
        do {
          w = stack.remove(stack.size() - 1);
          component.add(w);
        } while (!w.equals(v));
        if (component.size() > 1) {
          component.sort(null);
          components.add(component);
        }
      }
    }
  }
}
