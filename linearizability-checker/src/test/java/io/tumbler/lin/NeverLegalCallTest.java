package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.bench.SingleKeyHistories;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.EtcdCasRegisterModel;
import org.junit.jupiter.api.Test;

/**
 * A long history with one read of a value no call ever writes is INVALID, with a counterexample at that
 * read, within a configuration bound a few times the history's length: the search stops at the first
 * configuration stuck at the read's return (no linearization gets past it) instead of exhausting every
 * configuration before it, which for a 10k-call history with ~1% indeterminate calls ran out of a 2 GiB
 * budget (UNKNOWN after 20 million configurations). No time is asserted.
 */
class NeverLegalCallTest {
  @Test
  void corruptedReadInALongHistoryIsInvalidAtThatRead() {
    History history = SingleKeyHistories.corruptRead(SingleKeyHistories.generate(10_000, 10, 42));
    Checker checker = new Checker(CheckerOptions.defaults().withMaxConfigurations(100_000).withParallelism(1));
    CheckResult result = checker.check(new EtcdCasRegisterModel(), history);
    assertEquals(Verdict.INVALID, result.verdict(), () -> String.valueOf(result));
    CheckResult.Invalid invalid = (CheckResult.Invalid) result;
    Call failing = invalid.counterexample().failingCall();
    assertEquals("read", failing.f());
    assertEquals(5L, failing.output());
    assertFalse(invalid.counterexample().longestPrefixes().isEmpty());
    assertTrue(invalid.counterexample().longestPrefixes().get(0).calls().size() > 4_000,
        () -> "the prefix should linearize everything before the read, got "
            + invalid.counterexample().longestPrefixes().get(0).calls().size());
  }

  @Test
  void aBudgetTooSmallToReachTheReadStillEndsInvalid() {
    History history = SingleKeyHistories.corruptRead(SingleKeyHistories.generate(10_000, 10, 42));
    Checker checker = new Checker(CheckerOptions.defaults().withMaxConfigurations(2_000).withParallelism(1));
    CheckResult result = checker.check(new EtcdCasRegisterModel(), history);
    assertEquals(Verdict.INVALID, result.verdict(), () -> String.valueOf(result));
    assertEquals(5L, ((CheckResult.Invalid) result).counterexample().failingCall().output());
  }
}
