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
    description = "Deterministic simulation and linearizability checking for a Raft-replicated VM-orchestration cluster.")
public final class Tumbler implements Runnable {
  /**
   * The subcommands, in the order usage lists them. Registered here rather than in {@code @Command} so that
   * {@link #execute} can build only the one a command line names: picocli reads every registered command's
   * annotations by reflection (and on JDK 17 its classes cannot be class-data shared), which cost a
   * {@code tumbler check} about as much as the check itself.
   */
  private static final String[] SUBCOMMANDS = {
      "run", "cluster", "fuzz", "replay", "shrink", "check", "report", "list", "check-journal", "mutate", "bench", "help"};

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The process's entry point; a {@code check} starts warming the checker up first ({@link SearchWarmUp}). */
  public static void main(String[] args) {
    System.exit(commandLine(args, SearchWarmUp.forCommandLine(args)).execute(args));
  }

  /** Runs the command line and returns its exit code; the tests call this rather than {@link #main}. */
  public static int execute(String... args) {
    return commandLine(args).execute(args);
  }

  /** The configured command line with every subcommand, as the tests and usage see it. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The configured command line for {@code args}: when the first argument names a subcommand (other than
   * {@code help}), only that one is registered; otherwise (usage, help, a typo to suggest for) all are.
   */
  static CommandLine commandLine(String[] args) {
    return commandLine(args, null);
  }

  /** {@link #commandLine(String[])}, with {@code check}'s warm-up when the process started one. */
  static CommandLine commandLine(String[] args, SearchWarmUp warmUp) {
    CommandLine cli = new CommandLine(new Tumbler());
    String named = args.length > 0 && !args[0].equals("help") ? args[0] : null;
    for (String name : SUBCOMMANDS) {
      if (named == null || name.equals(named)) {
        cli.addSubcommand(name, name.equals("check") ? new CheckCommand(warmUp) : subcommand(name));
      }
    }
    if (cli.getSubcommands().isEmpty()) {
      for (String name : SUBCOMMANDS) {
        cli.addSubcommand(name, subcommand(name));
      }
    }
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

  /** A new instance of subcommand {@code name} (one of {@link #SUBCOMMANDS}). */
  private static Object subcommand(String name) {
    switch (name) {
      case "run": return new RunCommand();
      case "cluster": return new ClusterCommand();
      case "fuzz": return new FuzzCommand();
      case "replay": return new ReplayCommand();
      case "shrink": return new ShrinkCommand();
      case "check": return new CheckCommand();
      case "report": return new ReportCommand();
      case "list": return new ListCommand();
      case "check-journal": return new JournalCheckCommand();
      case "mutate": return new MutateCommand();
      case "bench": return new BenchCommand();
      case "help": return new CommandLine.HelpCommand();
      default: throw new IllegalArgumentException("no subcommand " + name);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
