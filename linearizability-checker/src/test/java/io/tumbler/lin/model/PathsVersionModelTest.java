package io.tumbler.lin.model;

import static io.tumbler.lin.testing.HistoryScript.object;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.Verdict;
import io.tumbler.lin.model.paths.PathsModel;
import io.tumbler.lin.model.paths.StoredValue;
import io.tumbler.lin.testing.HistoryScript;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The path store's per-key versions in the {@code paths} model: version-conditioned cas (restarting after a
 * delete), mod-revision cas checked through the value seen at that revision, and versions reported by reads
 * and writes. Each illegal history sits next to the legal one it differs from in one call.
 */
class PathsVersionModelTest {
  private static final Checker CHECKER = Checker.withDefaults();
  private static final PathsModel MODEL = new PathsModel();

  private static Verdict verdict(HistoryScript script) {
    return CHECKER.check(MODEL, script.build()).verdict();
  }

  private static Map<Object, Object> casVersion(long expected, String value) {
    return object("path", "/a", "compare", "version", "expected-version", expected, "value", value);
  }

  private static Map<Object, Object> casRevision(long revision, String expected, String value) {
    return object("path", "/a", "compare", "mod-revision", "expected-mod-revision", revision, "expected", expected,
        "value", value);
  }

  private static Map<Object, Object> read(String value, long version) {
    return object("path", "/a", "value", value, "version", version);
  }

  /** x (v1), y (v2), then a version cas expecting {@code expected} to make z, then z is read at version 3. */
  private static HistoryScript twoPutsThenCasVersion(long expected, boolean casOk) {
    HistoryScript script = new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .call(2, "put", object("path", "/a", "value", "y"))
        .invoke(3, "cas", casVersion(expected, "z"));
    return casOk ? script.ok(3, casVersion(expected, "z")) : script.fail(3, "mismatch");
  }

  @Test
  void aVersionCasSucceedsExactlyWhenTheVersionMatches() {
    assertEquals(Verdict.VALID, verdict(twoPutsThenCasVersion(2, true)));
    assertEquals(Verdict.VALID, verdict(twoPutsThenCasVersion(1, false)));
    assertEquals(Verdict.VALID, verdict(twoPutsThenCasVersion(3, false)));
    assertEquals(Verdict.INVALID, verdict(twoPutsThenCasVersion(2, false)), "refused although version 2 held");
    assertEquals(Verdict.INVALID, verdict(twoPutsThenCasVersion(1, true)), "swapped on a stale version");
    assertEquals(Verdict.INVALID, verdict(twoPutsThenCasVersion(3, true)), "swapped on a future version");
  }

  /** put x, put y (v2), delete, put-if-absent w, then a version cas expecting {@code expected}. */
  private static HistoryScript recreatedThenCasVersion(long expected) {
    return new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .call(1, "put", object("path", "/a", "value", "y"))
        .call(2, "delete", object("path", "/a"))
        .invoke(2, "get", object("path", "/a")).ok(2, read(null, 0))
        .call(3, "put-if-absent", object("path", "/a", "value", "w"))
        .call(3, "cas", casVersion(expected, "z"));
  }

  @Test
  void aDeleteRestartsTheVersion() {
    assertEquals(Verdict.VALID, verdict(recreatedThenCasVersion(1)));
    assertEquals(Verdict.INVALID, verdict(recreatedThenCasVersion(3)), "version 3 would mean the delete kept the count");
  }

  @Test
  void versionZeroMeansAbsent() {
    assertEquals(Verdict.VALID, verdict(new HistoryScript().call(1, "cas", casVersion(0, "x"))));
    assertEquals(Verdict.INVALID, verdict(new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .call(2, "cas", casVersion(0, "y"))));
  }

  /** x then y are written; a mod-revision cas expecting y (at revision 2) to become z, ok or refused. */
  private static HistoryScript casRevisionAfter(String expected, boolean casOk) {
    HistoryScript script = new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .call(2, "put", object("path", "/a", "value", "y"))
        .invoke(3, "cas", casRevision(expected.equals("x") ? 1 : 2, expected, "z"));
    return casOk ? script.ok(3, casRevision(2, expected, "z")) : script.fail(3, "mismatch");
  }

  @Test
  void aModRevisionCasIsCheckedThroughTheValueSeenAtThatRevision() {
    assertEquals(Verdict.VALID, verdict(casRevisionAfter("y", true)));
    assertEquals(Verdict.VALID, verdict(casRevisionAfter("x", false)));
    assertEquals(Verdict.INVALID, verdict(casRevisionAfter("x", true)), "the path was rewritten since revision 1");
    assertEquals(Verdict.INVALID, verdict(casRevisionAfter("y", false)), "y was still the last write");
  }

  @Test
  void aReadOrWriteReportingTheWrongVersionIsInvalid() {
    HistoryScript prefix = new HistoryScript()
        .invoke(1, "put", object("path", "/a", "value", "x")).ok(1, object("path", "/a", "value", "x", "version", 1L))
        .invoke(2, "cas", object("path", "/a", "expected", "x", "value", "y"))
        .ok(2, object("path", "/a", "expected", "x", "value", "y", "version", 2L));
    assertEquals(Verdict.VALID, verdict(prefix.invoke(3, "get", object("path", "/a")).ok(3, read("y", 2))));
    assertEquals(Verdict.INVALID, verdict(new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .invoke(2, "get", object("path", "/a")).ok(2, read("x", 2))), "right value, wrong version");
    assertEquals(Verdict.INVALID, verdict(new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .invoke(2, "put", object("path", "/a", "value", "y")).ok(2, object("path", "/a", "value", "y", "version", 1L))),
        "a put over a present path cannot be version 1");
  }

  /** put x (v1); a version cas x -> y is indeterminate; then a read of {@code value} at {@code version}. */
  private static HistoryScript indeterminateCasThenRead(String value, long version) {
    return new HistoryScript()
        .call(1, "put", object("path", "/a", "value", "x"))
        .invoke(2, "cas", casVersion(1, "y")).info(2)
        .invoke(3, "get", object("path", "/a")).ok(3, read(value, version));
  }

  @Test
  void anIndeterminateVersionCasMayOrMayNotHaveHappened() {
    assertEquals(Verdict.VALID, verdict(indeterminateCasThenRead("y", 2)), "it took effect");
    assertEquals(Verdict.VALID, verdict(indeterminateCasThenRead("x", 1)), "it did not");
    assertEquals(Verdict.INVALID, verdict(indeterminateCasThenRead("y", 3)), "one write cannot count twice");
    assertEquals(Verdict.INVALID, verdict(indeterminateCasThenRead("x", 2)));
  }

  @Test
  void aCounterexampleShowsValueAndVersion() {
    CheckResult result = CHECKER.check(MODEL, twoPutsThenCasVersion(2, false).build());
    assertEquals(Verdict.INVALID, result.verdict());
    assertEquals("{/a=y (version 2)}", MODEL.describeState(
        io.tumbler.lin.model.KeyedState.allDefault(null).with("/a", new StoredValue("y", 2))));
    assertTrue(result.toString().contains("version 2"), result::toString);
  }
}
