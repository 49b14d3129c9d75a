package io.tumbler.lin.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.Verdict;
import io.tumbler.lin.bench.SingleKeyHistories;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.lin.testing.RandomHistories;
import io.tumbler.lin.testing.RandomHistories.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The compact cache keys ({@link LinearizedKey#compact}) against their naive twin, full-bitset keys, on
 * histories long enough (hundreds of calls, indeterminate ones among them) that the window moves past
 * many words and the indeterminate tail is non-empty. A key is a one-to-one encoding of the linearized set
 * in both layouts, so the two searches must explore exactly the same configurations, in the same order:
 * equal verdicts, equal configuration counts, equal failing calls and longest prefixes. A compact key that
 * merged two different sets would explore fewer configurations (and could pass an invalid history); one
 * that split a set would explore more.
 */
class CompactKeyDifferentialTest {
  private static final int HISTORIES = 150;

  @Test
  void singleKeyRegisterHistoriesExploreTheSameConfigurations() {
    Model<?> model = Models.named("etcd-cas-register", ModelOptions.defaults());
    int invalid = 0;
    for (int i = 0; i < HISTORIES; i++) {
      SplittableRandom draw = new SplittableRandom(7_000 + i);
      History history = SingleKeyHistories.generate(100 + draw.nextInt(500), 2 + draw.nextInt(10), 7_000 + i);
      if (i % 3 == 0) {
        history = SingleKeyHistories.corruptRead(history);
      } else if (i % 3 == 1) {
        history = misreadOne(history, draw);
      }
      invalid += compareOn(model, history, "single-key seed " + (7_000 + i)) == Verdict.INVALID ? 1 : 0;
    }
    int invalidCount = invalid;
    assertTrue(invalid > HISTORIES / 3, () -> "the corrupted histories should be invalid, " + invalidCount + " were");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void randomHistoriesExploreTheSameConfigurations(Kind kind) {
    Model<?> model = Models.named(modelName(kind), ModelOptions.defaults());
    int longOnes = 0;
    for (int i = 0; i < HISTORIES; i++) {
      long seed = 31L * kind.ordinal() + 1_000_000L * i;
      History history = RandomHistories.generate(kind, seed, 400);
      longOnes += history.invocationCount() > 128 ? 1 : 0;
      compareOn(model, history, kind + " seed " + seed);
    }
    assertTrue(longOnes > HISTORIES / 2, "most histories should span several bitset words, got " + longOnes);
  }

  /**
   * {@code history} with one ok read, late in it, reading another value the register does hold at times:
   * often invalid only after a long exhaustive search, which is where a wrong key would merge
   * configurations.
   */
  private static History misreadOne(History history, SplittableRandom draw) {
    List<Operation> operations = new ArrayList<>(history.operations());
    for (int tries = 0; tries < operations.size(); tries++) {
      int i = operations.size() / 2 + draw.nextInt(operations.size() / 2);
      Operation read = operations.get(i);
      if (read.type() == OpType.OK && read.f().equals("read")) {
        Object other = read.value() == null ? (Object) 1L : (Object) (((Long) read.value() + 1) % 5);
        operations.set(i, new Operation(read.index(), read.process(), read.type(), read.f(), other, true,
            read.timeNanos(), read.extra()));
        return History.of(operations);
      }
    }
    return history;
  }

  private static Verdict compareOn(Model<?> model, History history, String name) {
    Verdict combined = Verdict.VALID;
    for (SubHistory part : Partitioner.split(model, history)) {
      PartitionOutcome compact = WglSearch.check(model, part, limits(), 4, true, true);
      PartitionOutcome full = WglSearch.check(model, part, limits(), 4, false, true);
      String where = name + " " + part.label();
      assertEquals(full.verdict(), compact.verdict(), where + ": verdict");
      assertEquals(full.configurations(), compact.configurations(), where + ": configurations explored");
      assertEquals(full.failingCall(), compact.failingCall(), where + ": failing call");
      assertEquals(full.bestPrefixes(), compact.bestPrefixes(), where + ": longest prefixes");
      combined = combined.and(compact.verdict());
    }
    return combined;
  }

  private static SearchLimits limits() {
    return new SearchLimits(Long.MAX_VALUE, 2_000_000, 1L << 30);
  }

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
}
