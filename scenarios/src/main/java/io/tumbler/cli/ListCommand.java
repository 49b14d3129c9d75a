package io.tumbler.cli;

import io.tumbler.scenario.bugs.BugExposure;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.workload.Workloads;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tumbler list scenarios|workloads|faults|bugs}. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = "Lists what Tumbler knows: scenarios, workloads, faults, known bugs.")
final class ListCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", defaultValue = "scenarios",
      description = "What to list: scenarios, workloads, faults (each with an example for a schedule) or bugs. Default: ${DEFAULT-VALUE}.")
  String what;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    switch (what) {
      case "scenarios" -> listScenarios(out);
      case "workloads" -> Workloads.names().forEach(out::println);
      case "faults" -> listFaults(out);
      case "bugs" -> listBugs(out);
      default -> throw new BadInputException("cannot list '" + what + "' (expected scenarios, workloads, faults or bugs)");
    }
    out.flush();
    return ExitCode.PASS;
  }

  private static void listScenarios(PrintWriter out) {
    for (Scenario s : ScenarioCatalog.all()) {
      out.printf("%s%s%n", s.name(), s.name().equals(ScenarioCatalog.DEFAULT) ? "  (default)" : "");
      out.printf("    %d nodes, %d clients, workload %s, %s reads, safety %d ms, liveness budget %d ms%s%n",
          s.cluster().nodes(), s.cluster().clients(), s.workload(), s.readMode().name().toLowerCase(java.util.Locale.ROOT),
          s.safetyMillis(), s.livenessMillis(),
          s.expectation() == io.tumbler.scenario.run.Expectation.NON_LINEARIZABLE ? ", expects a violation" : "");
      out.println(wrap(s.description(), "    ", 100));
    }
  }

  private static void listBugs(PrintWriter out) {
    for (io.tumbler.raft.KnownBug bug : io.tumbler.raft.KnownBug.values()) {
      String caughtBy = BugExposure.of(bug).check() + (BugExposure.of(bug).property() != null ? " (" + BugExposure.of(bug).property() + ")"
          : BugExposure.of(bug).check().equals("raft-safety") ? " (a node's own invariant assertion stops the run first)" : "");
      out.printf("%s%n    caught by: %s; exposed by scenario: %s%n", bug.bugName(), caughtBy, BugExposure.of(bug).scenario());
      out.println(wrap(bug.description(), "    ", 100));
    }
  }

  private static void listFaults(PrintWriter out) {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (io.tumbler.fault.Fault example : io.tumbler.fault.FaultTypes.examples()) {
      try {
        out.printf("%-24s %s%n", io.tumbler.fault.FaultTypes.nameOf(example),
            json.writerFor(io.tumbler.fault.Fault.class).writeValueAsString(example));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("fault " + example + " does not serialize", e);
      }
    }
  }

  static String wrap(String text, String indent, int width) {
    StringBuilder b = new StringBuilder(indent);
    int col = indent.length();
    for (String word : text.split(" ")) {
      if (col + word.length() + 1 > width && col > indent.length()) {
        b.append('\n').append(indent);
        col = indent.length();
      }
      b.append(word).append(' ');
      col += word.length() + 1;
    }
    return b.toString().stripTrailing();
  }
}
