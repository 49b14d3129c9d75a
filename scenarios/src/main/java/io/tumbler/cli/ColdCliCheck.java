package io.tumbler.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.lin.bench.SingleKeyScaling;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The cold figures of {@code bench checker --single-key} for {@code tumbler check FILE} as a user runs it: in
 * fresh processes started through the {@code tumbler} script when the bench itself was (the script names
 * itself in {@code TUMBLER_LAUNCHER}, so its AppCDS archive and JIT choice apply), else in fresh JVMs with this
 * one's flags and class path. Each run gives its wall time from spawn to exit (JVM startup, picocli, reading,
 * the search, printing) and, from its {@code --json} line, the first check it timed itself (reading plus
 * search).
 *
 * @param processMillis median spawn-to-exit time
 * @param readMillis    median reading time inside the process
 * @param searchMillis  median search time inside the process
 * @param launcher      how the processes were started: the script's path, or "java"
 */
record ColdCliCheck(double processMillis, double readMillis, double searchMillis, String launcher) {
  /** The first check inside the process: reading plus search, in ms. */
  double firstCheckMillis() {
    return Math.round((readMillis + searchMillis) * 10) / 10.0;
  }

  /** Medians over {@code runs} fresh {@code tumbler check --json file} processes. */
  static ColdCliCheck measure(Path file, int runs) throws IOException, InterruptedException {
    double[][] figures = new double[3][runs];
    for (int i = 0; i < runs; i++) {
      double[] one = once(file);
      for (int f = 0; f < one.length; f++) {
        figures[f][i] = one[f];
      }
    }
    return new ColdCliCheck(SingleKeyScaling.median(figures[0]), SingleKeyScaling.median(figures[1]),
        SingleKeyScaling.median(figures[2]), script() == null ? "java" : script());
  }

  /** The {@code tumbler} script that started this JVM, or null. */
  private static String script() {
    String script = System.getenv("TUMBLER_LAUNCHER");
    return script != null && Files.isExecutable(Paths.get(script)) ? script : null;
  }

  /** {process ms, read ms, search ms} of one fresh check. */
  private static double[] once(Path file) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (script() != null) {
      command.add(script());
    } else {
      command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), Tumbler.class.getName()));
    }
    command.addAll(List.of("check", "--json", file.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("TUMBLER_SKIP_BUILD", "1");
    builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    long started = System.nanoTime();
    Process child = builder.start();
    byte[] output;
    try (InputStream in = child.getInputStream()) {
      output = in.readAllBytes();
    }
    int exit = child.waitFor();
    double millis = (System.nanoTime() - started) / 1e6;
    String text = new String(output, StandardCharsets.UTF_8).strip();
    if (exit != ExitCode.PASS) {
      throw new IOException("tumbler check " + file + " exited " + exit + ": " + text);
    }
    JsonNode result = new ObjectMapper().readTree(text.lines().findFirst().orElse("{}"));
    return new double[] {millis, result.path("readMillis").asDouble(), result.path("millis").asDouble()};
  }
}
