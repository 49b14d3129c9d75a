package io.tumbler.cli;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A child process of {@code tumbler mutate} (git, Maven, a campaign JVM): shell-edge code, never used by the
 * deterministic packages. Standard error is merged into standard output; every line goes to {@code lines} as
 * it arrives, and the last {@link #TAIL_LINES} are kept for a failure message.
 */
final class ShellProcess {
  static final int TAIL_LINES = 20;

  /** How a process ended: its exit code and the last lines it printed. */
  record Result(int exitCode, List<String> tail) {
    boolean succeeded() {
      return exitCode == 0;
    }

    String tailText() {
      return String.join("\n", tail);
    }
  }

  private ShellProcess() {}

  /** Runs {@code command} in {@code dir} to completion; an I/O failure to start it is an {@link IOException}. */
  static Result run(Path dir, List<String> command, Consumer<String> lines) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    ArrayDeque<String> tail = new ArrayDeque<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.accept(line);
        tail.addLast(line);
        if (tail.size() > TAIL_LINES) {
          tail.removeFirst();
        }
      }
    } catch (IOException e) {
      process.destroyForcibly();
      throw e;
    }
    return new Result(process.waitFor(), List.copyOf(tail));
  }

  /** Runs {@code command} quietly. */
  static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
    return run(dir, command, line -> { });
  }
}
