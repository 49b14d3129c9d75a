package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code Tumbler.execute} registers only the subcommand its first argument names (a cold {@code check} does
 * not pay for the others), and that command line behaves as the full one: same usage, same exit codes;
 * usage, {@code help} and a misspelt name still see every subcommand.
 */
class NamedSubcommandTest {
  @Test
  void aNamedSubcommandIsTheOnlyOneRegisteredAndAnswersAsInTheFullTree() {
    List<String> all = List.copyOf(Tumbler.commandLine().getSubcommands().keySet());
    assertTrue(all.size() >= 12 && all.contains("check") && all.contains("help"), all.toString());
    for (String name : all) {
      CommandLine named = Tumbler.commandLine(new String[] {name, "--help"});
      if (name.equals("help")) {
        assertEquals(all, List.copyOf(named.getSubcommands().keySet()));
        continue;
      }
      assertEquals(List.of(name), List.copyOf(named.getSubcommands().keySet()));
      String[] args = {name, "--help"};
      assertEquals(run(Tumbler.commandLine(), args), run(named, args), name);
    }
  }

  @Test
  void usageHelpAndMisspeltNamesSeeEverySubcommand() {
    List<String> all = List.copyOf(Tumbler.commandLine().getSubcommands().keySet());
    for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"help", "check"},
        new String[] {"chek", "x"})) {
      assertEquals(all, List.copyOf(Tumbler.commandLine(args).getSubcommands().keySet()), String.join(" ", args));
    }
    assertEquals(run(Tumbler.commandLine(), new String[] {"chek"}), run(Tumbler.commandLine(new String[] {"chek"}),
        new String[] {"chek"}));
  }

  @Test
  void aBadFileForANamedCheckIsStillBadInput() {
    String[] args = {"check", "/nonexistent/history.jsonl"};
    assertEquals(run(Tumbler.commandLine(), args), run(Tumbler.commandLine(args), args));
    assertTrue(run(Tumbler.commandLine(args), args).startsWith(ExitCode.BAD_INPUT + "\n"));
  }

  /** Exit code, stdout and stderr of {@code args} on {@code cli}, as one string. */
  private static String run(CommandLine cli, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return exit + "\n" + out + "\n--\n" + err;
  }
}
