package io.tumbler.cli;

import io.tumbler.report.ReportFormat;
import io.tumbler.report.ReportOutcome;
import io.tumbler.report.Reports;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumbler report}: a report from recorded files (a run directory, or campaign directories merged). */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Makes a report from a run directory, a campaign directory, or several campaign shard directories (merged).",
    "HTML is one self-contained page (no network needed); JSON follows reports' report.schema.json; JUnit XML has a",
    "test case per seed (per check for a run); Markdown suits a CI job summary. Missing or cut-short files are",
    "reported as such, not fatal. Default output: report.<ext> in the directory (beside several shard directories).",
    "Exit: the outcome the report shows (0 pass, 1 violation, 2 liveness failure, 4 error or unknown: a run",
    "killed before run.json), 3 for bad input."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "A run directory, or campaign directories.")
  List<Path> dirs;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Output file; with several formats its name less the extension is the base of every file.")
  Path out;

  @Option(names = "--format", defaultValue = "html", paramLabel = "FORMAT",
      description = "html, json, junit, markdown or all. Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() throws IOException {
    Set<ReportFormat> formats = ReportFormat.parse(format).orElseThrow(() -> new BadInputException(
        "--format expects html, json, junit, markdown or all; got '" + format + "'"));
    if (out != null) {
      OutputPaths.file("--out", out);
    }
    ReportOutcome outcome = Reports.write(dirs, out, formats);
    if (outcome instanceof ReportOutcome.Rejected rejected) {
      throw new BadInputException(rejected.message());
    }
    ReportOutcome.Written written = (ReportOutcome.Written) outcome;
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("tumbler report: %s report, outcome %s%n", written.kind(), written.verdict());
    written.files().forEach(f -> stdout.println("  wrote " + f));
    written.notes().forEach(n -> stdout.println("  note: " + n));
    stdout.flush();
    return exitCode(written.verdict());
  }

  /**
   * The end of {@code tumbler fuzz}: writes the campaign's HTML, JSON, JUnit XML and Markdown reports into its
   * directory and names the page on {@code err} (stdout may be carrying JSON lines). A report that cannot be
   * written is a warning: the campaign's results are already safe in results.jsonl.
   */
  static void afterFuzz(Path campaignDir, PrintWriter err) {
    try {
      ReportOutcome outcome = Reports.write(List.of(campaignDir), null, java.util.EnumSet.allOf(ReportFormat.class));
      if (outcome instanceof ReportOutcome.Written written) {
        err.println("report: " + written.files().get(0));
      } else {
        err.println("tumbler fuzz: no campaign report: " + ((ReportOutcome.Rejected) outcome).message());
      }
    } catch (IOException | RuntimeException e) {
      err.println("tumbler fuzz: warning: the campaign report could not be written: " + e);
    }
    err.flush();
  }

  static int exitCode(String verdict) {
    switch (verdict) {
      case "PASS":
        return ExitCode.PASS;
      case "VIOLATION":
        return ExitCode.VIOLATION;
      case "LIVENESS":
        return ExitCode.LIVENESS;
      default:
        return ExitCode.HARNESS_ERROR;
    }
  }
}
