package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tumbler.lin.history.History;
import io.tumbler.lin.io.jsonl.JsonlHeader;
import io.tumbler.lin.io.jsonl.JsonlHistoryWriter;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.lin.testing.BruteForceChecker;
import io.tumbler.lin.testing.HistoryShrinker;
import io.tumbler.lin.testing.RandomHistories;
import io.tumbler.lin.testing.RandomHistories.Kind;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The fast checker against its naive twin on thousands of small random histories per model family (with
 * indeterminate calls and real concurrency): the verdicts must agree, and for invalid histories the
 * reported failing call must be the first call whose completion ends a non-linearizable prefix (Knossos's
 * {@code :op}, computed by the twin from its definition). A disagreement is shrunk to a minimal history
 * and printed as history.jsonl with the seed that produced it.
 */
class DifferentialTest {
  private static final int HISTORIES = 2000;
  private static final int MAX_CALLS = 8;

  private static String modelName(Kind kind) {
    switch (kind) {
      case CAS_REGISTER:
        return "cas-register";
      case ETCD_REGISTER:
        return "etcd-cas-register";
      case KV:
        return "kv";
      case KV_APPEND:
        return "kv-get-put-append";
      default:
        return "mutex";
    }
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void fastCheckerAgreesWithBruteForce(Kind kind) {
    Model<?> model = Models.named(modelName(kind), ModelOptions.defaults());
    BruteForceChecker<?> twin = new BruteForceChecker<>(model);
    Checker sequential = new Checker(CheckerOptions.defaults().withParallelism(1));
    Checker parallel = new Checker(CheckerOptions.defaults().withParallelism(2));
    int valid = 0;
    for (int i = 0; i < HISTORIES; i++) {
      long seed = kind.ordinal() * 1_000_003L + i;
      History history = RandomHistories.generate(kind, seed, MAX_CALLS);
      Checker checker = i % 10 == 0 ? parallel : sequential;
      Predicate<History> disagrees = h -> disagreement(checker, model, twin, h) != null;
      String problem = disagreement(checker, model, twin, history);
      if (problem != null) {
        History minimal = HistoryShrinker.shrink(history, disagrees);
        fail(kind + " seed " + seed + ": " + problem + "\nminimal history (" + disagreement(checker, model, twin, minimal)
            + "):\n" + jsonl(minimal, model.name()));
      }
      valid += twin.isLinearizable(history) ? 1 : 0;
    }
    int validCount = valid;
    assertTrue(valid > HISTORIES / 10 && valid < HISTORIES * 9 / 10,
        () -> kind + ": the generator should give both verdicts often, gave " + validCount + " valid of " + HISTORIES);
  }

  /**
   * The same on histories where half the calls end in info (open to the end, taking effect or not): the
   * search's cache skips a configuration that a cached one with the same required calls, the same state
   * and a subset of its info calls subsumes, which is exact only if the twin, which has no cache, agrees.
   */
  @ParameterizedTest
  @EnumSource(value = Kind.class, names = {"CAS_REGISTER", "ETCD_REGISTER", "KV", "KV_APPEND"})
  void fastCheckerAgreesWithBruteForceWhenHalfTheCallsAreInfo(Kind kind) {
    Model<?> model = Models.named(modelName(kind), ModelOptions.defaults());
    BruteForceChecker<?> twin = new BruteForceChecker<>(model);
    Checker checker = new Checker(CheckerOptions.defaults().withParallelism(1));
    int valid = 0;
    for (int i = 0; i < HISTORIES; i++) {
      long seed = 77_000_000L + kind.ordinal() * 1_000_003L + i;
      History history = RandomHistories.generate(kind, seed, MAX_CALLS + 2, 2);
      String problem = disagreement(checker, model, twin, history);
      if (problem != null) {
        History minimal = HistoryShrinker.shrink(history, h -> disagreement(checker, model, twin, h) != null);
        fail(kind + " seed " + seed + " (half info): " + problem + "\nminimal history ("
            + disagreement(checker, model, twin, minimal) + "):\n" + jsonl(minimal, model.name()));
      }
      valid += twin.isLinearizable(history) ? 1 : 0;
    }
    int validCount = valid;
    assertTrue(valid > HISTORIES / 10 && valid < HISTORIES * 19 / 20,
        () -> kind + ": the generator should give both verdicts often, gave " + validCount + " valid of " + HISTORIES);
  }

  /** Why the fast checker and the twin disagree on {@code history}, or null when they agree. */
  private static String disagreement(Checker checker, Model<?> model, BruteForceChecker<?> twin, History history) {
    CheckResult result = checker.check(model, history);
    boolean expected = twin.isLinearizable(history);
    if (result.verdict() == Verdict.UNKNOWN || (result.verdict() == Verdict.VALID) != expected) {
      return "fast " + result.verdict() + ", brute force " + (expected ? "VALID" : "INVALID");
    }
    if (result instanceof CheckResult.Invalid invalid) {
      int reported = invalid.counterexample().failingCall().completePosition();
      int first = twin.firstBadCompletion(history);
      if (reported != first) {
        return "failing call completes at position " + reported + ", but the first non-linearizable prefix ends at " + first;
      }
    }
    return null;
  }

  private static String jsonl(History history, String model) {
    try {
      StringWriter out = new StringWriter();
      JsonlHistoryWriter.write(history, JsonlHeader.forModel(model), out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
