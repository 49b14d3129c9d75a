package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.report.input.RunFiles;
import io.tumbler.runformat.RunRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * What ran, from {@code run.json}: enough to identify the run and to reproduce it with one line.
 *
 * @param scenario the scenario name, or "?" when unknown
 * @param seed the seed, or -1 when unknown
 * @param bugs the known-bug flags that were on
 * @param commit the commit of the code that ran
 * @param fingerprint the trace fingerprint (same seed, same code: same fingerprint)
 * @param outcome PASS, VIOLATION, LIVENESS, ERROR; UNKNOWN when run.json is missing
 * @param expectation what the scenario expects (e.g. a violation it exists to demonstrate), or empty
 * @param violated the checks that failed
 * @param model the linearizability model
 * @param replay the command that reproduces the run
 * @param shrink the command that shrinks it
 * @param simulatedMillis simulated time covered
 * @param wallMillis wall-clock time the run took
 * @param events simulator events processed
 * @param operations client operations recorded
 */
public record RunHeader(
    String scenario, long seed, List<String> bugs, String commit, String fingerprint, String outcome,
    String expectation, List<String> violated, String model, String replay, String shrink, long simulatedMillis,
    long wallMillis, long events, long operations) {

  public RunHeader {
    bugs = List.copyOf(bugs);
    violated = List.copyOf(violated);
  }

  static RunHeader of(RunFiles files) {
    RunRecord run = files.run();
    String scenario = or(run.scenario(), "?");
    long seed = run.seed();
    List<String> bugs = run.bugs();
    String replay = or(run.replay(), replayOf(scenario, seed, bugs));
    return new RunHeader(scenario, seed, bugs, or(run.commit(), "unknown"), or(run.fingerprint(), "unknown"),
        or(run.outcome(), "UNKNOWN"), or(run.expectation(), ""), run.violated(), or(run.model(), ""), replay,
        shrinkOf(replay, files.dir(), seed), run.simulatedMillis(), run.wallMillis(), run.events(), run.operations());
  }

  private static String or(String value, String absent) {
    return value == null ? absent : value;
  }

  /** The elements of a JSON array as text (a missing array gives an empty list). */
  public static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The replay line {@code tumbler run} prints, rebuilt when run.json did not record one. */
  public static String replayOf(String scenario, long seed, List<String> bugs) {
    StringBuilder b = new StringBuilder("./tumbler run --scenario ").append(scenario).append(" --seed ").append(seed);
    bugs.forEach(bug -> b.append(" --bug ").append(bug));
    return b.toString();
  }

  /**
   * The command that shrinks a failing run: {@code tumbler shrink} takes its run directory; when none was kept,
   * the replay line first recreates one.
   */
  public static String shrinkOf(String replay, java.nio.file.Path runDir, long seed) {
    String tumbler = replay.isBlank() ? "./tumbler" : replay.split(" ", 2)[0];
    if (runDir != null) {
      return tumbler + " shrink " + shellWord(runDir.toString());
    }
    return replay + " --out seed-" + seed + " && " + tumbler + " shrink seed-" + seed;
  }

  private static String shellWord(String text) {
    return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
  }
}
