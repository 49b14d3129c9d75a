package io.tumbler.lin.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Golden files under {@code linearizability-checker/src/test/resources/golden}: the test compares its
 * output with the checked-in file; run with {@code -Dtumbler.golden.update=true} to rewrite the file
 * instead (and review the diff).
 */
public final class Golden {
  private Golden() {}

  /** Asserts that {@code actual} equals golden file {@code name}, or rewrites it in update mode. */
  public static void assertMatches(String name, String actual) throws IOException {
    Path file = Paths.get(System.getProperty("tumbler.root", ".."))
        .resolve("linearizability-checker/src/test/resources/golden").resolve(name);
    if (Boolean.getBoolean("tumbler.golden.update")) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      return;
    }
    String expected = Files.exists(file) ? Files.readString(file) : "<missing golden file " + file + ">";
    assertEquals(expected, actual, "output differs from " + file + " (rerun with -Dtumbler.golden.update=true to accept)");
  }
}
