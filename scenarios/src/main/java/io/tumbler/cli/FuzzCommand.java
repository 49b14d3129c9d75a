package io.tumbler.cli;

import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.campaign.BuildIdentity;
import io.tumbler.scenario.campaign.Campaign;
import io.tumbler.scenario.campaign.CampaignSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tumbler fuzz}: a campaign over a seed range, streaming results and keeping every failure. */
@Command(name = "fuzz", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Runs a campaign: a scenario over a range of seeds.",
    "Runs a scenario over a range of seeds, in parallel, each seed an isolated single-threaded simulation.",
    "Streams one JSON line per seed to <out>/results.jsonl as it finishes (a rerun by the same build skips seeds",
    "already there; another build's lines move to results.<commit>.<classes>.jsonl and their seeds run again),",
    "keeps a replayable run directory per failing seed under <out>/failures/, and ends with <out>/summary.md.",
    "Exit: 0 all passed, 1 a correctness violation, 2 a liveness failure, 3 bad usage, 4 harness error."})
final class FuzzCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--scenario", defaultValue = ScenarioCatalog.DEFAULT,
      description = "Scenario name (see 'tumbler list scenarios'). Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(names = "--seeds", defaultValue = "1..40", description = "Seed range A..B, inclusive. Default: ${DEFAULT-VALUE}.")
  String seeds;

  @Option(names = "--jobs", description = "Seeds run at once. Default: the number of cores.")
  Integer jobs;

  @Option(names = "--shard", description = "Run only shard i of n (i/n, 0-based): CI matrix jobs together cover the range once.")
  String shard;

  @Option(names = "--out", description = "Campaign directory. Default: tumbler-out/fuzz-<scenario>.")
  Path out;

  @Option(names = "--stop-on-failure", description = "Stop starting new seeds after the first failure.")
  boolean stopOnFailure;

  @Option(names = "--bug", split = ",", paramLabel = "NAME", description = BugFlags.DESCRIPTION)
  java.util.List<String> bugs;

  @Option(names = "--sut", paramLabel = "NAME",
      description = "The Raft under test: tumbler (default) or microraft (MicroRaft 0.7; scenarios it cannot take are refused).")
  String sut;

  @Option(names = "--workload", description = "Override the scenario's workload: kv, kv-readers, vm, vm-members or paths.")
  String workload;

  @Option(names = "--read-mode", description = "Override how reads are served: linearizable, lease or local (local reads may be stale).")
  String readMode;

  @Option(names = "--json", description = "Print one JSON line per seed on stdout, then a summary line.")
  boolean json;

  @Option(names = "--check-time-limit", defaultValue = "60",
      description = "Seconds each linearizability check may take. Default: ${DEFAULT-VALUE}.")
  long checkSeconds;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Scenario s = Scenarios.withSut(
        Scenarios.withOverrides(Scenarios.named(scenario), workload, readMode).withBugs(BugFlags.parse(bugs)), sut);
    SeedRange range = SeedRange.parse(seeds);
    int[] shardOf = parseShard(shard);
    int parallelism = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (parallelism < 1) {
      throw new BadInputException("--jobs must be at least 1, got " + parallelism);
    }
    Path dir = OutputPaths.directory("--out", out != null ? out : Path.of("tumbler-out", "fuzz-" + s.name()));
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    BuildIdentity build = BuildIdentity.running(Build.commit());
    stderr.printf("tumbler fuzz: scenario %s, seeds %d..%d%s%s, %d jobs, %s -> %s%n", s.name(), range.first(),
        range.last(), shard == null ? "" : ", shard " + shard, s.bugs().isEmpty() ? "" : ", bugs " + s.bugs(),
        parallelism, build, dir);
    Campaign campaign = new Campaign(s, range.first(), range.last(), shardOf[0], shardOf[1], parallelism,
        stopOnFailure, Duration.ofSeconds(checkSeconds), dir, build);
    CampaignSummary summary = campaign.run(new FuzzProgress(stdout, stderr, json, campaign.seedCount()));
    if (json) {
      stdout.println(summary.toJson());
    } else {
      stdout.println(summary.toText(dir));
    }
    stdout.flush();
    ReportCommand.afterFuzz(dir, stderr);
    return summary.worstOutcome().exitCode();
  }

  static int[] parseShard(String text) {
    if (text == null) {
      return new int[] {0, 1};
    }
    String[] parts = text.split("/", -1);
    try {
      int i = Integer.parseInt(parts[0].trim());
      int n = Integer.parseInt(parts[1].trim());
      if (parts.length == 2 && n >= 1 && i >= 0 && i < n) {
        return new int[] {i, n};
      }
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      // fall through
    }
    throw new BadInputException("--shard expects i/n with 0 <= i < n, e.g. 0/4; got '" + text + "'");
  }
}
