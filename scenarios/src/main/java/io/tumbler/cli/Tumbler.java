package io.tumbler.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tumbler} command: the one entry point for runs, campaigns, checks, reports and benchmarks.
 *
 * <p>Exit codes are shared by every subcommand: 0 pass, 1 correctness violation, 2 liveness failure
 * (or, for {@code check}, an unknown verdict), 3 bad usage or input, 4 harness error.
 */
@Command(
    name = "tumbler",
    mixinStandardHelpOptions = true,
    versionProvider = TumblerVersion.class,
    description = "Deterministic simulation and linearizability checking for a Raft-replicated VM-orchestration cluster.",
    subcommands = {
      RunCommand.class,
      FuzzCommand.class,
      ReplayCommand.class,
      ShrinkCommand.class,
      CheckCommand.class,
      ReportCommand.class,
      ListCommand.class,
      JournalCheckCommand.class,
      MutateCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class,
    })
public final class Tumbler implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code; the tests call this rather than {@link #main}. */
  public static int execute(String... args) {
    return commandLine().execute(args);
  }

  /** The configured command line, shared by {@link #execute} and the tests. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Tumbler());
    cli.setParameterExceptionHandler(Tumbler::badUsage);
    cli.setExecutionExceptionHandler(Tumbler::harnessError);
    return cli;
  }

  private static int badUsage(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr().println("tumbler: " + ex.getMessage());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.BAD_INPUT;
  }

  private static int harnessError(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    if (ex instanceof BadInputException bad) {
      cmd.getErr().println("tumbler: " + bad.getMessage());
      return ExitCode.BAD_INPUT;
    }
    if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
      // An environment problem (a disk full, a path that went away), not a bug: one line, no stack trace.
      cmd.getErr().println("tumbler: I/O error (exit " + ExitCode.HARNESS_ERROR + "): " + ex.getMessage());
      return ExitCode.HARNESS_ERROR;
    }
    cmd.getErr().println("tumbler: internal error (exit " + ExitCode.HARNESS_ERROR + "): " + ex);
    ex.printStackTrace(cmd.getErr());
    return ExitCode.HARNESS_ERROR;
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
