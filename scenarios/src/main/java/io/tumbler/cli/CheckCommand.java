package io.tumbler.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.UnknownCause;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.Verdict;
import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.io.LoadedHistory;
import io.tumbler.lin.io.jsonl.JsonValues;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tumbler check}: decides whether histories are linearizable, in any supported format, with any
 * model. One result per file (a line, or a JSON object), then a summary. A file that cannot be read is
 * reported and the others are still checked; the exit code then says bad input.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, sortOptions = false, description = {
    "Checks histories for linearizability.",
    "Checks that each history FILE is linearizable (Lowe's memoized Wing-Gong",
    "search; independent keys are checked in parallel).",
    "Formats: jsonl (Tumbler's history.jsonl), edn (Jepsen/Knossos),",
    "porcupine-etcd, porcupine-kv; auto-detected by extension and first line.",
    "",
    "The model comes from --model, else from the file: porcupine-etcd implies",
    "etcd-cas-register, porcupine-kv implies kv-get-put-append, a history.jsonl",
    "header names its model, and otherwise the nearest enclosing directory",
    "named after a model decides (e.g. .../cas-register/good/x.edn).",
    "",
    "Models: register, cas-register, etcd-cas-register, multi-register, kv,",
    "kv-get-put-append, set, mutex, vm, paths",
    "(semantics: linearizability-checker/README.md).",
    "",
    "Exit: 0 every history valid, 1 some invalid, 2 some unknown (time or",
    "memory budget, the JVM out of memory reading or checking a file, model",
    "error), 3 bad usage or input (an unreadable or malformed file, a file",
    "with no operation to check, no model). A budget or the heap running out",
    "prints one line on stderr saying what to raise (e.g. JAVA_OPTS=-Xmx4g).",
    ""})
final class CheckCommand implements Callable<Integer> {
  private static final String VERDICT_ONLY_NOTE = "--verdict-only: stopped at the first invalid partition and built no"
      + " counterexample (this call may be earlier than the true failing one); rerun without it for one";

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "History files.")
  List<Path> files;

  @Option(names = "--model", paramLabel = "M", description = "Model for every file (see Models above).")
  String model;

  @Option(names = "--format", defaultValue = "auto", paramLabel = "F",
      description = "auto, jsonl, edn, porcupine-etcd or porcupine-kv. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--time-limit", defaultValue = "60", paramLabel = "S",
      description = "Seconds per file before its verdict is UNKNOWN. Default: ${DEFAULT-VALUE}.")
  double timeLimitSeconds;

  @Option(names = "--init", paramLabel = "V",
      description = "Initial value for register, cas-register (Knossos tests: 0, the default) and multi-register: an integer, a string, or nil.")
  String init;

  @Option(names = "--max-configurations", paramLabel = "N",
      description = "Bound on cached search configurations per file; beyond it the verdict is UNKNOWN.")
  Long maxConfigurations;

  @Option(names = "--memory-budget", paramLabel = "MIB",
      description = "Heap in MiB the search's caches may hold per file; beyond it the verdict is UNKNOWN. Default: 40%% of the maximum heap.")
  Long memoryBudgetMib;

  @Option(names = "--verdict-only", description = {
      "Decide the verdict and nothing more: stop at the first invalid partition and",
      "build no counterexample (the failing call shown may be earlier than the true one)."})
  boolean verdictOnly;

  @Option(names = "--json", description = "One JSON object per file (file, model, verdict, ops, partitions, millis (the search), readMillis, configurationsExplored), then a summary.")
  boolean json;

  /** Verdict counts, for the summary and the exit code. */
  private int valid;
  private int invalid;
  private int unknown;
  private int errors;
  /** What the file being checked is going through ("reading", "checking"), for a resource that runs out. */
  private String stage = "";
  /** How long reading the file being checked took (for --json: a cold check's cost is reading plus search). */
  private double readMillis;
  /** The checker's warm-up the process started while it set up and reads the first file, or null. */
  private final SearchWarmUp warmUp;

  CheckCommand() {
    this(null);
  }

  CheckCommand(SearchWarmUp warmUp) {
    this.warmUp = warmUp;
  }

  @Override
  public Integer call() {
    HistoryFormat historyFormat = parseFormat();
    if (model != null && !Models.exists(model)) {
      throw new BadInputException("unknown model '" + model + "'; expected one of " + String.join(", ", Models.names()));
    }
    Checker checker = new Checker(checkerOptions());
    for (Path file : files) {
      ResourceExhaustion exhausted;
      try {
        checkOne(file, historyFormat, checker);
        continue;
      } catch (OutOfMemoryError | StackOverflowError e) {
        // Caught here, after checkOne's frames (the history, the search) are gone: there is room to report.
        exhausted = ResourceExhaustion.of(e);
      }
      reportExhausted(file, exhausted);
    }
    int exit = errors > 0 ? ExitCode.BAD_INPUT : invalid > 0 ? ExitCode.VIOLATION : unknown > 0 ? ExitCode.LIVENESS : ExitCode.PASS;
    printSummary(exit);
    return exit;
  }

  private HistoryFormat parseFormat() {
    HistoryFormat parsed = HistoryFormat.fromCliName(format);
    if (parsed == null) {
      throw new BadInputException("unknown format '" + format + "'; expected auto, jsonl, edn, porcupine-etcd or porcupine-kv");
    }
    return parsed;
  }

  private CheckerOptions checkerOptions() {
    if (!(timeLimitSeconds >= 0)) {
      throw new BadInputException("--time-limit must be a number of seconds, at least 0");
    }
    CheckerOptions options = CheckerOptions.defaults().withTimeLimit(Duration.ofNanos((long) (timeLimitSeconds * 1e9)))
        .withVerdictOnly(verdictOnly);
    if (maxConfigurations != null) {
      if (maxConfigurations < 1) {
        throw new BadInputException("--max-configurations must be at least 1");
      }
      options = options.withMaxConfigurations(maxConfigurations);
    }
    if (memoryBudgetMib != null) {
      if (memoryBudgetMib < 1) {
        throw new BadInputException("--memory-budget must be at least 1 (MiB)");
      }
      options = options.withMemoryBudgetBytes(memoryBudgetMib << 20);
    }
    return options;
  }

  private void checkOne(Path file, HistoryFormat historyFormat, Checker checker) {
    stage = "reading";
    long readStarted = System.nanoTime();
    LoadedHistory loaded = load(file, historyFormat);
    readMillis = (System.nanoTime() - readStarted) / 1e6;
    if (warmUp != null) {
      warmUp.stop(); // the real search is about to start: the warm-up ends with the check it has under way
    }
    if (loaded == null) {
      return;
    }
    String modelName = model != null ? model : loaded.model();
    if (modelName == null) {
      reportError(file, file + ": cannot tell which model to check it with; pass --model (one of "
          + String.join(", ", Models.names()) + ")");
      return;
    }
    Model<?> chosen = Models.named(modelName, modelOptions(loaded));
    stage = "checking";
    CheckResult result = checker.check(chosen, loaded.history());
    stage = "reporting on";
    if (result instanceof CheckResult.Unknown nothing && nothing.cause() == UnknownCause.NOTHING_CHECKED) {
      // Not a verdict but bad input: a file that holds no operation is not the history the user meant.
      reportError(file, file + ": expected at least one client operation (" + loaded.format().cliName() + ": "
          + loaded.format().expectedEvent() + "), found none; nothing to check");
      return;
    }
    count(result.verdict());
    if (json) {
      printJson(file, loaded, modelName, result);
    } else {
      printHuman(file, loaded, modelName, result);
    }
    if (result instanceof CheckResult.Unknown unknownResult) {
      printWhatToRaise(file, unknownResult, checker.options());
    }
  }

  /** The JVM ran out of something while {@link #stage} the file: its verdict is UNKNOWN, with one line on stderr. */
  private void reportExhausted(Path file, ResourceExhaustion exhausted) {
    unknown++;
    String detail = exhausted.what() + " while " + stage + " the file";
    if (json) {
      ObjectNode o = jsonObject();
      o.put("file", file.toString());
      o.put("verdict", "UNKNOWN");
      o.put("cause", "resource_exhausted");
      o.put("detail", detail);
      out().println(JsonLine.of(o));
    } else {
      out().printf("%s: UNKNOWN  (%s)%n", file, detail);
    }
    out().flush();
    spec.commandLine().getErr().println("tumbler check: " + file + ": " + detail + "; " + exhausted.raise()
        + " (verdict UNKNOWN)");
    spec.commandLine().getErr().flush();
  }

  /** For a budget that ran out, one line on stderr saying which to raise; nothing for other unknowns. */
  private void printWhatToRaise(Path file, CheckResult.Unknown result, CheckerOptions options) {
    String raise;
    switch (result.cause()) {
      case TIME_LIMIT:
        raise = "the time limit ran out; raise --time-limit (now " + timeLimitSeconds + " s)";
        break;
      case CONFIGURATION_LIMIT:
        raise = "the configuration bound ran out; raise --max-configurations (now " + options.maxConfigurations() + ")";
        break;
      case MEMORY_LIMIT:
        String heap = "JAVA_OPTS=-Xmx" + ResourceExhaustion.suggestedHeap(Runtime.getRuntime().maxMemory());
        raise = "the search's memory budget (" + (options.memoryBudgetBytes() >> 20) + " MiB) ran out; raise "
            + (memoryBudgetMib != null ? "--memory-budget" : "the heap (the budget is 40% of it), e.g. " + heap);
        break;
      default:
        return;
    }
    spec.commandLine().getErr().println("tumbler check: " + file + ": " + raise + " (verdict UNKNOWN)");
    spec.commandLine().getErr().flush();
  }

  /** The history in {@code file}, or null when it cannot be read or is not a history (reported). */
  private LoadedHistory load(Path file, HistoryFormat historyFormat) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
      return HistoryFiles.read(file, historyFormat);
    } catch (MalformedHistoryException e) {
      reportError(file, e.getMessage());
    } catch (java.nio.charset.CharacterCodingException e) {
      reportError(file, file + ": expected a UTF-8 text file, found bytes that are not UTF-8");
    } catch (IOException e) {
      reportError(file, "cannot read " + file + ": " + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
    }
    return null;
  }

  private ModelOptions modelOptions(LoadedHistory loaded) {
    if (init == null) {
      return loaded.modelOptions();
    }
    if (init.equals("nil") || init.equals("null")) {
      return ModelOptions.withInitialValue(null);
    }
    try {
      return ModelOptions.withInitialValue(Long.parseLong(init));
    } catch (NumberFormatException e) {
      return ModelOptions.withInitialValue(JsonValues.decodeString(init));
    }
  }

  private void count(Verdict verdict) {
    switch (verdict) {
      case VALID:
        valid++;
        break;
      case INVALID:
        invalid++;
        break;
      default:
        unknown++;
    }
  }

  private void reportError(Path file, String message) {
    errors++;
    if (json) {
      ObjectNode o = jsonObject();
      o.put("file", file.toString());
      o.put("verdict", "ERROR");
      o.put("error", message);
      out().println(JsonLine.of(o));
      out().flush();
    }
    spec.commandLine().getErr().println("tumbler check: " + message);
    spec.commandLine().getErr().flush();
  }

  private void printJson(Path file, LoadedHistory loaded, String modelName, CheckResult result) {
    ObjectNode o = jsonObject();
    o.put("file", file.toString());
    o.put("model", modelName);
    o.put("format", loaded.format().cliName());
    o.put("verdict", result.verdict().name());
    o.put("ops", loaded.history().invocationCount());
    o.put("partitions", result.stats().partitions());
    o.put("millis", Math.round(result.stats().elapsedMillis() * 1000) / 1000.0);
    o.put("readMillis", Math.round(readMillis * 1000) / 1000.0);
    o.put("configurationsExplored", result.stats().configurations());
    if (result instanceof CheckResult.Invalid invalidResult && verdictOnly) {
      o.put("verdictOnly", true);
      o.set("failingOp", operationJson(invalidResult.counterexample().op()));
      o.put("detail", VERDICT_ONLY_NOTE);
    } else if (result instanceof CheckResult.Invalid invalidResult) {
      o.set("counterexample", counterexampleJson(invalidResult.counterexample()));
    } else if (result instanceof CheckResult.Unknown unknownResult) {
      o.put("cause", unknownResult.cause().name().toLowerCase(Locale.ROOT));
      o.put("detail", unknownResult.detail());
    }
    out().println(JsonLine.of(o));
    out().flush();
  }

  private static ObjectNode counterexampleJson(Counterexample c) {
    ObjectNode o = jsonObject();
    o.put("partition", c.partition());
    o.set("op", operationJson(c.op()));
    o.set("previousOk", c.previousOk() == null ? null : operationJson(c.previousOk()));
    o.put("explanation", c.explanation());
    ArrayNode linearized = o.putArray("linearizedBefore");
    for (Call call : c.linearizedBeforeFailure()) {
      linearized.add(call.completion() != null ? call.completion().index() : call.invocation().index());
    }
    o.put("finalPaths", c.finalPaths().size());
    return o;
  }

  private static ObjectNode operationJson(Operation op) {
    ObjectNode o = jsonObject();
    o.put("index", op.index());
    o.put("process", String.valueOf(op.process()));
    o.put("type", op.type().jepsenName());
    o.put("f", op.f());
    o.put("value", String.valueOf(op.value()));
    return o;
  }

  private void printHuman(Path file, LoadedHistory loaded, String modelName, CheckResult result) {
    PrintWriter out = out();
    out.printf(Locale.ROOT, "%s: %s  (model %s%s, %d ops, %d partition%s, %.1f ms, %d configurations)%n",
        file, result.verdict(), modelName, loaded.modelSource().isEmpty() || model != null ? "" : " from " + loaded.modelSource(),
        loaded.history().invocationCount(), result.stats().partitions(), result.stats().partitions() == 1 ? "" : "s",
        result.stats().elapsedMillis(), result.stats().configurations());
    if (result instanceof CheckResult.Invalid invalidResult && verdictOnly) {
      Counterexample c = invalidResult.counterexample();
      out.printf("  cannot linearize %s%s%n", c.op(), c.partition().isEmpty() ? "" : " in " + c.partition());
      out.printf("  %s%n", VERDICT_ONLY_NOTE);
    } else if (result instanceof CheckResult.Invalid invalidResult) {
      printCounterexample(out, invalidResult);
    } else if (result instanceof CheckResult.Unknown unknownResult) {
      out.printf("  undecided: %s%s%n", unknownResult.cause().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          unknownResult.detail().isEmpty() ? "" : " (" + unknownResult.detail() + ")");
    }
    out.flush();
  }

  private static void printCounterexample(PrintWriter out, CheckResult.Invalid result) {
    Counterexample c = result.counterexample();
    out.printf("  cannot linearize %s%s%n", c.op(), c.partition().isEmpty() ? "" : " in " + c.partition());
    out.printf("  why: %s%n", c.explanation());
    if (c.previousOk() != null) {
      out.printf("  previous ok: %s%n", c.previousOk());
    }
    List<Call> linearized = c.linearizedBeforeFailure();
    int shown = Math.min(linearized.size(), 8);
    out.printf("  a longest linearizable prefix (%d calls, last %d shown):%n", linearized.size(), shown);
    for (Call call : linearized.subList(linearized.size() - shown, linearized.size())) {
      out.printf("    %s%n", call);
    }
    if (result.counterexamples().size() > 1) {
      out.printf("  (%d more sub-histories are invalid; --json lists the first)%n", result.counterexamples().size() - 1);
    }
  }

  private void printSummary(int exit) {
    if (json) {
      ObjectNode o = jsonObject();
      o.put("summary", true);
      o.put("files", files.size());
      o.put("valid", valid);
      o.put("invalid", invalid);
      o.put("unknown", unknown);
      o.put("errors", errors);
      o.put("exitCode", exit);
      out().println(JsonLine.of(o));
    } else if (files.size() > 1) {
      out().printf("%d files: %d valid, %d invalid, %d unknown, %d unreadable%n", files.size(), valid, invalid, unknown, errors);
    }
    out().flush();
  }

  /**
   * A new JSON object. Built from the node factory, not an {@code ObjectMapper}: a mapper's setup (its
   * serializers, date formats and locale data) cost a cold {@code check} more than reading a 10k-op history,
   * and only {@code --json} prints JSON.
   */
  private static ObjectNode jsonObject() {
    return JsonNodeFactory.instance.objectNode();
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
