package io.tumbler.cli;

import io.tumbler.lin.bench.SingleKeyScaling;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole-process cold figure of {@code bench checker --single-key}: {@code tumbler check FILE} as a user
 * runs it, in fresh JVMs started with this JVM's flags and class path (so the {@code tumbler} script's AppCDS
 * archive and any {@code JAVA_OPTS} apply), timed from spawn to exit. Everything a one-off check pays is in
 * it: JVM startup, picocli, reading, the search, printing the verdict.
 */
final class ColdCliCheck {
  private ColdCliCheck() {}

  /** The median wall time, in ms, of {@code runs} fresh {@code tumbler check file} processes. */
  static double medianMillis(Path file, int runs) throws IOException, InterruptedException {
    double[] millis = new double[runs];
    for (int i = 0; i < runs; i++) {
      millis[i] = once(file);
    }
    return SingleKeyScaling.median(millis);
  }

  private static double once(Path file) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Tumbler.class.getName(), "check", file.toString()));
    long started = System.nanoTime();
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output;
    try (InputStream in = child.getInputStream()) {
      output = in.readAllBytes();
    }
    int exit = child.waitFor();
    double millis = (System.nanoTime() - started) / 1e6;
    if (exit != ExitCode.PASS) {
      throw new IOException("tumbler check " + file + " exited " + exit + ": " + new String(output, java.nio.charset.StandardCharsets.UTF_8).strip());
    }
    return millis;
  }
}
