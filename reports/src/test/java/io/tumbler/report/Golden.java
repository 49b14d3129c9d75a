package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files in src/test/resources/golden: the test compares, and {@code -Dtumbler.golden.update=true}
 * rewrites them for review in the diff.
 */
public final class Golden {
  private Golden() {}

  /**
   * Compares {@code actual} with the golden file; the machine-specific location of the test fixtures and
   * temporary directories is replaced by {@code <fixtures>} and {@code <temp>} first.
   */
  static void check(String name, String actual, Path temp) throws IOException {
    String fixtures = Fixtures.run("stale-run").getParent().toString();
    check(name, actual.replace(fixtures, "<fixtures>").replace(temp.toString(), "<temp>"));
  }

  public static void check(String name, String actual) throws IOException {
    Path root = Path.of(System.getProperty("tumbler.root", ".."));
    Path file = root.resolve("reports/src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("tumbler.golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    String expected = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "(no golden file " + file + ")";
    assertEquals(expected, actual, "output differs from " + file + "; if the change is intended, rerun with "
        + "-Dtumbler.golden.update=true and review the diff");
  }
}
