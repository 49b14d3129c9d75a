package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand answers {@code --help} with its usage and {@code --version} with the version,
 * and exits 0 (a bad flag's error message tells the user to try {@code --help}, so it must work everywhere).
 */
class CliHelpTest {
  @Test
  void everyCommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Tumbler.commandLine(), new ArrayList<>(), paths);
    assertTrue(paths.size() >= 12, "the whole command tree was walked: " + paths);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertEquals(ExitCode.PASS, r.exit(), args + ": " + r.err());
      String qualified = String.join(" ", path);
      assertTrue(r.out().contains("Usage: tumbler" + (qualified.isEmpty() ? "" : " " + qualified)),
          args + " printed: " + r.out());
      if (path.equals(List.of("help"))) {
        continue; // picocli's help command takes a command name, not --version
      }
      List<String> version = new ArrayList<>(path);
      version.add("--version");
      CliRun v = CliRun.of(version.toArray(String[]::new));
      assertEquals(ExitCode.PASS, v.exit(), version + ": " + v.err());
      assertTrue(v.out().startsWith("tumbler "), version + " printed: " + v.out());
    }
  }

  @Test
  void aWrongFlagPointsAtTheHelpThatExists() {
    CliRun r = CliRun.of("fuzz", "--no-such-flag");
    assertEquals(ExitCode.BAD_INPUT, r.exit());
    assertTrue(r.err().contains("Try 'tumbler fuzz --help' for usage."), r.err());
    assertEquals(ExitCode.PASS, CliRun.of("fuzz", "--help").exit());
  }

  private static void collect(CommandLine cli, List<String> prefix, List<List<String>> out) {
    out.add(List.copyOf(prefix));
    for (var e : cli.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(prefix);
      next.add(e.getKey());
      collect(e.getValue(), next, out);
    }
  }
}
