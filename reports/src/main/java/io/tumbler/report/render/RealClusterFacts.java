package io.tumbler.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.report.view.OpOutcome;
import io.tumbler.report.view.RunView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The facts table of a real-cluster run ({@code run.json} {@code mode: "real-cluster"}): no simulated time, events
 * or fingerprint, but the nodes, their ports and processes, the clients and the nemesis. A real run cannot be
 * replayed or shrunk; its command runs the same fault schedule and operations again against new processes.
 */
final class RealClusterFacts {
    /** run.json's {@code mode} for runs of {@code tumbler cluster}. */
    static final String MODE = "real-cluster";

    private RealClusterFacts() {}

    static boolean applies(RunView view) {
        return MODE.equals(view.files().run().mode());
    }

    static String table(RunView view) {
        JsonNode run = view.files().realClusterRun();
        StringBuilder b = new StringBuilder("<table class=\"facts\">\n");
        RunHtml.row(b, "mode", "real cluster: " + run.path("nodes").asInt() + " server processes on 127.0.0.1, "
                + run.path("clients").asInt() + " client threads");
        RunHtml.row(b, "seed", run.path("seed").asText() + "  (draws the faults and operations; the run itself is not"
                + " reproducible)");
        RunHtml.row(b, "commit", run.path("commit").asText("unknown"));
        RunHtml.row(b, "model", run.path("model").asText());
        RunHtml.row(b, "nemesis", String.join(", ", texts(run.path("nemesis"))));
        RunHtml.row(b, "duration", String.format(Locale.ROOT, "%.1f s of clients, the last %.1f s quiet (healed at %.1f s)",
                run.path("durationMillis").asLong() / 1000.0, run.path("quietMillis").asLong() / 1000.0,
                run.path("healMillis").asLong() / 1000.0));
        RunHtml.row(b, "wall time", run.path("wallMillis").asLong() + " ms (start-up and checking included)");
        RunHtml.row(b, "operations", view.history().ops().size() + " (" + view.history().count(OpOutcome.OK) + " ok, "
                + view.history().count(OpOutcome.FAIL) + " fail, " + view.history().count(OpOutcome.INFO) + " info, "
                + view.history().count(OpOutcome.PENDING) + " pending), " + run.path("retries").asLong() + " retries");
        for (JsonNode s : run.path("servers")) {
            RunHtml.row(b, "n" + s.path("id").asInt(), server(s));
        }
        RunHtml.row(b, "run directory", view.files().dir().toString());
        return b.append("</table>\n").toString();
    }

    private static String server(JsonNode s) {
        JsonNode st = s.path("finalStatus");
        String status = st.isObject()
                ? st.path("role").asText().toLowerCase(Locale.ROOT) + " in term " + st.path("term").asLong()
                        + ", commit " + st.path("commitIndex").asLong() + ", applied " + st.path("appliedIndex").asLong()
                : "did not answer at the end";
        List<String> exits = texts(s.path("unexpectedExits"));
        return "port " + s.path("clientPort").asInt() + "; " + status
                + (exits.isEmpty() ? "" : "; exited on its own with " + String.join(", ", exits)) + "; log "
                + s.path("log").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
