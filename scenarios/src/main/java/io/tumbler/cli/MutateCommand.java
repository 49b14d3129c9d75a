package io.tumbler.cli;

import io.tumbler.scenario.run.ScenarioCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tumbler mutate}: measures a campaign's bug-finding power against a directory of mutants (patches
 * to the code under test). Each patch is applied alone to one scratch worktree of HEAD, the CLI is built
 * there, and the campaign runs in a child JVM of that build; the mutant is caught if any seed fails.
 *
 * <p>Shell-edge code: it starts git, Maven and JVMs, so it lives here and not in a deterministic package. The
 * campaigns themselves are ordinary deterministic {@code tumbler fuzz} runs, each kept in its own directory.
 */
@Command(name = "mutate", mixinStandardHelpOptions = true, versionProvider = TumblerVersion.class, description = {
    "Measures a campaign against mutants: runs it once per patch in DIR and reports caught or missed.",
    "For each *.patch in DIR (sorted by name): applies it with 'git apply --3way' to a scratch worktree of HEAD",
    "(under <out>), builds the CLI jar there, and runs 'fuzz --stop-on-failure' with that jar into <out>/<name>.",
    "A mutant is caught when any seed fails (its smallest failing seed and checks are reported), missed when",
    "every seed passes; a patch that does not apply or a build that fails is reported as such.",
    "Writes <out>/mutate.json and <out>/mutate.md and prints 'caught K of N (P%%)'.",
    "Exit: 0 every mutant caught, 1 some not caught, 3 bad usage or input, 4 harness error."})
final class MutateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "DIR", description = "Directory of mutants, one git diff per *.patch file.")
  Path patchDir;

  @Option(names = "--scenario", defaultValue = ScenarioCatalog.DEFAULT,
      description = "Scenario each campaign runs. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(names = "--seeds", defaultValue = "1..2000", description = "Seed range A..B of each campaign. Default: ${DEFAULT-VALUE}.")
  String seeds;

  @Option(names = "--jobs", description = "Seeds each campaign runs at once. Default: the number of cores.")
  Integer jobs;

  @Option(names = "--out", description = "Output directory (scratch worktree, one campaign per mutant, the table). "
      + "Default: tumbler-out/mutate.")
  Path out;

  @Option(names = "--only", split = ",", paramLabel = "NAME",
      description = "Only these mutants (file names with or without .patch).")
  List<String> only;

  @Option(names = "--repo", description = "The git checkout to mutate (its HEAD). Default: the one containing the "
      + "current directory.")
  Path repo;

  @Option(names = "--json", description = "Print one JSON line per mutant on stdout, then mutate.json's summary.")
  boolean json;

  @Override
  public Integer call() throws IOException, InterruptedException {
    List<Path> patches = patches();
    SeedRange.parse(seeds);
    int parallelism = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    if (parallelism < 1) {
      throw new BadInputException("--jobs must be at least 1, got " + parallelism);
    }
    Scenarios.named(scenario); // an unknown name is bad input, with the catalogue's list
    Path top = ScratchCheckout.topLevel(repo != null ? repo : Path.of("").toAbsolutePath());
    Path dir = (out != null ? out : Path.of("tumbler-out", "mutate")).toAbsolutePath();
    MutationReport.CampaignSpec campaign = new MutationReport.CampaignSpec(scenario, seeds, parallelism);
    MutationRun run = new MutationRun(top, dir, campaign, spec.commandLine().getOut(), spec.commandLine().getErr(),
        json);
    List<MutantResult> results = run.runAll(patches);
    boolean allCaught = MutationReport.caught(results) == results.size();
    return allCaught ? ExitCode.PASS : ExitCode.VIOLATION;
  }

  /** The patch files to run, sorted by name; bad input if the directory is missing or selects none. */
  private List<Path> patches() throws IOException {
    if (!Files.isDirectory(patchDir)) {
      throw new BadInputException("mutant directory " + patchDir + " does not exist or is not a directory");
    }
    List<Path> all;
    try (Stream<Path> files = Files.list(patchDir)) {
      all = files.filter(p -> p.getFileName().toString().endsWith(".patch") && Files.isRegularFile(p)).sorted().toList();
    }
    if (all.isEmpty()) {
      throw new BadInputException("no *.patch files in " + patchDir);
    }
    if (only == null) {
      return all;
    }
    TreeSet<String> wanted = new TreeSet<>();
    for (String name : only) {
      wanted.add(name.trim().endsWith(".patch") ? name.trim() : name.trim() + ".patch");
    }
    List<Path> selected = new ArrayList<>();
    for (Path p : all) {
      if (wanted.remove(p.getFileName().toString())) {
        selected.add(p);
      }
    }
    if (!wanted.isEmpty()) {
      throw new BadInputException("--only names no patch in " + patchDir + ": " + wanted + " (there are "
          + Arrays.toString(all.stream().map(p -> p.getFileName().toString()).toArray()) + ")");
    }
    return selected;
  }
}
