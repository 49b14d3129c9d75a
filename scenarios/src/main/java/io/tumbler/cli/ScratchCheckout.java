package io.tumbler.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one scratch worktree {@code tumbler mutate} applies patches in: a detached {@code git worktree} of the
 * repository's HEAD, reset and cleaned between mutants so each starts from the same commit, and removed at
 * the end. Uncommitted changes in the user's checkout are not part of it.
 */
final class ScratchCheckout implements AutoCloseable {
  static final List<String> OFFLINE_BUILD = List.of("./mvnw", "-B", "-o", "-q", "-Dmaven.test.skip=true",
      "-pl", "scenarios", "-am", "package");

  private final Path repo;
  private final Path dir;
  private final String headCommit;

  private ScratchCheckout(Path repo, Path dir, String headCommit) {
    this.repo = repo;
    this.dir = dir;
    this.headCommit = headCommit;
  }

  /** The top level of the git checkout containing {@code dir}; a {@link BadInputException} if there is none. */
  static Path topLevel(Path dir) throws IOException, InterruptedException {
    List<String> out = new ArrayList<>();
    ShellProcess.Result r = ShellProcess.run(dir, List.of("git", "rev-parse", "--show-toplevel"), out::add);
    if (!r.succeeded() || out.isEmpty()) {
      throw new BadInputException(dir.toAbsolutePath() + " is not inside a git checkout (git rev-parse: "
          + r.tailText() + ")");
    }
    return Path.of(out.get(0));
  }

  /** Adds a detached worktree of {@code repo}'s HEAD at {@code dir} (which must not exist yet). */
  static ScratchCheckout create(Path repo, Path dir) throws IOException, InterruptedException {
    List<String> head = new ArrayList<>();
    git(repo, head::add, "rev-parse", "HEAD");
    Files.createDirectories(dir.getParent());
    git(repo, line -> { }, "worktree", "add", "--detach", dir.toAbsolutePath().toString(), "HEAD");
    return new ScratchCheckout(repo, dir, head.get(0));
  }

  Path dir() {
    return dir;
  }

  String headCommit() {
    return headCommit;
  }

  /**
   * Back to HEAD with no untracked or ignored files except Maven's {@code target} directories: the next build
   * recompiles what the reset touched (its sources are newer than their classes) and reuses the rest.
   */
  void reset() throws IOException, InterruptedException {
    git(dir, line -> { }, "reset", "-q", "--hard", "HEAD");
    git(dir, line -> { }, "clean", "-q", "-f", "-d", "-x", "-e", "target");
  }

  /** {@code git apply --3way}; the failed result (git's message in its tail) when the patch does not apply. */
  ShellProcess.Result apply(Path patch) throws IOException, InterruptedException {
    return ShellProcess.run(dir, List.of("git", "apply", "--3way", patch.toAbsolutePath().toString()));
  }

  /**
   * Builds the CLI jar offline; if that fails for a reason other than the code (a dependency missing from
   * the local repository), once more online. Returns the jar, or the failed build's result.
   */
  ShellProcess.Result build(Consumer<String> lines) throws IOException, InterruptedException {
    ShellProcess.Result offline = ShellProcess.run(dir, OFFLINE_BUILD, lines);
    if (offline.succeeded() || !looksLikeMissingDependency(offline)) {
      return offline;
    }
    List<String> online = new ArrayList<>(OFFLINE_BUILD);
    online.remove("-o");
    return ShellProcess.run(dir, online, lines);
  }

  Path jar() {
    return dir.resolve("scenarios").resolve("target").resolve("tumbler.jar");
  }

  private static boolean looksLikeMissingDependency(ShellProcess.Result result) {
    String text = result.tailText();
    return text.contains("offline mode") || text.contains("could not be resolved")
        || text.contains("Could not resolve") || text.contains("Cannot access");
  }

  /** Removes the worktree ({@code git worktree remove --force}). */
  @Override
  public void close() throws IOException, InterruptedException {
    git(repo, line -> { }, "worktree", "remove", "--force", dir.toAbsolutePath().toString());
  }

  private static void git(Path where, Consumer<String> out, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    List<String> lines = new ArrayList<>();
    ShellProcess.Result r = ShellProcess.run(where, command, line -> {
      lines.add(line);
      out.accept(line);
    });
    if (!r.succeeded()) {
      throw new IOException(String.join(" ", command) + " failed in " + where + " (exit " + r.exitCode() + "): "
          + String.join("\n", lines));
    }
  }
}
