package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.bench.SingleKeyHistories;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.model.EtcdCasRegisterModel;
import io.tumbler.lin.model.KvGetPutAppendModel;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.lin.testing.Corpus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Budgets end a check with UNKNOWN, never VALID, and never an OutOfMemoryError; a model error is UNKNOWN
 * too. The bound on configurations is enforced in batches of 1024, so UNKNOWN comes with the count
 * explored so far.
 */
class BudgetTest {

  private static History etcd(String name) throws Exception {
    return HistoryFiles.read(Corpus.require().resolve("porcupine/jepsen/" + name), HistoryFormat.AUTO).history();
  }

  @Test
  void configurationBoundGivesUnknownWithTheCountExplored() throws Exception {
    // A generated single-key history of 3,000 calls needs several thousand configurations (the corpus's etcd
    // logs need at most a few hundred since the cache skips subsumed configurations).
    Checker checker = new Checker(CheckerOptions.defaults().withMaxConfigurations(1500));
    CheckResult result = checker.check(new EtcdCasRegisterModel(), SingleKeyHistories.generate(3_000, 10, 40));
    CheckResult.Unknown unknown = assertInstanceOf(CheckResult.Unknown.class, result);
    assertEquals(UnknownCause.CONFIGURATION_LIMIT, unknown.cause());
    assertTrue(result.stats().configurations() >= 1024 && result.stats().configurations() <= 2048,
        () -> "explored " + result.stats().configurations());
  }

  @Test
  void tinyConfigurationBoundIsUnknownEvenForAnEasyValidHistory() throws Exception {
    CheckResult result = new Checker(CheckerOptions.defaults().withMaxConfigurations(1)).check(new EtcdCasRegisterModel(), etcd("etcd_002.log"));
    assertEquals(Verdict.UNKNOWN, result.verdict());
  }

  @Test
  void zeroTimeLimitIsUnknown() throws Exception {
    Checker checker = new Checker(CheckerOptions.defaults().withTimeLimit(Duration.ZERO));
    CheckResult result = checker.check(new EtcdCasRegisterModel(), etcd("etcd_002.log"));
    assertEquals(UnknownCause.TIME_LIMIT, assertInstanceOf(CheckResult.Unknown.class, result).cause());
  }

  @Test
  void memoryBudgetGivesUnknownNotOutOfMemory() throws Exception {
    History history = HistoryFiles.read(Corpus.require().resolve("porcupine/kv/c50-bad.txt"), HistoryFormat.AUTO).history();
    Checker checker = new Checker(CheckerOptions.defaults().withMemoryBudgetBytes(512 * 1024));
    CheckResult result = checker.check(new KvGetPutAppendModel(), history);
    assertTrue(result.verdict() != Verdict.VALID, "never a pass");
    assertTrue(result.stats().perPartition().stream().anyMatch(p -> p.verdict() == Verdict.UNKNOWN),
        "some key ran out of its memory budget");
  }

  @Test
  void modelErrorIsUnknownWithTheModelsMessage() {
    History history = History.of(List.of(
        Operation.invoke(0, 0, "increment", 1L),
        Operation.ok(1, 0, "increment", 1L)));
    CheckResult result = Checker.withDefaults().check(Models.named("cas-register", ModelOptions.defaults()), history);
    CheckResult.Unknown unknown = assertInstanceOf(CheckResult.Unknown.class, result);
    assertEquals(UnknownCause.MODEL_ERROR, unknown.cause());
    assertTrue(unknown.detail().contains("no operation 'increment'"), unknown.detail());
  }

  @Test
  void malformedValueForTheModelIsUnknown() {
    History history = History.of(List.of(
        Operation.invoke(0, 0, "cas", ImmutableValues.vector(1L)),
        Operation.ok(1, 0, "cas", ImmutableValues.vector(1L))));
    CheckResult result = Checker.withDefaults().check(new EtcdCasRegisterModel(), history);
    assertEquals(Verdict.UNKNOWN, result.verdict());
  }
}
