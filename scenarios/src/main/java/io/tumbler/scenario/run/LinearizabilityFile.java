package io.tumbler.scenario.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.counterexample.FinalPath;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Operation;
import io.tumbler.runformat.LinearizabilityRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code linearizability.json}: the checker's verdict for a run's history, per partition, and for an
 * invalid one the counterexample as data (Knossos's {@code :op}, {@code :previous-ok}, {@code :final-paths}),
 * so a report can draw it long after the run. Calls are referred to by their invocation's and completion's
 * {@code index} in {@code history.jsonl}. A final path that starts from the model's initial state (the failing
 * call is the partition's first) starts with a step {@code {"initial": true, "legal": true, "state": ...}} and no
 * call fields. Written through its run-format record ({@link LinearizabilityRecord}), which reports read.
 */
public final class LinearizabilityFile {
  private static final ObjectMapper JSON = RunDirectory.JSON;

  private LinearizabilityFile() {}

  /** The {@code linearizability.json} object for {@code result}, checked with {@code model}. */
  public static ObjectNode toJson(String model, CheckResult result) {
    return JSON.valueToTree(record(model, result));
  }

  /** The run-format record of {@code linearizability.json} for {@code result}, checked with {@code model}. */
  public static LinearizabilityRecord record(String model, CheckResult result) {
    List<LinearizabilityRecord.Partition> partitions = result.stats().perPartition().stream()
        .map(p -> new LinearizabilityRecord.Partition(p.label(), JSON.valueToTree(p.keys()), p.calls(),
            p.verdict().name(), p.configurations(), p.elapsedNanos() / 1e6)).toList();
    List<LinearizabilityRecord.Counterexample> counterexamples = result instanceof CheckResult.Invalid invalid
        ? invalid.counterexamples().stream().map(LinearizabilityFile::counterexample).toList() : null;
    CheckResult.Unknown unknown = result instanceof CheckResult.Unknown u ? u : null;
    return new LinearizabilityRecord(LinearizabilityRecord.VERSION, model, result.verdict().name(),
        Math.round(result.stats().elapsedMillis() * 1000) / 1000.0, result.stats().configurations(), partitions,
        counterexamples, unknown == null ? null : unknown.cause().name().toLowerCase(Locale.ROOT),
        unknown == null ? null : unknown.detail());
  }

  private static LinearizabilityRecord.Counterexample counterexample(Counterexample c) {
    List<LinearizabilityRecord.Prefix> prefixes = c.longestPrefixes().stream().map(l -> new LinearizabilityRecord
        .Prefix(l.calls().stream().map(LinearizabilityFile::call).toList(), l.stateDescription())).toList();
    List<List<LinearizabilityRecord.Step>> paths = new ArrayList<>();
    for (FinalPath path : c.finalPaths()) {
      paths.add(path.steps().stream().map(step -> step.call() == null
          ? LinearizabilityRecord.Step.initial(step.legal(), step.description())
          : LinearizabilityRecord.Step.of(call(step.call()), step.legal(), step.description())).toList());
    }
    return new LinearizabilityRecord.Counterexample(c.partition(), JSON.valueToTree(c.keys()), operation(c.op()),
        call(c.failingCall()), c.previousOk() == null ? null : operation(c.previousOk()), c.explanation(), prefixes,
        paths, c.reachableStates().stream().map(String::valueOf).toList());
  }

  private static LinearizabilityRecord.Call call(Call c) {
    return new LinearizabilityRecord.Call(c.process(), c.f(), JSON.valueToTree(c.input()),
        JSON.valueToTree(c.output()), c.isOk() ? "ok" : c.isFailed() ? "fail" : "info", c.invocation().index(),
        c.completion() == null ? null : c.completion().index());
  }

  private static LinearizabilityRecord.Operation operation(Operation op) {
    return new LinearizabilityRecord.Operation(op.index(), JSON.valueToTree(op.process()),
        op.type().name().toLowerCase(Locale.ROOT), op.f(), JSON.valueToTree(op.value()),
        op.timeNanos().isPresent() ? op.timeNanos().getAsLong() : null);
  }
}
