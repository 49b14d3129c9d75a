package io.tumbler.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tumbler.report.view.RunView;
import org.junit.jupiter.api.Test;

/**
 * The run report's diagrams: drawn by Graphviz when an engine runs (V8 here), and when it is forced off the
 * report still comes out, with our own connectivity SVG, plain notes instead of the new diagrams, and small
 * print saying which engine drew what.
 */
class RunDiagramsTest {
  private static String section(String html, String id) {
    int at = html.lastIndexOf("<section", html.indexOf("id=\"" + id + "\">"));
    assertTrue(at >= 0, "section " + id);
    return html.substring(at, html.indexOf("</section>", at) + "</section>".length());
  }

  @Test
  void withAnEngineTheStaleReadGetsAllThreeDiagramsAsWellFormedSvg() throws Exception {
    assumeTrue(V8Natives.platformMatches(), "graphviz-java's V8 natives exist for Linux x86_64 here");
    RunView view = DiagramDotTest.staleRun();
    String html = RunHtml.render(view, GraphvizRenderer.shared());
    SvgXml sequence = SvgXml.parse(section(html, "sequence").replace("✕", "x"));
    assertEquals(4, sequence.count("//*[@id='sequence-graph0']//*[local-name()='g' and @class='node' and "
        + "starts-with(*[local-name()='title'], 'lane')]"), "a header per lane");
    assertTrue(sequence.text("//*[@id='sequence-graph0']").contains("Reply #1 OK"));
    assertTrue(html.contains("id=\"counterexample-0-states-graph0\""), "the model-state path is drawn");
    assertTrue(html.contains("<figure class=\"cluster\" data-times=\"1\" aria-label=\"cluster during isolate the leader (n1)\">"
        + "<div class=\"graphviz cluster-graph\"><svg"), "connectivity drawn by Graphviz");
    assertFalse(html.contains("diagram unavailable"));
    assertTrue(html.contains("Diagrams drawn by: " + GraphvizRenderer.shared().describe() + ".</p>"));
  }

  @Test
  void forcedOffTheReportFallsBackAndSaysSo() {
    String html = RunHtml.render(DiagramDotTest.staleRunUnchecked(), GraphvizRenderer.off("forced off by the test"));
    assertTrue(section(html, "sequence").contains("diagram unavailable: forced off by the test"));
    assertTrue(html.contains("<h3>Model states along the longest linearization</h3>"));
    assertTrue(section(html, "counterexample-0").contains("diagram unavailable: forced off by the test"));
    assertTrue(section(html, "faults").contains("<svg id=\"cluster-0\" class=\"cluster\""), "our own SVG instead");
    assertTrue(html.contains("Diagrams drawn by: none (forced off by the test); cluster connectivity drawn by "
        + "Tumbler's own SVG."));
  }
}
