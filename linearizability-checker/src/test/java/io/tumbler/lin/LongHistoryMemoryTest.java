package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.lin.bench.SingleKeyHistories;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.EtcdCasRegisterModel;
import org.junit.jupiter.api.Test;

/**
 * The search's memory per cached configuration does not grow with the history: a 30,000-call single-key
 * register history with ~1% indeterminate calls is decided within a 64 MiB cache budget. (With one bit per
 * call in every cached configuration, its ~190,000 configurations would need about 700 MiB: the check
 * would end UNKNOWN.) No time is asserted.
 */
class LongHistoryMemoryTest {
  @Test
  void longSingleKeyHistoryIsDecidedInASmallBudget() {
    History history = SingleKeyHistories.generate(30_000, 10, 42);
    Checker checker = new Checker(CheckerOptions.defaults().withMemoryBudgetBytes(64L << 20).withParallelism(1));
    CheckResult result = checker.check(new EtcdCasRegisterModel(), history);
    assertEquals(Verdict.VALID, result.verdict(), () -> String.valueOf(result));
  }

  @Test
  void verdictOnlyFindsTheCorruptedReadWithoutACounterexample() {
    History history = SingleKeyHistories.corruptRead(SingleKeyHistories.generate(400, 6, 5));
    CheckResult result = new Checker(CheckerOptions.defaults().withVerdictOnly(true)).check(new EtcdCasRegisterModel(), history);
    CheckResult.Invalid invalid = (CheckResult.Invalid) result;
    assertEquals(0, invalid.counterexample().longestPrefixes().size());
    CheckResult full = Checker.withDefaults().check(new EtcdCasRegisterModel(), history);
    assertEquals(Verdict.INVALID, full.verdict());
  }
}
