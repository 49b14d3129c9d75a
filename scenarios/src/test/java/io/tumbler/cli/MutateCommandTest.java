package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tumbler mutate} against this very repository: bad input is refused before anything runs, a patch that
 * does not apply is {@code patch-failed}, one that breaks compilation is {@code build-failed} (a real Maven
 * build in a real scratch worktree), the table files are written, and the scratch worktree is gone afterwards.
 * A caught/missed campaign needs a full jar build per mutant and is left to {@code tumbler mutate} runs.
 */
class MutateCommandTest {
  private static final String QUORUM = "raft-impl/src/main/java/io/tumbler/raft/MajorityQuorum.java";

  @TempDir Path tmp;

  @Test
  void badInputIsRefusedWithExitThree() throws IOException {
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("mutate", tmp.resolve("missing").toString()).exit());
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    CliRun none = CliRun.of("mutate", empty.toString());
    assertEquals(ExitCode.BAD_INPUT, none.exit());
    assertTrue(none.err().contains("no *.patch files"), none.err());
    Path dir = writePatches(tmp.resolve("patches"));
    Path notGit = Files.createDirectories(tmp.resolve("not-git"));
    CliRun outside = CliRun.of("mutate", dir.toString(), "--repo", notGit.toString());
    assertEquals(ExitCode.BAD_INPUT, outside.exit());
    assertTrue(outside.err().contains("not inside a git checkout"), outside.err());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("mutate", dir.toString(), "--jobs", "0").exit());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("mutate", dir.toString(), "--seeds", "9..1").exit());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("mutate", dir.toString(), "--only", "03-no-such").exit());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("mutate", dir.toString(), "--no-such-flag").exit());
  }

  @Test
  void patchThatDoesNotApplyAndPatchThatDoesNotBuildAreReportedNotAborted() throws IOException, InterruptedException {
    Path dir = writePatches(tmp.resolve("patches"));
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("mutate", dir.toString(), "--seeds", "1..1", "--jobs", "1", "--out", out.toString());
    assertEquals(ExitCode.VIOLATION, r.exit(), r.err());
    assertTrue(r.out().contains("| 01-does-not-apply | patch-failed |"), r.out());
    assertTrue(r.out().contains("| 02-does-not-compile | build-failed |"), r.out());
    assertTrue(r.out().contains("caught 0 of 2 (0%)"), r.out());
    JsonNode json = new ObjectMapper().readTree(out.resolve("mutate.json").toFile());
    assertEquals(2, json.path("mutants").asInt());
    assertEquals(0, json.path("caught").asInt());
    assertTrue(json.path("results").get(1).path("message").asText().contains("MajorityQuorum"),
        "the build failure names the broken file: " + json);
    assertTrue(Files.readString(out.resolve("mutate.md")).contains("| 02-does-not-compile | build-failed |"));
    assertFalse(Files.exists(out.resolve("scratch-worktree")), "the scratch worktree is removed");
    assertFalse(worktrees().contains(out.resolve("scratch-worktree").toString()), "git forgot the worktree too");
  }

  /** Two patches against this repository: one whose context is not there, one that breaks compilation. */
  private static Path writePatches(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("01-does-not-apply.patch"), header()
        + "@@ -1,3 +1,3 @@\n-package io.tumbler.nowhere;\n+package io.tumbler.elsewhere;\n \n import java.util.Arrays;\n");
    Files.writeString(dir.resolve("02-does-not-compile.patch"), header()
        + "@@ -1,3 +1,4 @@\n package io.tumbler.raft;\n+this line is not Java\n \n import java.util.Arrays;\n");
    return dir;
  }

  private static String header() {
    return "diff --git a/" + QUORUM + " b/" + QUORUM + "\n--- a/" + QUORUM + "\n+++ b/" + QUORUM + "\n";
  }

  private static String worktrees() throws IOException, InterruptedException {
    List<String> lines = new ArrayList<>();
    ShellProcess.run(Path.of("").toAbsolutePath(), List.of("git", "worktree", "list", "--porcelain"), lines::add);
    return String.join("\n", lines);
  }
}
