package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.counterexample.FinalPath;
import io.tumbler.lin.counterexample.Linearization;
import io.tumbler.lin.counterexample.PathStep;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.lin.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Counterexamples against first-bad-op.csv: for each of its 86 files, the op we report as the one that
 * cannot be placed is exactly Knossos's {@code :op} (same index, process, function and value; no
 * "equivalent" op is needed), and the rest of the counterexample is internally consistent.
 */
class CounterexampleTest {
  private static final Checker CHECKER = Checker.withDefaults();

  @TestFactory
  List<DynamicTest> reportedOpIsKnossosFirstBadOp() {
    Path corpus = Corpus.require();
    List<DynamicTest> tests = new ArrayList<>();
    for (Corpus.FirstBadOp expected : Corpus.firstBadOps()) {
      tests.add(DynamicTest.dynamicTest(expected.file(), () -> {
        History history = HistoryFiles.read(corpus.resolve(expected.file()), HistoryFormat.AUTO).history();
        String model = HistoryFiles.read(corpus.resolve(expected.file()), HistoryFormat.AUTO).model();
        CheckResult result = CHECKER.check(Models.named(model, ModelOptions.defaults()), history);
        Counterexample counterexample = assertInstanceOf(CheckResult.Invalid.class, result).counterexample();
        Operation op = counterexample.op();
        assertEquals(expected.index(), op.index(), "index of " + op);
        assertEquals(expected.process(), op.clientProcess(), "process of " + op);
        assertEquals(expected.f(), op.f(), "f of " + op);
        assertEquals(expected.value(), op.value() == null ? "nil" : String.valueOf(op.value()), "value of " + op);
        assertConsistent(counterexample, history);
      }));
    }
    return tests;
  }

  /** The prefixes linearize every call that returned before the failing one; final paths end illegal. */
  private static void assertConsistent(Counterexample counterexample, History history) {
    Call failing = counterexample.failingCall();
    assertFalse(counterexample.longestPrefixes().isEmpty(), "longest prefixes");
    for (Linearization prefix : counterexample.longestPrefixes()) {
      Set<Integer> placed = new HashSet<>();
      prefix.calls().forEach(call -> placed.add(call.id()));
      assertFalse(placed.contains(failing.id()), "the failing call is not in a prefix");
      for (Call call : history.calls()) {
        boolean returnedBefore = call.completePosition() >= 0 && call.completePosition() < failing.completePosition()
            && !call.isFailed() && !call.isIndeterminate();
        if (returnedBefore) {
          assertTrue(placed.contains(call.id()), () -> "prefix misses " + call);
        }
      }
    }
    assertFalse(counterexample.finalPaths().isEmpty(), "final paths");
    for (FinalPath path : counterexample.finalPaths()) {
      PathStep last = path.steps().get(path.steps().size() - 1);
      assertEquals(failing, last.call());
      assertFalse(last.legal());
    }
    assertFalse(counterexample.explanation().isBlank());
  }

  @Test
  void rethinkMinimalWithNilInitialValueFailsAtTheAssertedRead() throws Exception {
    Path file = Corpus.require().resolve("knossos/cas-register/bad/rethink-fail-minimal.edn");
    History history = HistoryFiles.read(file, HistoryFormat.AUTO).history();
    CheckResult result = CHECKER.check(Models.named("cas-register", ModelOptions.withInitialValue(null)), history);
    Operation op = assertInstanceOf(CheckResult.Invalid.class, result).counterexample().op();
    assertEquals(4, op.index());
    assertEquals(3L, op.value());
  }

  @Test
  void rethinkSmallerWithNilInitialValueFailsAtTheAssertedRead() throws Exception {
    Path file = Corpus.require().resolve("knossos/cas-register/bad/rethink-fail-smaller.edn");
    History history = HistoryFiles.read(file, HistoryFormat.AUTO).history();
    CheckResult result = CHECKER.check(Models.named("cas-register", ModelOptions.withInitialValue(null)), history);
    Counterexample counterexample = assertInstanceOf(CheckResult.Invalid.class, result).counterexample();
    assertEquals(217, counterexample.op().index());
    assertEquals(12L, counterexample.op().clientProcess());
  }

  @Test
  void badAnalysisExplainsTheReadAndNamesThePreviousOk() throws Exception {
    Path file = Corpus.require().resolve("knossos/cas-register/bad/bad-analysis.edn");
    History history = HistoryFiles.read(file, HistoryFormat.AUTO).history();
    Counterexample counterexample = assertInstanceOf(CheckResult.Invalid.class,
        CHECKER.check(Models.named("cas-register", ModelOptions.defaults()), history)).counterexample();
    assertEquals(14, counterexample.op().index());
    assertEquals(11, counterexample.previousOk().index(), "the read of 0 by process 19 is the previous ok");
    assertTrue(counterexample.explanation().startsWith("can't read 2"), counterexample.explanation());
  }
}
