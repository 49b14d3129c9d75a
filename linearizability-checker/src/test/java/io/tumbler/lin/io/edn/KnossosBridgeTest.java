package io.tumbler.lin.io.edn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import clojure.java.api.Clojure;
import clojure.lang.IFn;
import clojure.lang.IPersistentMap;
import clojure.lang.IPersistentSet;
import clojure.lang.Keyword;
import io.tumbler.lin.testing.Corpus;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code tumbler.knossos} namespace, called from Java through Clojure interop exactly as a Jepsen test
 * would call it: require the namespace, read a history with {@code clojure.edn}, call {@code analysis}.
 */
class KnossosBridgeTest {
  private static IFn analysis;

  @BeforeAll
  static void requireNamespace() {
    Clojure.var("clojure.core", "require").invoke(Clojure.read("tumbler.knossos"));
    analysis = Clojure.var("tumbler.knossos", "analysis");
  }

  private static Object history(String corpusFile) throws Exception {
    return ClojureRuntime.ednReadString().invoke(Files.readString(Corpus.require().resolve(corpusFile)));
  }

  private static Object get(Object map, String key) {
    return ((IPersistentMap) map).valAt(Keyword.intern(key));
  }

  @Test
  void invalidHistoryGetsKnossosShapedAnalysis() throws Exception {
    Object result = analysis.invoke(Keyword.intern("cas-register"), history("knossos/cas-register/bad/bad-analysis.edn"));
    assertEquals(false, get(result, "valid?"));
    Object op = get(result, "op");
    assertEquals(21L, get(op, "process"));
    assertEquals(Keyword.intern("ok"), get(op, "type"));
    assertEquals(Keyword.intern("read"), get(op, "f"));
    assertEquals(2L, get(op, "value"));
    assertEquals(14L, get(op, "index"));
    assertEquals(11L, get(get(result, "previous-ok"), "index"));
    IPersistentSet paths = (IPersistentSet) get(result, "final-paths");
    assertFalse(paths.count() == 0, "final paths");
    Object firstStep = ((clojure.lang.Indexed) paths.seq().first()).nth(0);
    assertNotNull(get(get(firstStep, "model"), "value"), "a register's :model is {:value v}");
  }

  @Test
  void validHistoryIsValid() throws Exception {
    Object result = analysis.invoke("cas-register", history("knossos/cas-register/good/memstress3-12.edn"));
    assertEquals(true, get(result, "valid?"));
  }

  @Test
  void nilInitialValueIsAnOption() throws Exception {
    Object opts = Clojure.read("{:init nil}");
    Object result = analysis.invoke("cas-register", history("knossos/cas-register/bad/rethink-fail-minimal.edn"), opts);
    assertEquals(false, get(result, "valid?"));
    assertEquals(4L, get(get(result, "op"), "index"));
  }

  @Test
  void anUnknownOperationIsUnknownNeverValid() {
    Object history = Clojure.read("[{:process 0, :type :invoke, :f :frobnicate, :value 1}"
        + " {:process 0, :type :ok, :f :frobnicate, :value 1}]");
    Object result = analysis.invoke("cas-register", history);
    assertEquals(Keyword.intern("unknown"), get(result, "valid?"));
    assertEquals(Keyword.intern("model-error"), get(result, "cause"));
  }

  @Test
  void aZeroTimeLimitIsATimeout() throws Exception {
    Object result = analysis.invoke("cas-register", history("knossos/cas-register/good/memstress3-55.edn"),
        Clojure.read("{:time-limit-ms 0}"));
    assertEquals(Keyword.intern("unknown"), get(result, "valid?"));
    assertEquals(Keyword.intern("timeout"), get(result, "cause"));
  }

}
