package io.tumbler.report.render;

import io.tumbler.report.view.OpOutcome;
import io.tumbler.report.view.RunView;
import io.tumbler.runformat.RealClusterRun;
import io.tumbler.runformat.RunRecord;
import java.util.Locale;

/**
 * The facts table of a real-cluster run ({@code run.json} {@code mode: "real-cluster"}, its facts a
 * {@link RealClusterRun}): no simulated time, events or fingerprint, but the nodes, their ports and processes, the
 * clients and the nemesis. A real run cannot be replayed or shrunk; its command runs the same fault schedule and
 * operations again against new processes.
 */
final class RealClusterFacts {
    private RealClusterFacts() {}

    static boolean applies(RunView view) {
        return RunRecord.REAL_CLUSTER.equals(view.files().run().mode());
    }

    static String table(RunView view) {
        RunRecord run = view.files().run();
        RealClusterRun real = run.realCluster();
        StringBuilder b = new StringBuilder("<table class=\"facts\">\n");
        if (real == null) {
            RunHtml.row(b, "mode", "real cluster (run.json does not hold the cluster's facts: processes, ports and"
                    + " nemesis are not shown)");
            real = new RealClusterRun(0, 0, 0, 0, 0, null, 0, 0, null, null);
        } else {
            RunHtml.row(b, "mode", "real cluster: " + real.nodes() + " server processes on 127.0.0.1, "
                    + real.clients() + " client threads");
        }
        RunHtml.row(b, "seed", run.seed() + "  (draws the faults and operations; the run itself is not"
                + " reproducible)");
        RunHtml.row(b, "commit", run.commit() == null ? "unknown" : run.commit());
        RunHtml.row(b, "model", String.valueOf(run.model()));
        RunHtml.row(b, "nemesis", String.join(", ", real.nemesis()));
        RunHtml.row(b, "duration", String.format(Locale.ROOT, "%.1f s of clients, the last %.1f s quiet (healed at %.1f s)",
                real.durationMillis() / 1000.0, real.quietMillis() / 1000.0, real.healMillis() / 1000.0));
        RunHtml.row(b, "wall time", run.wallMillis() + " ms (start-up and checking included)");
        RunHtml.row(b, "operations", view.history().ops().size() + " (" + view.history().count(OpOutcome.OK) + " ok, "
                + view.history().count(OpOutcome.FAIL) + " fail, " + view.history().count(OpOutcome.INFO) + " info, "
                + view.history().count(OpOutcome.PENDING) + " pending), " + real.retries() + " retries");
        for (RealClusterRun.Server s : real.servers()) {
            RunHtml.row(b, "n" + s.id(), server(s));
        }
        RunHtml.row(b, "run directory", view.files().dir().toString());
        return b.append("</table>\n").toString();
    }

    private static String server(RealClusterRun.Server s) {
        RealClusterRun.FinalStatus st = s.finalStatus();
        String status = st != null
                ? String.valueOf(st.role()).toLowerCase(Locale.ROOT) + " in term " + st.term() + ", commit "
                        + st.commitIndex() + ", applied " + st.appliedIndex()
                : "did not answer at the end";
        return "port " + s.clientPort() + "; " + status + (s.unexpectedExits().isEmpty() ? ""
                : "; exited on its own with " + s.unexpectedExits().stream().map(String::valueOf)
                        .collect(java.util.stream.Collectors.joining(", "))) + "; log " + s.log();
    }
}
