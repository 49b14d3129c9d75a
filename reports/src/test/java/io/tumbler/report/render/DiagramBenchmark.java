package io.tumbler.report.render;

import io.tumbler.report.input.RunFiles;
import io.tumbler.report.view.MessageSequence;
import io.tumbler.report.view.RunView;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures the Graphviz diagrams of a run report: the engine's start, the failure window read from
 * trace.jsonl, each diagram's drawing (median of 10 after a warm-up), and the page's size with the diagrams
 * against the same page with the engine off (the baseline, measured in the same run). Prints figures;
 * asserts nothing about time.
 *
 * <p>Run: {@code mvn -q -o -pl reports test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.tumbler.report.render.DiagramBenchmark -Dexec.args=/path/to/run-dir
 * -Dtumbler.cache.dir=target/graphviz-cache}; without an argument it uses the stale-run fixture.
 */
public final class DiagramBenchmark {
  private DiagramBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0])
        : Path.of(DiagramBenchmark.class.getResource("/fixtures/stale-run").toURI());
    long t0 = System.nanoTime();
    GraphvizRenderer graphviz = GraphvizRenderer.shared();
    System.out.printf(Locale.ROOT, "engine: %s; started in %.0f ms%n", graphviz.describe(), (System.nanoTime() - t0) / 1e6);
    RunView view = RunView.of(RunFiles.read(dir));
    double readMillis = median(() -> MessageSequence.of(view));
    MessageSequence seq = MessageSequence.of(view);
    System.out.printf(Locale.ROOT, "failure window from trace.jsonl: %d messages kept, %d left out, read in %.1f ms%n",
        seq.messages().size(), seq.leftOut(), readMillis);
    String sequenceDot = SequenceDot.dot(seq);
    System.out.printf(Locale.ROOT, "sequence diagram: %.1f ms%n",
        median(() -> graphviz.draw(sequenceDot, GraphvizRenderer.Layout.NEATO, "s")));
    if (!view.counterexamples().isEmpty()) {
      String statesDot = StatePathDot.dot(view.counterexamples().get(0));
      System.out.printf(Locale.ROOT, "model-state diagram: %.1f ms%n",
          median(() -> graphviz.draw(statesDot, GraphvizRenderer.Layout.DOT, "p")));
    }
    int[] nodes = ConnectivitySvg.nodesOf(view.faults(), view.files().journal());
    System.out.printf(Locale.ROOT, "connectivity diagrams (all windows): %.1f ms%n",
        median(() -> ConnectivityDot.render(view.faults(), nodes, graphviz)));
    int with = RunHtml.render(view, graphviz).getBytes(StandardCharsets.UTF_8).length;
    int without = RunHtml.render(view, GraphvizRenderer.off("baseline")).getBytes(StandardCharsets.UTF_8).length;
    System.out.printf(Locale.ROOT, "page: %,d bytes with diagrams, %,d without (%.2fx, +%,d bytes)%n", with, without,
        (double) with / without, with - without);
  }

  private static double median(Supplier<?> work) {
    work.get();
    double[] millis = new double[10];
    for (int i = 0; i < millis.length; i++) {
      long t = System.nanoTime();
      work.get();
      millis[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(millis);
    return (millis[4] + millis[5]) / 2;
  }
}
