package io.tumbler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One {@code tumbler mutate} session: a scratch worktree, then per patch apply, build, campaign, verdict, with
 * a progress line per mutant and the table rewritten after each one (an interrupted session keeps what it
 * measured). The scratch worktree is removed at the end, whatever happened.
 */
final class MutationRun {
  private static final String SCRATCH = "scratch-worktree";

  private final Path repo;
  private final Path out;
  private final MutationReport.CampaignSpec campaign;
  private final PrintWriter stdout;
  private final PrintWriter stderr;
  private final boolean json;
  private String baseCommit = "";

  MutationRun(Path repo, Path out, MutationReport.CampaignSpec campaign, PrintWriter stdout, PrintWriter stderr,
              boolean json) {
    this.repo = repo;
    this.out = out;
    this.campaign = campaign;
    this.stdout = stdout;
    this.stderr = stderr;
    this.json = json;
  }

  List<MutantResult> runAll(List<Path> patches) throws IOException, InterruptedException {
    Path scratchDir = out.resolve(SCRATCH);
    removeStale(scratchDir);
    List<MutantResult> results = new ArrayList<>();
    try (ScratchCheckout scratch = ScratchCheckout.create(repo, scratchDir)) {
      baseCommit = scratch.headCommit();
      stderr.printf("tumbler mutate: %d mutants, scenario %s, seeds %s, %d jobs, base %s -> %s%n", patches.size(),
          campaign.scenario(), campaign.seeds(), campaign.jobs(), scratch.headCommit(), out);
      stderr.flush();
      for (Path patch : patches) {
        MutantResult result = runOne(scratch, patch);
        results.add(result);
        printProgress(result, results.size(), patches.size());
        MutationReport.write(out, campaign, scratch.headCommit(), results);
      }
      scratch.reset();
    }
    stdout.print(MutationReport.table(results));
    if (json) {
      stdout.println(MutationReport.toJson(campaign, baseCommit, results).put("score", MutationReport.score(results)));
    }
    stdout.println(MutationReport.score(results));
    stdout.flush();
    return results;
  }

  private MutantResult runOne(ScratchCheckout scratch, Path patch) throws IOException, InterruptedException {
    String name = patch.getFileName().toString().replaceFirst("\\.patch$", "");
    long start = System.nanoTime();
    stderr.println("== " + name + ": apply, build, campaign");
    stderr.flush();
    scratch.reset();
    MutantVerdict verdict = verdict(scratch, patch, out.resolve(name));
    return new MutantResult(name, verdict, (System.nanoTime() - start) / 1e9);
  }

  private MutantVerdict verdict(ScratchCheckout scratch, Path patch, Path campaignDir)
      throws IOException, InterruptedException {
    ShellProcess.Result applied = scratch.apply(patch);
    if (!applied.succeeded()) {
      return new MutantVerdict.PatchFailed(applied.tailText());
    }
    ShellProcess.Result built = scratch.build(line -> { });
    if (!built.succeeded() || !Files.isRegularFile(scratch.jar())) {
      return new MutantVerdict.BuildFailed(built.tailText().isEmpty() ? "no jar at " + scratch.jar() : built.tailText());
    }
    removeStale(campaignDir);
    ShellProcess.Result ran = ShellProcess.run(scratch.dir(), fuzzCommand(scratch.jar(), campaignDir), this::relay);
    MutantVerdict verdict = MutationReport.fromResults(campaignDir.resolve("results.jsonl"));
    boolean harnessTrouble = ran.exitCode() == ExitCode.BAD_INPUT
        || (ran.exitCode() != ExitCode.PASS && !(verdict instanceof MutantVerdict.Caught));
    if (verdict == null || harnessTrouble) {
      return new MutantVerdict.CampaignError(ran.exitCode(), ran.tailText());
    }
    return verdict;
  }

  private List<String> fuzzCommand(Path jar, Path campaignDir) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(java, "-jar", jar.toString(), "fuzz", "--scenario", campaign.scenario(), "--seeds",
        campaign.seeds(), "--jobs", Integer.toString(campaign.jobs()), "--stop-on-failure", "--out",
        campaignDir.toString());
  }

  /** The campaign's own progress and failure lines, indented under the mutant. */
  private void relay(String line) {
    if (!line.isBlank()) {
      stderr.println("   | " + line.strip());
      stderr.flush();
    }
  }

  private void printProgress(MutantResult r, int done, int total) {
    MutantVerdict v = r.verdict();
    String detail;
    if (v instanceof MutantVerdict.Caught c) {
      detail = "seed " + c.firstSeed() + " " + (c.checks().isEmpty() ? c.outcome() : c.checks()) + " after "
          + c.seedsRun() + " seeds";
    } else if (v instanceof MutantVerdict.Missed m) {
      detail = m.seedsRun() + " seeds passed";
    } else if (v instanceof MutantVerdict.PatchFailed p) {
      detail = firstLine(p.message());
    } else if (v instanceof MutantVerdict.BuildFailed b) {
      detail = "see " + out.resolve("mutate.json") + "\n" + b.logTail();
    } else {
      MutantVerdict.CampaignError e = (MutantVerdict.CampaignError) v;
      detail = "campaign exit " + e.exitCode();
    }
    stderr.printf(Locale.ROOT, "[%d/%d] %s: %s (%s) in %.0f s%n", done, total, r.mutant(), v.word(), detail,
        r.wallSeconds());
    if (json) {
      stdout.println(MutationReport.toJson(r));
      stdout.flush();
    }
    stderr.flush();
  }

  private static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }

  /** Deletes a directory left by an earlier session (a stale campaign would be resumed, not rerun). */
  private void removeStale(Path dir) throws IOException, InterruptedException {
    if (!Files.exists(dir)) {
      return;
    }
    if (dir.getFileName().toString().equals(SCRATCH)) {
      ShellProcess.run(repo, List.of("git", "worktree", "remove", "--force", dir.toString()));
      ShellProcess.run(repo, List.of("git", "worktree", "prune"));
      if (!Files.exists(dir)) {
        return;
      }
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
