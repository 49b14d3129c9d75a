package io.tumbler.lin.io.edn;

import clojure.lang.IPersistentMap;
import clojure.lang.PersistentArrayMap;
import clojure.lang.PersistentHashSet;
import clojure.lang.PersistentVector;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.UnknownCause;
import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.counterexample.FinalPath;
import io.tumbler.lin.counterexample.PathStep;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Java side of the {@code tumbler.knossos} Clojure namespace: checks a Clojure history (a sequence of
 * Jepsen op maps) and answers with a Knossos-shaped result map, so that a Jepsen test written in Clojure
 * can call this checker where it would call {@code knossos.wgl/analysis}.
 *
 * <p>Result keys: {@code :valid?} ({@code true}, {@code false} or {@code :unknown}), {@code :analyzer
 * :tumbler-wgl}, {@code :configs-explored}; when invalid {@code :op} (the completion that cannot be
 * linearized), {@code :previous-ok}, {@code :final-paths} (a set of vectors of {@code {:op .. :model
 * ..}}), {@code :partition}; when unknown {@code :cause} ({@code :timeout}, {@code :configuration-limit},
 * {@code :memory-limit}, {@code :model-error}, {@code :checker-error}) and {@code :error}.
 */
public final class KnossosBridge {
  private KnossosBridge() {}

  /**
   * Checks {@code history} against the model named {@code modelName}.
   *
   * @param modelName a {@link Models} name ({@code "cas-register"})
   * @param history   a Clojure sequence of op maps
   * @param options   a Clojure map, possibly empty: {@code :init} (the initial register value; nil allowed),
   *                  {@code :time-limit-ms}
   */
  public static Object analysis(String modelName, Object history, Object options) {
    IPersistentMap opts = options instanceof IPersistentMap map ? map : PersistentArrayMap.EMPTY;
    clojure.lang.Keyword init = clojure.lang.Keyword.intern("init");
    ModelOptions modelOptions = opts.containsKey(init)
        ? ModelOptions.withInitialValue(EdnValues.fromClojure(opts.valAt(init))) : ModelOptions.defaults();
    Model<?> model = Models.named(modelName, modelOptions);
    Object limit = opts.valAt(clojure.lang.Keyword.intern("time-limit-ms"));
    CheckerOptions checkerOptions = CheckerOptions.defaults();
    if (limit instanceof Long millis) {
      checkerOptions = checkerOptions.withTimeLimit(Duration.ofMillis(millis));
    }
    CheckResult result = new Checker(checkerOptions).check(model, toHistory(history));
    return toResultMap(model, result);
  }

  private static History toHistory(Object history) {
    History.Builder builder = History.builder("<clojure history>", false);
    long position = 0;
    for (clojure.lang.ISeq seq = clojure.lang.RT.seq(history); seq != null; seq = seq.next()) {
      builder.add(EdnOperations.fromOpMap(seq.first(), position++, "<clojure history>", 0), 0);
    }
    return builder.build();
  }

  private static Object toResultMap(Model<?> model, CheckResult result) {
    List<Object> kv = new ArrayList<>();
    put(kv, "analyzer", Keyword.of("tumbler-wgl"));
    put(kv, "configs-explored", result.stats().configurations());
    if (result instanceof CheckResult.Valid) {
      put(kv, "valid?", true);
    } else if (result instanceof CheckResult.Unknown unknown) {
      put(kv, "valid?", Keyword.of("unknown"));
      put(kv, "cause", Keyword.of(causeName(unknown.cause())));
      put(kv, "error", unknown.detail());
    } else {
      Counterexample counterexample = ((CheckResult.Invalid) result).counterexample();
      put(kv, "valid?", false);
      kv.add(clojure.lang.Keyword.intern("op"));
      kv.add(EdnOperations.toOpMap(counterexample.op(), true));
      kv.add(clojure.lang.Keyword.intern("previous-ok"));
      kv.add(counterexample.previousOk() == null ? null : EdnOperations.toOpMap(counterexample.previousOk(), true));
      kv.add(clojure.lang.Keyword.intern("final-paths"));
      kv.add(finalPaths(model, counterexample));
      put(kv, "partition", counterexample.partition());
    }
    return new PersistentArrayMap(kv.toArray());
  }

  private static void put(List<Object> kv, String key, Object value) {
    kv.add(clojure.lang.Keyword.intern(key));
    kv.add(EdnValues.toClojure(value));
  }

  @SuppressWarnings("unchecked")
  private static <S> Object finalPaths(Model<S> model, Counterexample counterexample) {
    List<Object> paths = new ArrayList<>();
    for (FinalPath path : counterexample.finalPaths()) {
      List<Object> steps = new ArrayList<>();
      for (PathStep step : path.steps()) {
        Object model_ = step.legal() ? EdnValues.toClojure(model.stateAsData((S) step.state()))
            : PersistentArrayMap.EMPTY.assoc(clojure.lang.Keyword.intern("inconsistent"), step.description());
        Operation op = step.call() == null ? null
            : step.call().completion() != null ? step.call().completion() : step.call().invocation();
        steps.add(new PersistentArrayMap(new Object[] {
            clojure.lang.Keyword.intern("op"), op == null ? null : EdnOperations.toOpMap(op, true),
            clojure.lang.Keyword.intern("model"), model_}));
      }
      paths.add(PersistentVector.create(steps));
    }
    return PersistentHashSet.create(paths);
  }

  private static String causeName(UnknownCause cause) {
    switch (cause) {
      case TIME_LIMIT:
        return "timeout";
      case CONFIGURATION_LIMIT:
        return "configuration-limit";
      case MEMORY_LIMIT:
        return "memory-limit";
      case MODEL_ERROR:
        return "model-error";
      case NOTHING_CHECKED:
        return "nothing-checked";
      default:
        return "checker-error";
    }
  }
}
