package io.tumbler.scenario.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.RunDirectory;
import io.tumbler.scenario.run.RunResult;
import io.tumbler.scenario.run.Scenario;
import io.tumbler.scenario.run.ScenarioRunner;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fuzz campaign: one scenario over a seed range (or one shard of it), seeds in parallel, each an
 * isolated single-threaded simulation. Results stream to {@code results.jsonl} as each seed finishes, so a
 * killed campaign loses nothing finished and a rerun over the same directory skips the seeds already
 * there; each failing seed is re-run with its full trace into {@code failures/seed-N/}, a complete run
 * directory that {@code tumbler replay} takes.
 *
 * <p>Threads live here, at the edge: no simulation shares anything with another.
 */
public final class Campaign {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Progress callbacks; called from worker threads, one at a time per call. */
  public interface Listener {
    void resumed(long alreadyDone);

    void finished(RunResult result, String jsonLine);

    void done();
  }

  private final Scenario scenario;
  private final List<Long> seeds;
  private final int jobs;
  private final boolean stopOnFailure;
  private final Duration checkTimeLimit;
  private final Path dir;
  private final String commit;

  public Campaign(Scenario scenario, long firstSeed, long lastSeed, int shardIndex, int shardCount, int jobs,
      boolean stopOnFailure, Duration checkTimeLimit, Path dir, String commit) {
    this.scenario = scenario;
    this.seeds = shardSeeds(firstSeed, lastSeed, shardIndex, shardCount);
    this.jobs = jobs;
    this.stopOnFailure = stopOnFailure;
    this.checkTimeLimit = checkTimeLimit;
    this.dir = dir;
    this.commit = commit;
  }

  /** The seeds of shard {@code index} of {@code count}: those at positions congruent to index mod count. */
  public static List<Long> shardSeeds(long first, long last, int index, int count) {
    List<Long> out = new ArrayList<>();
    for (long s = first + index; s <= last; s += count) {
      out.add(s);
    }
    return out;
  }

  public long seedCount() {
    return seeds.size();
  }

  /** Runs every seed not yet in {@code results.jsonl}; returns the summary over all of them. */
  public CampaignSummary run(Listener listener) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path results = dir.resolve("results.jsonl");
    TreeSet<Long> done = seedsAlreadyDone(results);
    if (!done.isEmpty()) {
      listener.resumed(seeds.stream().filter(done::contains).count());
    }
    long start = System.nanoTime();
    AtomicBoolean stop = new AtomicBoolean();
    try (BufferedWriter out = Files.newBufferedWriter(results, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      runAll(seeds.stream().filter(s -> !done.contains(s)).toList(), out, listener, stop);
    }
    listener.done();
    CampaignSummary summary = CampaignSummary.fromResults(scenario.name(), results, seeds,
        (System.nanoTime() - start) / 1e9);
    summary.writeFiles(dir);
    return summary;
  }

  private void runAll(List<Long> todo, BufferedWriter out, Listener listener, AtomicBoolean stop)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "tumbler-fuzz");
      t.setDaemon(true);
      return t;
    });
    List<Future<?>> futures = new ArrayList<>();
    for (long seed : todo) {
      futures.add(pool.submit(() -> runSeed(seed, out, listener, stop)));
    }
    pool.shutdown();
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("a campaign worker failed: " + e.getCause(), e.getCause());
      }
    }
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  private void runSeed(long seed, BufferedWriter out, Listener listener, AtomicBoolean stop) {
    if (stop.get()) {
      return;
    }
    RunArtifacts run = new ScenarioRunner(false, checkTimeLimit).run(scenario, seed);
    RunResult r = run.result();
    if (r.outcome() != Outcome.PASS) {
      keepFailure(seed);
      if (stopOnFailure) {
        stop.set(true);
      }
    }
    ObjectNode line = RunDirectory.runJson(run, commit);
    line.remove("version");
    if (r.outcome() != Outcome.PASS) {
      line.put("failureDir", dir.resolve("failures").resolve("seed-" + seed).toString());
    }
    String text = line.toString();
    synchronized (out) {
      try {
        out.write(text);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to results.jsonl", e);
      }
    }
    listener.finished(r, text);
  }

  /** Re-runs a failing seed with its full trace (same seed, same run) into a replayable directory. */
  private void keepFailure(long seed) {
    RunArtifacts full = new ScenarioRunner(true, checkTimeLimit).run(scenario, seed);
    try {
      RunDirectory.write(dir.resolve("failures").resolve("seed-" + seed), full, commit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the failure directory of seed " + seed, e);
    }
  }

  private TreeSet<Long> seedsAlreadyDone(Path results) throws IOException {
    TreeSet<Long> done = new TreeSet<>();
    if (!Files.exists(results)) {
      return done;
    }
    for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        List<String> bugs = new ArrayList<>();
        node.path("bugs").forEach(b -> bugs.add(b.asText()));
        if (scenario.name().equals(node.path("scenario").asText()) && bugs.equals(scenario.bugs().names())) {
          done.add(node.path("seed").asLong());
        }
      } catch (IOException e) {
        // A line cut short by a kill: that seed simply runs again.
      }
    }
    return done;
  }
}
