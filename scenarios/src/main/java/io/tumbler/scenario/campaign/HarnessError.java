package io.tumbler.scenario.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.scenario.run.CheckReport;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * A seed whose run threw from Tumbler itself (no frame of the system under test: see {@code sut-exception}):
 * a bug in the harness, recorded as that seed's verdict — outcome ERROR, violated {@code harness-error}, the
 * exception and its top frames — so the campaign goes on with the other seeds and still exits 4. There is no
 * failure directory (the run never finished); the replay command reproduces it.
 *
 * @param error      the exception's class and message
 * @param frames     its top stack frames
 * @param wallMillis how long the run took before it threw
 */
record HarnessError(Scenario scenario, long seed, String error, List<String> frames, long wallMillis) {
  static final String CHECK = "harness-error";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FRAMES = 8;

  HarnessError {
    frames = List.copyOf(frames);
  }

  HarnessError(Scenario scenario, long seed, Throwable thrown, long wallMillis) {
    this(scenario, seed, String.valueOf(thrown), topFrames(thrown), wallMillis);
  }

  private static List<String> topFrames(Throwable thrown) {
    List<String> out = new ArrayList<>();
    StackTraceElement[] trace = thrown.getStackTrace();
    for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
      out.add("at " + trace[i]);
    }
    return out;
  }

  /** The verdict as a run result (for progress output): one failed check, {@code harness-error}. */
  RunResult result() {
    List<String> details = new ArrayList<>();
    details.add(error);
    details.addAll(frames);
    return new RunResult(scenario.name(), seed, scenario.bugs().names(), "", Outcome.ERROR, List.of(CHECK),
        List.of(new CheckReport(CHECK, CheckReport.Verdict.FAIL, details, 0)), 0, 0, wallMillis, 0, 0, List.of(),
        scenario.overrideFlags());
  }

  /** The seed's line of results.jsonl: the fields of a run's line that are known, and the error. */
  String jsonLine(String commit) {
    RunResult r = result();
    ObjectNode o = JSON.createObjectNode();
    o.put("scenario", r.scenario());
    o.put("seed", seed);
    o.set("bugs", JSON.valueToTree(r.bugs()));
    o.put("commit", commit);
    o.put("fingerprint", "");
    o.put("outcome", Outcome.ERROR.name());
    o.set("violated", JSON.valueToTree(r.violated()));
    o.put("workload", scenario.workload());
    o.put("readMode", scenario.readMode().name());
    o.put("events", 0);
    o.put("simulatedMillis", 0);
    o.put("wallMillis", wallMillis);
    o.put("replay", r.replayCommand());
    o.put("harnessError", error);
    o.set("frames", JSON.valueToTree(frames));
    o.set("notes", JSON.createArrayNode());
    return o.toString();
  }
}
