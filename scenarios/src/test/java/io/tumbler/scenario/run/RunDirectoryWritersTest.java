package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.CheckStats;
import io.tumbler.lin.Checker;
import io.tumbler.lin.UnknownCause;
import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.counterexample.FinalPath;
import io.tumbler.lin.counterexample.Linearization;
import io.tumbler.lin.counterexample.PathStep;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.journal.JournalFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every writer of a run directory on the edge cases its types allow — a counterexample at the first operation
 * (a final path from the initial state: {@link PathStep#call()} null), no previous ok, empty prefixes and
 * paths, a call that never completed, zero operations, null journal fields — and a writer that fails loses
 * only its own file: the verdict is still written, with the failure in checks.json and run.json's notes.
 */
class RunDirectoryWritersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CheckStats STATS = new CheckStats("register", 1, 1, 3, 1_000, List.of());
  private static RunArtifacts real;

  @TempDir Path tmp;

  @BeforeAll
  static void runOnce() {
    real = new ScenarioRunner(true, Duration.ofSeconds(30)).run(ScenarioCatalog.named(ScenarioCatalog.DEFAULT), 1);
  }

  private static RunArtifacts with(History history, List<JournalEntry> journal, CheckResult lin, List<String> trace) {
    return new RunArtifacts(real.scenario(), real.result(), real.schedule(), history, real.model(), journal,
        real.appliedFaults(), real.safetyViolations(), lin, trace);
  }

  /** A read of 5 from a register that was never written: the very first operation cannot be linearized. */
  private static CheckResult firstOperationIllegal() {
    History h = History.of(List.of(Operation.invoke(0, 0, "read", null), Operation.ok(1, 0, "read", 5L)));
    return new Checker(io.tumbler.lin.CheckerOptions.defaults()).check(Models.named("register", ModelOptions.defaults()), h);
  }

  @Test
  void aCounterexampleAtTheFirstOperationHasAPathFromTheInitialState() {
    CheckResult result = firstOperationIllegal();
    assertTrue(result instanceof CheckResult.Invalid, result.toString());
    Counterexample cx = ((CheckResult.Invalid) result).counterexamples().get(0);
    assertEquals(null, cx.previousOk());
    assertTrue(cx.finalPaths().stream().anyMatch(p -> p.steps().get(0).call() == null), cx.finalPaths().toString());
    JsonNode json = LinearizabilityFile.toJson("register", result);
    JsonNode c = json.get("counterexamples").get(0);
    assertTrue(c.get("previousOk").isNull(), c.toString());
    JsonNode first = c.get("finalPaths").get(0).get(0);
    assertTrue(first.get("initial").asBoolean(), first.toString());
    assertTrue(first.get("legal").asBoolean(), first.toString());
    JsonNode last = c.get("finalPaths").get(0).get(c.get("finalPaths").get(0).size() - 1);
    assertEquals(0, last.get("invokeIndex").asLong(), last.toString());
    assertFalse(last.get("legal").asBoolean());
  }

  @Test
  void nullableFieldsEmptyPrefixesAndACallThatNeverCompletedAreWritten() {
    Operation invoke = Operation.invoke(0, 3, "write", null);
    Call pending = new Call(0, invoke, null, 0, -1);
    Counterexample bare = new Counterexample("", List.of(), pending, null, List.of(), List.of(), List.of(), null);
    Counterexample withNulls = new Counterexample("key 1", List.of("1"), pending, null,
        List.of(new Linearization(List.of(), null, null)),
        List.of(new FinalPath(List.of(new PathStep(null, true, null, null), new PathStep(pending, false, null, null)))),
        List.of("0"), null);
    JsonNode json = LinearizabilityFile.toJson("register",
        new CheckResult.Invalid(List.of(bare, withNulls), STATS));
    JsonNode b = json.get("counterexamples").get(0);
    assertEquals(0, b.get("finalPaths").size());
    assertEquals(0, b.get("longestPrefixes").size());
    assertTrue(b.get("failingCall").get("completeIndex").isNull(), b.toString());
    assertEquals("info", b.get("failingCall").get("outcome").asText());
    JsonNode w = json.get("counterexamples").get(1);
    assertEquals(0, w.get("longestPrefixes").get(0).get("calls").size());
    assertTrue(w.get("finalPaths").get(0).get(0).get("initial").asBoolean());
    JsonNode unknown = LinearizabilityFile.toJson("register", new CheckResult.Unknown(UnknownCause.TIME_LIMIT, null, STATS));
    assertEquals("time_limit", unknown.get("cause").asText());
  }

  @Test
  void zeroOperationsAnEmptyJournalAndNoTraceMakeACompleteDirectory() throws Exception {
    History empty = History.of(List.of());
    CheckResult valid = new Checker(io.tumbler.lin.CheckerOptions.defaults())
        .check(Models.named(real.model(), ModelOptions.defaults()), empty);
    Path dir = tmp.resolve("empty");
    List<String> failures = RunDirectory.write(dir, with(empty, List.of(), valid, List.of()), "test");
    assertEquals(List.of(), failures);
    for (String f : List.of("run.json", "checks.json", "schedule.json", "history.jsonl", "journal.jsonl",
        "linearizability.json")) {
      assertTrue(Files.isRegularFile(dir.resolve(f)), f);
    }
    assertFalse(Files.exists(dir.resolve("trace.jsonl")), "no trace kept, no trace file");
    assertEquals(0, JSON.readTree(dir.resolve("checks.json").toFile()).get("writeFailures").size());
    assertEquals(List.of(), JournalFile.read(dir.resolve("journal.jsonl")));
  }

  @Test
  void journalEventsWithNullFieldsAndNoEntriesRoundTrip() throws Exception {
    List<JournalEntry> journal = List.of(new JournalEntry.Stamped(0, new Observation.Halted(1, null)),
        new JournalEntry.Stamped(5, new Observation.EntriesAppended(2, List.of())),
        new JournalEntry.Stamped(7, new Observation.ReadServed(3, null, 0, 0)));
    Path dir = tmp.resolve("journal");
    assertEquals(List.of(), RunDirectory.write(dir, with(real.history(), journal, real.linearizability(),
        List.of()), "test"));
    assertEquals(journal, JournalFile.read(dir.resolve("journal.jsonl")));
  }

  @Test
  void aFailingWriterLosesOnlyItsOwnFileAndTheVerdictIsKept() throws Exception {
    // A counterexample whose key Jackson cannot serialize, and a trace with a missing line: two broken writers.
    Counterexample unwritable = new Counterexample("", List.of(new Object()), new Call(0,
        Operation.invoke(0, 0, "read", null), null, 0, -1), null, List.of(), List.of(), List.of(), "x");
    List<String> trace = new ArrayList<>(Arrays.asList("{\"t\":0}", null));
    Path dir = tmp.resolve("broken");
    List<String> failures = RunDirectory.write(dir,
        with(real.history(), real.journal(), new CheckResult.Invalid(List.of(unwritable), STATS), trace), "test");
    assertEquals(2, failures.size(), failures.toString());
    assertTrue(failures.get(0).startsWith("could not write trace.jsonl: "), failures.toString());
    assertTrue(failures.get(1).startsWith("could not write linearizability.json: "), failures.toString());
    assertFalse(Files.exists(dir.resolve("linearizability.json")));
    assertFalse(Files.exists(dir.resolve("linearizability.json.tmp")), "no stray temporary file");
    JsonNode checks = JSON.readTree(dir.resolve("checks.json").toFile());
    assertEquals(2, checks.get("writeFailures").size(), checks.toString());
    assertEquals(real.result().checks().size(), checks.get("checks").size());
    JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
    assertEquals(real.result().outcome().name(), run.get("outcome").asText());
    assertEquals(real.result().fingerprint(), run.get("fingerprint").asText());
    assertTrue(run.get("notes").toString().contains("could not write linearizability.json"), run.toString());
    assertTrue(Files.isRegularFile(dir.resolve("schedule.json")) && Files.isRegularFile(dir.resolve("history.jsonl")));
  }
}
