package io.tumbler.scenario.run;

import io.tumbler.fault.Schedule;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.history.History;
import io.tumbler.scenario.check.SafetyViolation;
import io.tumbler.scenario.journal.JournalEntry;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a run leaves behind besides its {@link RunResult}: the history, the journal, the schedule as
 * drawn, the faults as applied, the checker's full result and the kernel trace text (when kept). The
 * run directory is written from this.
 */
public record RunArtifacts(
    Scenario scenario,
    RunResult result,
    Schedule schedule,
    History history,
    String model,
    List<JournalEntry> journal,
    List<io.tumbler.fault.AppliedFault> appliedFaults,
    List<SafetyViolation> safetyViolations,
    CheckResult linearizability,
    List<String> traceLines) {

  /** Characters a shell leaves alone in a word; any other makes the path single-quoted. */
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  /**
   * The one line that reproduces this run once its directory is written to {@code dir}: the seed's command when
   * the seed alone reruns it ({@link Scenario#reproducibleFromSeed()}), else {@code ./tumbler replay DIR}, since
   * only {@code dir}'s schedule.json and run.json say what ran (a shrunk, replayed or hand-edited run).
   */
  public String replayCommand(Path dir) {
    if (scenario.reproducibleFromSeed()) {
      return result.replayCommand();
    }
    String path = dir.toString();
    return "./tumbler replay " + (PLAIN_WORD.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'");
  }
}
