package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.io.LoadedHistory;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.lin.testing.Corpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every history of the third-party corpus, checked with the model verdicts.csv names (read with format
 * auto-detection, as {@code tumbler check} reads it): the verdict must equal the published one, never
 * UNKNOWN, and the reader must count the same client invocations as the corpus index. The one departure:
 * a file with no client call is {@link UnknownCause#NOTHING_CHECKED}, not Knossos's vacuous VALID.
 */
class CorpusConformanceTest {
  private static final Checker CHECKER = Checker.withDefaults();

  @TestFactory
  List<DynamicTest> everyCorpusHistoryGetsItsPublishedVerdict() {
    Path corpus = Corpus.require();
    List<DynamicTest> tests = new ArrayList<>();
    for (Corpus.Verdict row : Corpus.verdicts()) {
      tests.add(DynamicTest.dynamicTest(row.file(), () -> {
        LoadedHistory loaded = HistoryFiles.read(corpus.resolve(row.file()), HistoryFormat.AUTO);
        assertEquals(row.ops(), loaded.history().invocationCount(), "client invocations read");
        CheckResult result = CHECKER.check(Models.named(row.model(), ModelOptions.defaults()), loaded.history());
        if (row.ops() == 0) {
          // Knossos calls a history without client calls vacuously linearizable (MANIFEST: the nemesis-only
          // mongodb-v0-ack-rollback-.edn); Tumbler never passes a check that checked nothing.
          assertEquals(UnknownCause.NOTHING_CHECKED, ((CheckResult.Unknown) result).cause(), () -> "got " + result);
          return;
        }
        assertNotEquals(Verdict.UNKNOWN, result.verdict(), () -> "undecided: " + result);
        assertEquals(row.linearizable() ? Verdict.VALID : Verdict.INVALID, result.verdict());
      }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> theModelTheFileImpliesIsTheCorpusModel() {
    Path corpus = Corpus.require();
    List<DynamicTest> tests = new ArrayList<>();
    for (Corpus.Verdict row : Corpus.verdicts()) {
      tests.add(DynamicTest.dynamicTest(row.file(), () ->
          assertEquals(row.model(), HistoryFiles.read(corpus.resolve(row.file()), HistoryFormat.AUTO).model())));
    }
    return tests;
  }
}
