package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every mutant in {@code examples/mutants} and {@code examples/mutants-2} still applies to this tree as it stands,
 * without a three-way merge:
 * a change to the code a mutant touches must bring its patch along, or the mutation score would quietly count a
 * mutant that no longer exists ({@code tumbler mutate} reports it only as patch-failed, in a campaign).
 */
class ExampleMutantsApplyTest {
  @Test
  void everyExamplePatchAppliesCleanly() throws IOException, InterruptedException {
    assertEveryPatchApplies("examples/mutants", 20);
  }

  @Test
  void everySecondSetPatchAppliesCleanly() throws IOException, InterruptedException {
    assertEveryPatchApplies("examples/mutants-2", 10);
  }

  private static void assertEveryPatchApplies(String directory, int atLeast) throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path mutants = root.resolve(directory);
    List<Path> patches;
    try (Stream<Path> files = Files.list(mutants)) {
      patches = files.filter(p -> p.toString().endsWith(".patch")).sorted().toList();
    }
    assertTrue(patches.size() >= atLeast, "the mutants of " + directory + " are there: " + patches);
    for (Path patch : patches) {
      Process git = new ProcessBuilder("git", "apply", "--check", patch.toString()).directory(root.toFile())
          .redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, git.waitFor(), directory + "/" + patch.getFileName() + " no longer applies: " + out);
    }
  }
}
