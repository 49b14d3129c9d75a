package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.history.History;
import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.model.KvGetPutAppendModel;
import io.tumbler.lin.testing.Corpus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sub-histories run on several threads, but the result must not depend on it: the same verdicts per
 * partition and the same counterexamples in the same order, whatever the thread count.
 */
class SchedulingIndependenceTest {

  private static List<String> summary(CheckResult result) {
    List<String> lines = new ArrayList<>();
    result.stats().perPartition().forEach(part -> lines.add(part.label() + " " + part.verdict()));
    if (result instanceof CheckResult.Invalid invalid) {
      for (Counterexample counterexample : invalid.counterexamples()) {
        lines.add(counterexample.partition() + " fails at " + counterexample.op().index());
      }
    }
    return lines;
  }

  @Test
  void threadCountDoesNotChangeTheResult() throws Exception {
    History history = HistoryFiles.read(Corpus.require().resolve("porcupine/kv/c10-bad.txt"), HistoryFormat.AUTO).history();
    List<String> sequential = summary(new Checker(CheckerOptions.defaults().withParallelism(1)).check(new KvGetPutAppendModel(), history));
    for (int threads : new int[] {2, 3, 8}) {
      CheckResult result = new Checker(CheckerOptions.defaults().withParallelism(threads)).check(new KvGetPutAppendModel(), history);
      assertEquals(sequential, summary(result), threads + " threads");
    }
    assertEquals(Verdict.INVALID, new Checker(CheckerOptions.defaults()).check(new KvGetPutAppendModel(), history).verdict());
  }
}
