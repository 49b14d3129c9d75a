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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A fuzz campaign: one scenario over a seed range (or one shard of it), seeds in parallel, each an
 * isolated single-threaded simulation. Results stream to {@code results.jsonl} as each seed finishes, so a
 * killed campaign loses nothing finished and a rerun over the same directory skips the seeds already there —
 * only those recorded by the same scenario, flags and build ({@link ResultKey}, {@link BuildIdentity}); a torn
 * last line is cut off and other builds' lines are set apart before anything runs ({@link ResultsFile}).
 *
 * <p>A seed's line is appended first, with its verdict; only then is a failing seed re-run with its full trace
 * into {@code failures/seed-N/}, a complete run directory that {@code tumbler replay} takes. So nothing that goes
 * wrong while writing that directory can lose the verdict, and a rerun over the directory rewrites every failure
 * directory that is missing or incomplete. A harness error (an exception of Tumbler itself, not of the system
 * under test) is that seed's verdict — outcome ERROR with the exception — and never stops the other seeds.
 *
 * <p>Threads live here, at the edge: no simulation shares anything with another.
 */
public final class Campaign {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The files without which a failure directory cannot be replayed or reported; run.json is written last. */
  private static final List<String> FAILURE_FILES = List.of("schedule.json", "history.jsonl", "checks.json", "run.json");

  /** Progress callbacks; called from worker threads, one at a time per call. */
  public interface Listener {
    void resumed(long alreadyDone);

    void finished(RunResult result, String jsonLine);

    void done();

    /** Something a person should know that is not a seed's verdict (a failure directory rewritten or not written). */
    default void note(String message) {}
  }

  private final Scenario scenario;
  private final List<Long> seeds;
  private final int jobs;
  private final boolean stopOnFailure;
  private final Duration checkTimeLimit;
  private final Path dir;
  private final String commit;
  private final ResultKey key;
  private final AtomicLong executed = new AtomicLong();

  /** A campaign recorded under {@code commit} and the digest of the running code ({@link BuildIdentity#running}). */
  public Campaign(Scenario scenario, long firstSeed, long lastSeed, int shardIndex, int shardCount, int jobs,
      boolean stopOnFailure, Duration checkTimeLimit, Path dir, String commit) {
    this(scenario, firstSeed, lastSeed, shardIndex, shardCount, jobs, stopOnFailure, checkTimeLimit, dir,
        BuildIdentity.running(commit));
  }

  /**
   * A campaign whose results are recorded under {@code build}: results.jsonl lines of any other build are not
   * reused (see {@link ResultsFile}).
   */
  public Campaign(Scenario scenario, long firstSeed, long lastSeed, int shardIndex, int shardCount, int jobs,
      boolean stopOnFailure, Duration checkTimeLimit, Path dir, BuildIdentity build) {
    this.scenario = scenario;
    this.seeds = shardSeeds(firstSeed, lastSeed, shardIndex, shardCount);
    this.jobs = jobs;
    this.stopOnFailure = stopOnFailure;
    this.checkTimeLimit = checkTimeLimit;
    this.dir = dir;
    this.commit = build.commit();
    this.key = ResultKey.of(scenario, build);
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

  /** Where a failing seed's run directory goes. */
  public Path failureDir(long seed) {
    return dir.resolve("failures").resolve("seed-" + seed);
  }

  /** Whether a failure directory holds every file replay and report need (run.json is written last). */
  public static boolean complete(Path failureDir) {
    return FAILURE_FILES.stream().allMatch(f -> Files.isRegularFile(failureDir.resolve(f)));
  }

  /**
   * Runs every seed that {@code results.jsonl} does not hold for this campaign and build (after repairing a torn
   * last line and setting other builds' lines apart, see {@link ResultsFile}), rewrites the failure directories
   * of seeds recorded as failing whose directory is missing or incomplete, and returns the summary over the
   * seeds resumed and run; its rate covers only the seeds run now.
   */
  public CampaignSummary run(Listener listener) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path results = dir.resolve("results.jsonl");
    Recorded recorded = recorded(ResultsFile.prepare(results, key.build(), listener::note));
    long resumed = seeds.stream().filter(recorded.done()::contains).count();
    if (resumed > 0) {
      listener.resumed(resumed);
    }
    List<Long> repairs = seeds.stream().filter(recorded.failing()::contains)
        .filter(seed -> !complete(failureDir(seed))).toList();
    long start = System.nanoTime();
    AtomicBoolean stop = new AtomicBoolean();
    try (BufferedWriter out = Files.newBufferedWriter(results, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      List<Callable<Void>> work = new ArrayList<>();
      for (long seed : repairs) {
        work.add(() -> repairFailure(seed, listener));
      }
      for (long seed : seeds.stream().filter(s -> !recorded.done().contains(s)).toList()) {
        work.add(() -> runSeed(seed, out, listener, stop));
      }
      runAll(work);
    }
    listener.done();
    CampaignSummary summary = CampaignSummary.fromResults(key::matches, scenario.name(), results, seeds,
        executed.get(), (System.nanoTime() - start) / 1e9);
    summary.writeFiles(dir);
    return summary;
  }

  private void runAll(List<Callable<Void>> work) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "tumbler-fuzz");
      t.setDaemon(true);
      return t;
    });
    List<Future<Void>> futures = new ArrayList<>();
    for (Callable<Void> task : work) {
      futures.add(pool.submit(task));
    }
    pool.shutdown();
    for (Future<Void> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        // Only appending to results.jsonl can fail here: without it the campaign cannot record anything.
        throw new IllegalStateException("a campaign worker failed: " + e.getCause(), e.getCause());
      }
    }
    pool.awaitTermination(1, TimeUnit.MINUTES);
  }

  private Void runSeed(long seed, BufferedWriter out, Listener listener, AtomicBoolean stop) {
    if (stop.get()) {
      return null;
    }
    long wallStart = System.nanoTime();
    RunArtifacts run;
    try {
      run = new ScenarioRunner(false, checkTimeLimit).run(scenario, seed);
    } catch (RuntimeException | AssertionError | StackOverflowError e) {
      HarnessError error = new HarnessError(scenario, seed, e, (System.nanoTime() - wallStart) / 1_000_000);
      String text = stamped(error.jsonLine(commit));
      append(out, text);
      executed.incrementAndGet();
      listener.finished(error.result(), text);
      stop.compareAndSet(false, stopOnFailure);
      return null;
    }
    RunResult r = run.result();
    ObjectNode line = RunDirectory.runJson(run, commit);
    line.remove("version");
    key.stamp(line);
    if (r.outcome() != Outcome.PASS) {
      line.put("failureDir", failureDir(seed).toString());
      stop.compareAndSet(false, stopOnFailure);
    }
    String text = line.toString();
    append(out, text);
    executed.incrementAndGet();
    listener.finished(r, text);
    if (r.outcome() != Outcome.PASS) {
      keepFailure(seed, listener);
    }
    return null;
  }

  private String stamped(String jsonLine) {
    try {
      ObjectNode line = (ObjectNode) JSON.readTree(jsonLine);
      key.stamp(line);
      return line.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("a harness error's own line is not JSON", e);
    }
  }

  private static void append(BufferedWriter out, String line) {
    synchronized (out) {
      try {
        out.write(line);
        out.write('\n');
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot append to results.jsonl", e);
      }
    }
  }

  private Void repairFailure(long seed, Listener listener) {
    listener.note("seed " + seed + ": its failure directory is missing or incomplete; writing it again");
    keepFailure(seed, listener);
    return null;
  }

  /**
   * Re-runs a failing seed with its full trace (same seed, same run) into a replayable directory. Its verdict is
   * already in results.jsonl, so a failure here is only noted; a rerun of the campaign tries again.
   */
  private void keepFailure(long seed, Listener listener) {
    try {
      RunArtifacts full = new ScenarioRunner(true, checkTimeLimit).run(scenario, seed);
      for (String failure : RunDirectory.write(failureDir(seed), full, commit)) {
        listener.note("seed " + seed + ": " + failure + " (recorded in its checks.json)");
      }
    } catch (IOException | RuntimeException | AssertionError | StackOverflowError e) {
      listener.note("seed " + seed + ": the failure directory could not be written (" + e
          + "); its verdict is in results.jsonl and a rerun over this directory writes it again");
    }
  }

  /** What results.jsonl already holds for this campaign and build: every seed, and the failing ones. */
  private record Recorded(TreeSet<Long> done, TreeSet<Long> failing) {}

  private Recorded recorded(List<JsonNode> lines) {
    Recorded recorded = new Recorded(new TreeSet<>(), new TreeSet<>());
    for (JsonNode node : lines) {
      if (key.matches(node)) {
        recorded.done().add(node.path("seed").asLong());
        if (node.hasNonNull("failureDir")) {
          recorded.failing().add(node.path("seed").asLong());
        }
      }
    }
    return recorded;
  }
}
