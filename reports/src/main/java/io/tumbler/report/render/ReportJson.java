package io.tumbler.report.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.report.view.CampaignView;
import io.tumbler.report.view.CheckRow;
import io.tumbler.report.view.Counterexample;
import io.tumbler.report.view.FaultWindow;
import io.tumbler.report.view.LeaderTerm;
import io.tumbler.report.view.LogExcerpt;
import io.tumbler.report.view.OpOutcome;
import io.tumbler.report.view.RunHeader;
import io.tumbler.report.view.RunView;
import java.nio.file.Path;

/**
 * {@code report.json}: the machine-readable report, described by {@code report.schema.json} in this module
 * (kind "run" or "campaign", {@value #SCHEMA_VERSION} as {@code schemaVersion}). Paths are written as given,
 * times in nanoseconds of simulated time, durations in milliseconds of wall time.
 */
public final class ReportJson {
  /** Bumped on any incompatible change to the schema. */
  public static final int SCHEMA_VERSION = 1;
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** The report of one run. */
  public static String run(RunView view) {
    RunHeader h = view.header();
    ObjectNode o = JSON.createObjectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("kind", "run");
    o.put("source", name(view.files().dir()));
    o.put("scenario", h.scenario());
    o.put("seed", h.seed());
    o.set("bugs", JSON.valueToTree(h.bugs()));
    o.put("commit", h.commit());
    o.put("fingerprint", h.fingerprint());
    o.put("outcome", h.outcome());
    o.put("expectation", h.expectation());
    o.set("violated", JSON.valueToTree(h.violated()));
    o.put("replay", h.replay());
    o.put("shrink", h.shrink());
    o.put("summary", Story.of(view));
    ArrayNode checks = o.putArray("checks");
    for (CheckRow c : view.checks()) {
      checks.addObject().put("check", c.check()).put("verdict", c.verdict()).put("millis", c.millis())
          .set("details", JSON.valueToTree(c.details()));
    }
    o.set("linearizability", linearizability(view));
    o.set("safetyViolations", safety(view));
    o.set("history", history(view));
    o.set("faults", faults(view));
    ArrayNode leaders = o.putArray("leaders");
    for (LeaderTerm l : view.leaders()) {
      leaders.addObject().put("timeNanos", l.timeNanos()).put("node", l.node()).put("term", l.term());
    }
    o.set("notes", JSON.valueToTree(view.notes()));
    return write(o);
  }

  private static ObjectNode linearizability(RunView view) {
    var lin = view.files().linearizability();
    if (lin.missing()) {
      return null;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("model", lin.model());
    o.put("verdict", lin.verdict());
    o.put("millis", lin.millis());
    ArrayNode parts = o.putArray("partitions");
    lin.partitions().forEach(p -> parts.addObject().put("label", p.label()).put("calls", p.calls())
        .put("verdict", p.verdict()).put("millis", p.millis()));
    ArrayNode cxs = o.putArray("counterexamples");
    for (Counterexample c : view.counterexamples()) {
      ObjectNode n = cxs.addObject().put("partition", c.partition()).put("invokeIndex", c.failing().invokeIndex())
          .put("completeIndex", c.failing().completeIndex()).put("process", c.failing().process())
          .put("sentence", c.sentence()).put("explanation", c.explanation());
      n.set("reachableStates", JSON.valueToTree(c.reachableStates()));
    }
    return o;
  }

  private static ArrayNode safety(RunView view) {
    ArrayNode out = JSON.createArrayNode();
    for (LogExcerpt x : view.safety()) {
      var f = x.finding();
      ObjectNode n = out.addObject().put("property", f.property()).put("term", f.term()).put("index", f.index())
          .put("eventNumber", f.eventNumber()).put("detail", f.detail());
      n.set("nodes", JSON.valueToTree(f.nodes()));
      ArrayNode conflicts = n.putArray("conflictingIndexes");
      for (int i = 0; i < x.indexes().size(); i++) {
        if (x.conflicting().get(i)) {
          conflicts.add(x.indexes().get(i));
        }
      }
    }
    return out;
  }

  private static ObjectNode history(RunView view) {
    ObjectNode o = JSON.createObjectNode();
    o.put("operations", view.history().ops().size());
    for (OpOutcome outcome : OpOutcome.values()) {
      o.put(outcome.label(), view.history().count(outcome));
    }
    o.set("processes", JSON.valueToTree(view.history().processes()));
    o.put("endNanos", view.history().horizonNanos());
    return o;
  }

  private static ArrayNode faults(RunView view) {
    ArrayNode out = JSON.createArrayNode();
    for (FaultWindow f : view.faults()) {
      out.addObject().put("startNanos", f.startNanos()).put("endNanos", f.endNanos()).put("kind", f.kind().label())
          .put("label", f.label()).put("healed", f.healed());
    }
    return out;
  }

  /** The report of a campaign; {@code links} gives each failure's run report path relative to the output. */
  public static String campaign(CampaignView view, java.util.function.Function<CampaignView.Failure, String> links) {
    ObjectNode o = JSON.createObjectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("kind", "campaign");
    ArrayNode sources = o.putArray("sources");
    view.sources().forEach(s -> sources.add(name(s)));
    o.put("outcome", view.worstOutcome());
    o.set("total", group(view.total()));
    o.put("wallSeconds", Math.round(view.wallSeconds() * 100) / 100.0);
    o.put("timedRuns", view.timedRuns());
    o.put("seedsPerSecond", Math.round(view.seedsPerSecond() * 100) / 100.0);
    ArrayNode groups = o.putArray("groups");
    view.groups().forEach(g -> groups.add(group(g)));
    ArrayNode failures = o.putArray("failures");
    for (CampaignView.Failure f : view.failures()) {
      ObjectNode n = failures.addObject().put("scenario", f.scenario()).put("seed", f.seed());
      n.set("bugs", JSON.valueToTree(f.bugs()));
      n.put("outcome", f.outcome()).set("violated", JSON.valueToTree(f.violated()));
      n.put("fingerprint", f.fingerprint()).put("replay", f.replay()).put("shrink", f.shrink());
      n.put("report", links.apply(f));
    }
    o.set("notes", JSON.valueToTree(view.notes()));
    return write(o);
  }

  private static ObjectNode group(CampaignView.Group g) {
    ObjectNode n = JSON.createObjectNode().put("scenario", g.scenario());
    n.set("bugs", JSON.valueToTree(g.bugs()));
    n.put("runs", g.runs());
    CampaignView.OUTCOMES.forEach(outcome -> n.put(outcome.toLowerCase(java.util.Locale.ROOT), g.count(outcome)));
    return n;
  }

  static String name(Path dir) {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a report tree always serializes", e);
    }
  }
}
