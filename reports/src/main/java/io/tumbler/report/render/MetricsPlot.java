package io.tumbler.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.report.input.JsonLines;
import io.tumbler.report.view.RunView;
import io.tumbler.runformat.MetricsSample;
import io.tumbler.runformat.RunFormatJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The servers' own metrics over a real-cluster run ({@code metrics.jsonl}, scraped once a second from each
 * node's Prometheus endpoint): commit index and term per node, fault windows shaded behind. A node that was
 * killed or paused has no samples there, so its line breaks off. Absent for simulated runs (no such file).
 */
final class MetricsPlot {
    static final String FILE = "metrics.jsonl";

    private MetricsPlot() {}

    /** The section, or empty when the run directory has no metrics samples. */
    static String section(RunView view) {
        Path file = view.files().dir().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return "";
        }
        List<MetricsSample> samples = new ArrayList<>();
        try {
            for (JsonNode line : JsonLines.read(file).objects()) {
                samples.add(RunFormatJson.mapper().treeToValue(line, MetricsSample.class));
            }
        } catch (IOException | IllegalArgumentException e) {
            return "<section id=\"metrics\">\n<h2>Server metrics</h2>\n<p class=\"sub\">" + FILE + " cannot be read: "
                    + Markup.esc(e.getMessage()) + "</p>\n</section>\n";
        }
        if (samples.isEmpty()) {
            return "";
        }
        double span = Math.max(view.history().horizonNanos(), samples.get(samples.size() - 1).timeNanos()) / 1e9;
        try {
            return "<section id=\"metrics\">\n<h2>Server metrics</h2>\n<p class=\"sub\">Scraped once a second from each "
                    + "node's <code>/metrics</code> endpoint (Prometheus text); a killed or paused node has no samples. "
                    + "Fault windows are shaded.</p>\n<div class=\"plot-wrap\">"
                    + plot(view, samples, "raft_commit_index", "commit index", span, "metrics-commit")
                    + "</div>\n<div class=\"plot-wrap\">" + plot(view, samples, "raft_term", "term", span, "metrics-term")
                    + "</div>\n</section>\n";
        } catch (RuntimeException | LinkageError | java.awt.AWTError e) {
            return "<section id=\"metrics\">\n<h2>Server metrics</h2>\n<p class=\"sub\">The plots could not be drawn on "
                    + "this machine (" + Markup.esc(String.valueOf(e)) + ").</p>\n</section>\n";
        }
    }

    private static String plot(RunView view, List<MetricsSample> samples, String field, String title, double span,
            String id) {
        Map<Integer, List<double[]>> byNode = new TreeMap<>();
        double top = 1;
        for (MetricsSample s : samples) {
            if (s.sample(field) != null) {
                double y = s.sample(field);
                byNode.computeIfAbsent(s.node(), n -> new ArrayList<>()).add(new double[] {s.timeNanos() / 1e9, y});
                top = Math.max(top, y);
            }
        }
        XYChart chart = PlotSvg.chart("wall time (s)", title);
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(span).setYAxisMin(0.0).setYAxisMax(top * 1.1);
        PlotSvg.shadeFaults(chart, view.faults(), top * 1.1, span);
        for (Map.Entry<Integer, List<double[]>> e : byNode.entrySet()) {
            double[] xs = e.getValue().stream().mapToDouble(p -> p[0]).toArray();
            double[] ys = e.getValue().stream().mapToDouble(p -> p[1]).toArray();
            XYSeries line = chart.addSeries("n" + e.getKey(), xs, ys);
            line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            line.setMarker(SeriesMarkers.CIRCLE);
        }
        return PlotSvg.render(chart, id, title + " per node over the run");
    }
}
