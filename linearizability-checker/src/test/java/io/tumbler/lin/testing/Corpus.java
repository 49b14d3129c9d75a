package io.tumbler.lin.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * The third-party corpus at {@code ${tumbler.root}/../shared/corpus} (read in place, never copied) and its
 * two indexes, verdicts.csv and first-bad-op.csv. Tests that need it call {@link #require()}, which skips
 * them with a clear message when the directory is absent.
 */
public final class Corpus {
  private Corpus() {}

  /** One row of verdicts.csv. */
  public record Verdict(String file, String model, boolean linearizable, int ops) {}

  /** One row of first-bad-op.csv: Knossos's {@code :op} for a non-linearizable file. */
  public record FirstBadOp(String file, long index, long process, String f, String value) {}

  /** The corpus directory (it may not exist). */
  public static Path dir() {
    String root = System.getProperty("tumbler.root", "..");
    return Paths.get(root).resolve("../shared/corpus").normalize();
  }

  /** The corpus directory; skips the calling test when it is absent. */
  public static Path require() {
    Path dir = dir();
    Assumptions.assumeTrue(Files.isDirectory(dir),
        "SKIPPED: the linearizability corpus is not at " + dir + " (expected ../shared/corpus beside the repository)");
    return dir;
  }

  /** Every row of verdicts.csv. */
  public static List<Verdict> verdicts() {
    List<Verdict> rows = new ArrayList<>();
    for (String[] cells : rows("verdicts.csv")) {
      rows.add(new Verdict(cells[0], cells[1], Boolean.parseBoolean(cells[2]), Integer.parseInt(cells[3])));
    }
    return rows;
  }

  /** Every row of first-bad-op.csv. */
  public static List<FirstBadOp> firstBadOps() {
    List<FirstBadOp> rows = new ArrayList<>();
    for (String[] cells : rows("first-bad-op.csv")) {
      String value = cells[4].replace("\"", "");
      rows.add(new FirstBadOp(cells[0], Long.parseLong(cells[1]), Long.parseLong(cells[2]), cells[3].substring(1), value));
    }
    return rows;
  }

  private static List<String[]> rows(String name) {
    try {
      List<String> lines = Files.readAllLines(require().resolve(name));
      List<String[]> rows = new ArrayList<>();
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          rows.add(line.split(","));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
