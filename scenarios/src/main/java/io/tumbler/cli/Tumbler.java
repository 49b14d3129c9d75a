package io.tumbler.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tumbler} command: the one entry point for runs, campaigns, checks, reports and benchmarks.
 *
 * <p>Exit codes are shared by every subcommand: 0 pass, 1 correctness violation, 2 liveness failure
 * (or, for {@code check}, an unknown verdict), 3 bad usage or input, 4 harness error. Running out of a resource
 * (heap, stack, disk) is never a stack trace: one line says what ran out and what to raise (see
 * {@link ResourceExhaustion}); {@code check} then calls the verdict unknown (2), every other command exits 4.
 */
@Command(
    name = "tumbler",
    mixinStandardHelpOptions = true,
    versionProvider = TumblerVersion.class,
    description = "Deterministic simulation and linearizability checking for a Raft-replicated VM-orchestration cluster.",
    subcommands = {
      RunCommand.class,
      ClusterCommand.class,
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
    cli.setExecutionStrategy(Tumbler::runGuarded);
    return cli;
  }

  /**
   * Runs the chosen subcommand; an {@link Error} that means a resource ran out (heap, stack) is caught here, at
   * the command boundary, after every frame that held the command's data has unwound, and becomes one line.
   */
  private static int runGuarded(CommandLine.ParseResult parsed) {
    ResourceExhaustion exhausted;
    try {
      return new CommandLine.RunLast().execute(parsed);
    } catch (OutOfMemoryError | StackOverflowError e) {
      exhausted = ResourceExhaustion.of(e); // keeps only the message, not the error or what it reached
    }
    CommandLine cmd = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
    return exhausted(exhausted, cmd);
  }

  /** Prints {@code exhausted} as one line; {@code check} calls the verdict unknown, the others a harness error. */
  private static int exhausted(ResourceExhaustion exhausted, CommandLine cmd) {
    String name = cmd.getCommandSpec().name();
    boolean check = name.equals("check");
    String exit = check ? " (verdict UNKNOWN, exit " + ExitCode.LIVENESS + ")" : " (exit " + ExitCode.HARNESS_ERROR + ")";
    cmd.getErr().println(exhausted.line(name) + exit);
    cmd.getErr().flush();
    return check ? ExitCode.LIVENESS : ExitCode.HARNESS_ERROR;
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
    ResourceExhaustion exhausted = ResourceExhaustion.of(ex);
    if (exhausted != null) {
      // A worker thread's OutOfMemoryError arrives wrapped; a full disk arrives as an IOException.
      return exhausted(exhausted, cmd);
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
