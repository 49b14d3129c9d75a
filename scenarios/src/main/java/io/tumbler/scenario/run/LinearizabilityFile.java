package io.tumbler.scenario.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.lin.CheckResult;
import io.tumbler.lin.PartitionSummary;
import io.tumbler.lin.counterexample.Counterexample;
import io.tumbler.lin.counterexample.FinalPath;
import io.tumbler.lin.counterexample.Linearization;
import io.tumbler.lin.counterexample.PathStep;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Operation;
import java.util.Locale;

/**
 * {@code linearizability.json}: the checker's verdict for a run's history, per partition, and for an
 * invalid one the counterexample as data (Knossos's {@code :op}, {@code :previous-ok}, {@code :final-paths}),
 * so a report can draw it long after the run. Calls are referred to by their invocation's and completion's
 * {@code index} in {@code history.jsonl}. A final path that starts from the model's initial state (the failing
 * call is the partition's first) starts with a step {@code {"initial": true, "legal": true, "state": ...}} and no
 * call fields.
 */
public final class LinearizabilityFile {
  private static final ObjectMapper JSON = RunDirectory.JSON;

  private LinearizabilityFile() {}

  /** The {@code linearizability.json} object for {@code result}, checked with {@code model}. */
  public static ObjectNode toJson(String model, CheckResult result) {
    ObjectNode o = JSON.createObjectNode();
    o.put("version", RunDirectory.FORMAT_VERSION);
    o.put("model", model);
    o.put("verdict", result.verdict().name());
    o.put("millis", Math.round(result.stats().elapsedMillis() * 1000) / 1000.0);
    o.put("configurations", result.stats().configurations());
    ArrayNode partitions = o.putArray("partitions");
    for (PartitionSummary p : result.stats().perPartition()) {
      ObjectNode n = partitions.addObject();
      n.put("label", p.label());
      n.set("keys", JSON.valueToTree(p.keys()));
      n.put("calls", p.calls());
      n.put("verdict", p.verdict().name());
      n.put("configurations", p.configurations());
      n.put("millis", p.elapsedNanos() / 1e6);
    }
    if (result instanceof CheckResult.Invalid invalid) {
      ArrayNode cx = o.putArray("counterexamples");
      invalid.counterexamples().forEach(c -> cx.add(counterexample(c)));
    } else if (result instanceof CheckResult.Unknown unknown) {
      o.put("cause", unknown.cause().name().toLowerCase(Locale.ROOT));
      o.put("detail", unknown.detail());
    }
    return o;
  }

  private static ObjectNode counterexample(Counterexample c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("partition", c.partition());
    o.set("keys", JSON.valueToTree(c.keys()));
    o.set("op", operation(c.op()));
    o.set("failingCall", call(c.failingCall()));
    o.set("previousOk", c.previousOk() == null ? null : operation(c.previousOk()));
    o.put("explanation", c.explanation());
    ArrayNode prefixes = o.putArray("longestPrefixes");
    for (Linearization l : c.longestPrefixes()) {
      ObjectNode p = prefixes.addObject();
      ArrayNode calls = p.putArray("calls");
      l.calls().forEach(k -> calls.add(call(k)));
      p.put("state", l.stateDescription());
    }
    ArrayNode paths = o.putArray("finalPaths");
    for (FinalPath path : c.finalPaths()) {
      ArrayNode steps = paths.addArray();
      for (PathStep step : path.steps()) {
        ObjectNode s = step.call() == null ? initialState() : call(step.call());
        s.put("legal", step.legal());
        s.put("state", step.description());
        steps.add(s);
      }
    }
    ArrayNode states = o.putArray("reachableStates");
    c.reachableStates().forEach(s -> states.add(String.valueOf(s)));
    return o;
  }

  /** A path's first step when no call precedes it: the model's initial state ({@link PathStep#call()} is null). */
  private static ObjectNode initialState() {
    ObjectNode o = JSON.createObjectNode();
    o.put("initial", true);
    return o;
  }

  private static ObjectNode call(Call c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("process", c.process());
    o.put("f", c.f());
    o.set("input", JSON.valueToTree(c.input()));
    o.set("output", JSON.valueToTree(c.output()));
    o.put("outcome", c.isOk() ? "ok" : c.isFailed() ? "fail" : "info");
    o.put("invokeIndex", c.invocation().index());
    o.set("completeIndex", c.completion() == null ? null : JSON.valueToTree(c.completion().index()));
    return o;
  }

  private static ObjectNode operation(Operation op) {
    ObjectNode o = JSON.createObjectNode();
    o.put("index", op.index());
    o.set("process", JSON.valueToTree(op.process()));
    o.put("type", op.type().name().toLowerCase(Locale.ROOT));
    o.put("f", op.f());
    o.set("value", JSON.valueToTree(op.value()));
    op.timeNanos().ifPresent(t -> o.put("time", t));
    return o;
  }
}
