package io.tumbler.lin.model;

import static io.tumbler.lin.testing.HistoryScript.object;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.Verdict;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.model.paths.PathsModel;
import io.tumbler.lin.testing.HistoryScript;
import org.junit.jupiter.api.Test;

/** The path store and the kv map: per-key partitions, refusals that constrain, nil as absent. */
class PathsAndKvModelTest {
  private static final Checker CHECKER = Checker.withDefaults();

  @Test
  void pathStoreOperationsAndRefusals() {
    HistoryScript script = new HistoryScript()
        .invoke(1, "get", object("path", "/a")).ok(1, object("path", "/a", "value", null))
        .call(1, "put-if-absent", object("path", "/a", "value", "x"))
        .invoke(2, "put-if-absent", object("path", "/a", "value", "y")).fail(2, "exists")
        .invoke(2, "cas", object("path", "/a", "expected", "y", "value", "z")).fail(2, "mismatch")
        .call(2, "cas", object("path", "/a", "expected", "x", "value", "z"))
        .call(3, "put", object("path", "/b/c", "value", 1L))
        .invoke(1, "get", object("path", "/a")).ok(1, object("path", "/a", "value", "z"))
        .call(1, "delete", object("path", "/a"))
        .invoke(1, "get", object("path", "/a")).fail(1, "not-found");
    CheckResult result = CHECKER.check(new PathsModel(), script.build());
    assertEquals(Verdict.VALID, result.verdict());
    assertEquals(2, result.stats().partitions(), "one sub-history per path");
  }

  @Test
  void anUnjustifiedMismatchIsInvalid() {
    HistoryScript script = new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .invoke(2, "cas", object("path", "/a", "expected", "x", "value", "z")).fail(2, "mismatch");
    assertEquals(Verdict.INVALID, CHECKER.check(new PathsModel(), script.build()).verdict());
  }

  @Test
  void aStaleReadOfAPathIsInvalid() {
    HistoryScript script = new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .call(1, "put", object("path", "/a", "value", "y"))
        .invoke(2, "get", object("path", "/a")).ok(2, object("path", "/a", "value", "x"));
    assertEquals(Verdict.INVALID, CHECKER.check(new PathsModel(), script.build()).verdict());
  }

  @Test
  void kvReadsNilAsAbsentAndCountsMismatchesAsReads() {
    HistoryScript valid = new HistoryScript()
        .invoke(1, "read", ImmutableValues.vector("k", null)).ok(1, ImmutableValues.vector("k", null))
        .invoke(2, "cas", ImmutableValues.vector("k", ImmutableValues.vector(1L, 2L))).fail(2, "mismatch")
        .call(1, "write", ImmutableValues.vector("k", 1L))
        .invoke(2, "cas", ImmutableValues.vector("k", ImmutableValues.vector(1L, 2L))).fail(2, "not-leader")
        .invoke(1, "read", ImmutableValues.vector("k", null)).ok(1, ImmutableValues.vector("k", 1L));
    assertEquals(Verdict.VALID, CHECKER.check(new KvModel(), valid.build()).verdict());
    HistoryScript invalid = new HistoryScript()
        .call(1, "write", ImmutableValues.vector("k", 1L))
        .invoke(2, "cas", ImmutableValues.vector("k", ImmutableValues.vector(1L, 2L))).fail(2, "mismatch");
    assertEquals(Verdict.INVALID, CHECKER.check(new KvModel(), invalid.build()).verdict());
  }

  @Test
  void multiRegisterTransactionsSharingAKeyAreCheckedTogether() {
    HistoryScript script = new HistoryScript()
        .call(1, "txn", ImmutableValues.vector(ImmutableValues.vector("write", "x", 1L), ImmutableValues.vector("write", "y", 1L)))
        .call(2, "txn", ImmutableValues.vector(ImmutableValues.vector("write", "z", 5L)))
        .invoke(3, "txn", ImmutableValues.vector(ImmutableValues.vector("read", "x", null), ImmutableValues.vector("read", "y", null)))
        .ok(3, ImmutableValues.vector(ImmutableValues.vector("read", "x", 1L), ImmutableValues.vector("read", "y", 0L)));
    CheckResult result = CHECKER.check(Models.named("multi-register", ModelOptions.defaults()), script.build());
    assertEquals(Verdict.INVALID, result.verdict(), "x=1,y=0 was never the state: the write was atomic");
    assertEquals(2, result.stats().partitions(), "{x, y} and {z}");
  }
}
