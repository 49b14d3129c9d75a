package io.tumbler.cli;

import io.tumbler.scenario.bugs.BugExposure;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.raft.KnownBug;
import io.tumbler.scenario.bugs.BugHunt;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tumbler bench campaign}: for every known bug, seeds until its expected check catches it; for the
 * correct build, failures over each standard scenario; seeds per second and acceleration on the default
 * scenario with every core. Figures only, never asserted.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "For every known bug: seeds from --first-seed until the expected check catches it (null if not within",
    "--max-seeds). For the correct build: seeds run and failures per standard scenario (--clean-seeds each).",
    "Seeds per second and simulated-time acceleration of the default scenario using --jobs workers."})
final class BenchCampaignCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--max-seeds", defaultValue = "2000", description = "Seeds tried per bug. Default: ${DEFAULT-VALUE}.")
  int maxSeeds;

  @Option(names = "--clean-seeds", defaultValue = "1000",
      description = "Seeds of each standard scenario for the correct build. Default: ${DEFAULT-VALUE}.")
  int cleanSeeds;

  @Option(names = "--first-seed", defaultValue = "1", description = "The fixed start of every range. Default: ${DEFAULT-VALUE}.")
  long firstSeed;

  @Option(names = "--jobs", description = "Workers. Default: the number of cores.")
  Integer jobs;

  @Option(names = "--bug", split = ",", paramLabel = "NAME", description = "Only these bugs (default: all).")
  java.util.List<String> only;

  @Option(names = "--scenario", paramLabel = "S",
      description = "Hunt every bug on this scenario (e.g. default) instead of its own hunt; any failed check counts.")
  String onScenario;

  @Option(names = "--no-clean", description = "Skip the correct-build sweep of every standard scenario.")
  boolean noClean;

  @Option(names = "--json", description = "Print one JSON object (otherwise one line per figure and the object).")
  boolean json;

  @Override
  public Integer call() {
    int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (workers < 1 || maxSeeds < 0 || cleanSeeds < 0) {
      throw new BadInputException("--jobs must be >= 1 and --max-seeds/--clean-seeds >= 0");
    }
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode o = mapper.createObjectNode();
    try (BugHunt hunt = new BugHunt(workers, Duration.ofSeconds(60))) {
      Scenario on = onScenario == null ? null : Scenarios.named(onScenario);
      ArrayNode bugs = bugs(hunt, mapper, err, on);
      o.set("bugs", bugs);
      o.put("medianSeedsToDetect", median(bugs));
      if (!noClean) {
        o.set("clean", clean(hunt, mapper, err, o));
      }
    }
    o.put("firstSeed", firstSeed);
    o.put("maxSeeds", maxSeeds);
    o.put("jobs", workers);
    PrintWriter out = spec.commandLine().getOut();
    out.println(o.toString());
    out.flush();
    return ExitCode.PASS;
  }

  /** The median of seedsToDetect over the bugs measured, a miss counting as infinite (null if most missed). */
  private static Double median(ArrayNode bugs) {
    java.util.List<Double> seeds = new java.util.ArrayList<>();
    bugs.forEach(b -> seeds.add(b.get("seedsToDetect").isNull() ? Double.POSITIVE_INFINITY
        : b.get("seedsToDetect").asDouble()));
    if (seeds.isEmpty()) {
      return null;
    }
    java.util.Collections.sort(seeds);
    int n = seeds.size();
    double m = n % 2 == 1 ? seeds.get(n / 2) : (seeds.get(n / 2 - 1) + seeds.get(n / 2)) / 2;
    return Double.isInfinite(m) ? null : m;
  }

  private ArrayNode bugs(BugHunt hunt, ObjectMapper mapper, PrintWriter err, Scenario on) {
    ArrayNode bugs = mapper.createArrayNode();
    java.util.Set<KnownBug> selected = java.util.EnumSet.noneOf(KnownBug.class);
    BugFlags.parse(only).names().forEach(n -> selected.add(KnownBug.named(n)));
    for (KnownBug bug : KnownBug.values()) {
      if ((!selected.isEmpty() && !selected.contains(bug)) || !BugExposure.of(bug).harnessReady()) {
        continue; // a bug whose hunt scenario does not exist yet cannot be measured here
      }
      long start = System.nanoTime();
      BugHunt.Detection d = on == null ? hunt.seedsToDetect(bug, firstSeed, maxSeeds)
          : hunt.seedsToDetectOn(on, bug, firstSeed, maxSeeds);
      ObjectNode b = bugs.addObject();
      b.put("bug", bug.bugName());
      b.put("scenario", on == null ? BugExposure.of(bug).scenario() : on.name());
      b.put("check", BugExposure.of(bug).check());
      if (d.seedsToDetect() == null) {
        b.putNull("seedsToDetect");
      } else {
        b.put("seedsToDetect", d.seedsToDetect());
        b.put("seed", d.run().seed());
        b.set("violated", mapper.valueToTree(d.run().violated()));
        if (BugExposure.of(bug).property() != null) {
          b.put("property", BugExposure.of(bug).property());
          b.put("propertySeen", d.propertySeen());
        }
      }
      b.put("wallSeconds", Math.round((System.nanoTime() - start) / 1e7) / 100.0);
      if (!json) {
        err.println("bug " + b);
      }
    }
    return bugs;
  }

  private ArrayNode clean(BugHunt hunt, ObjectMapper mapper, PrintWriter err, ObjectNode o) {
    ArrayNode clean = mapper.createArrayNode();
    for (Scenario s : ScenarioCatalog.all()) {
      BugHunt.CleanRun run = hunt.clean(s, firstSeed, cleanSeeds);
      ObjectNode c = clean.addObject();
      c.put("scenario", s.name());
      c.put("seeds", run.seeds());
      c.put("failures", run.failingSeeds().size());
      c.set("failingSeeds", mapper.valueToTree(run.failingSeeds().subList(0, Math.min(20, run.failingSeeds().size()))));
      c.put("seedsPerSecond", Math.round(run.seedsPerSecond() * 100) / 100.0);
      if (s.name().equals(ScenarioCatalog.DEFAULT)) {
        o.put("seedsPerSecond", Math.round(run.seedsPerSecond() * 100) / 100.0);
        o.put("acceleration", Math.round(run.acceleration() * 10) / 10.0);
      }
      if (!json) {
        err.println("clean " + c);
      }
    }
    return clean;
  }
}
