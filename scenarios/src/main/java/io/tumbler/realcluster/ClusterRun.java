package io.tumbler.realcluster;

import io.tumbler.lin.CheckResult;
import io.tumbler.lin.Checker;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.history.History;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.scenario.run.CheckReport;
import io.tumbler.scenario.workload.ReadMode;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.scenario.workload.Workloads;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One real-cluster run, start to verdict: picks free ports, starts the proxies and the server processes, waits
 * for a leader, runs the clients and the nemesis for the fault window, heals everything, keeps the clients going
 * through the quiet period until some operation completes (liveness), stops everything, and checks the history.
 * Every server process is stopped before this returns or throws; a JVM shutdown hook covers Ctrl-C.
 */
public final class ClusterRun {
    /** How long the servers get to start serving (several JVMs start at once on a small machine). */
    private static final long START_TIMEOUT_MILLIS = 60_000;
    /** How long a leader may take to emerge, at start and after the final heal. */
    private static final long LIVENESS_BUDGET_MILLIS = 15_000;
    /** Operations the quiet period may start beyond the request budget: enough to show progress. */
    private static final long QUIET_ALLOWANCE_PER_CLIENT = 20;

    private final ClusterOptions options;
    private final PrintWriter progress;
    private final List<String> notes = new ArrayList<>();
    private Map<Integer, Integer> metricsPorts = Map.of();

    private ClusterRun(ClusterOptions options, PrintWriter progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Runs {@code options} and returns its result (the run directory is not written here).
     *
     * @throws ClusterStartException when a server exits or never serves at start ({@code refused()} when it
     *     refused its configuration)
     */
    public static ClusterResult run(ClusterOptions options, PrintWriter progress) throws IOException,
            InterruptedException {
        return new ClusterRun(options, progress).run();
    }

    private ClusterResult run() throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        PortReservation reserved = PortReservation.of(options.nodes());
        PortReservation metricsReserved = PortReservation.of(options.nodes());
        TreeMap<Integer, Integer> realPorts = reserved.ports();
        metricsPorts = metricsReserved.ports();
        try (ProxyMesh mesh = startMesh(reserved, metricsReserved);
                DiskVolumes volumes = volumes(new ArrayList<>(realPorts.keySet()))) {
            List<ServerProcess> processes = new ArrayList<>();
            for (int id : realPorts.keySet()) {
                processes.add(new ServerProcess(id, realPorts.get(id), metricsPorts.get(id),
                        mesh.portsSeenBy(id, realPorts.get(id)), nodeDir(id),
                        volumes.dataDirectory(id, nodeDir(id).resolve("data")), bugFlags()));
            }
            try (ServerFleet fleet = new ServerFleet(processes)) {
                start(fleet);
                Phases phases = runPhases(fleet, mesh, realPorts, volumes);
                List<ServerSummary> servers = summaries(fleet);
                fleet.close();
                return verdict(phases, servers, mesh.ports(), (System.nanoTime() - startNanos) / 1_000_000);
            }
        }
    }

    /**
     * A file system per node when a disk fault kind is on and this machine can make them; else none, and the disk
     * kinds are left out of the schedule, saying so in one line (a fault that cannot happen is never recorded).
     */
    private DiskVolumes volumes(List<Integer> nodes) throws IOException {
        if (options.nemesis().stream().noneMatch(NemesisKind::needsVolumes)) {
            return DiskVolumes.none();
        }
        Optional<String> unavailable = DiskVolume.unavailableReason(options.out().resolve("nodes").resolve("disk-probe"));
        if (unavailable.isPresent()) {
            String line = "disk faults unavailable (need root with mount, loop devices, mkfs.ext4, e2fsck): "
                    + unavailable.get() + "; disk-full and disk-readonly left out of the schedule";
            notes.add(line);
            say(line);
            return DiskVolumes.none();
        }
        say("data directories on a " + (DiskVolume.IMAGE_BYTES >> 20) + " MiB loop-mounted ext4 file system each");
        return DiskVolumes.create(nodes, options.out().resolve("nodes"));
    }

    /** The fault kinds the schedule draws from: the options' kinds, without disk kinds when there are no volumes. */
    private EnumSet<NemesisKind> scheduledKinds(DiskVolumes volumes) {
        EnumSet<NemesisKind> kinds = options.nemesis().clone();
        if (volumes.all().isEmpty()) {
            kinds.removeIf(NemesisKind::needsVolumes);
        }
        return kinds;
    }

    private List<String> bugFlags() {
        return options.bugs().isEmpty() ? List.of() : List.of("--bug", String.join(",", options.bugs()));
    }

    private Path nodeDir(int id) {
        return options.out().resolve("nodes").resolve("n" + id);
    }

    private void start(ServerFleet fleet) throws IOException, InterruptedException {
        say("starting " + options.nodes() + " server processes (logs in " + options.out().resolve("nodes") + ")");
        fleet.startAll();
        try {
            fleet.awaitServing(START_TIMEOUT_MILLIS);
        } catch (ServerFleet.NodeStartFailure e) {
            throw new ClusterStartException(e.getMessage(), e.exitCode() == 2, e);
        }
    }

    /** What the timed part of the run produced. */
    private record Phases(ClientDriver driver, Nemesis nemesis, NemesisSchedule schedule, long healNanos,
                          int firstLeader, long lastOkNanos) {}

    private Phases runPhases(ServerFleet fleet, ProxyMesh mesh, Map<Integer, Integer> realPorts, DiskVolumes volumes)
            throws IOException, InterruptedException {
        int leader = fleet.awaitLeader(LIVENESS_BUDGET_MILLIS);
        say(leader > 0 ? "n" + leader + " leads; running clients and faults for " + options.durationText()
                : "no leader after " + LIVENESS_BUDGET_MILLIS + " ms; running anyway");
        RunClock clock = new RunClock();
        NemesisSchedule schedule = NemesisSchedule.draw(options.seed(), fleet.ids(), scheduledKinds(volumes),
                options.faultWindowMillis());
        Workload workload = Workloads.create(options.workload(), options.clients(), ReadMode.LINEARIZABLE);
        ClientDriver driver = new ClientDriver(workload, options.seed(), realPorts, options.clients(),
                options.maxRequests(), clock, ClientTiming.DEFAULT);
        Nemesis nemesis = new Nemesis(schedule, fleet, mesh, clock, volumes);
        MetricsScraper scraper = new MetricsScraper(metricsPorts, clock, options.out().resolve("metrics.jsonl"));
        driver.start();
        nemesis.start();
        scraper.start();
        try (scraper) {
            clock.sleepUntilMillis(options.faultWindowMillis());
            nemesis.stop();
            nemesis.healAll();
            long healNanos = clock.nanos();
            say("healed everything at " + healNanos / 1_000_000 + " ms; quiet period");
            driver.allowMore(QUIET_ALLOWANCE_PER_CLIENT * options.clients());
            clock.sleepUntilMillis(options.durationMillis());
            long giveUpMillis = clock.millis() + LIVENESS_BUDGET_MILLIS;
            while (driver.lastOkNanos() <= healNanos && clock.millis() < giveUpMillis && driver.anyRunning()) {
                Thread.sleep(100);
            }
            return new Phases(driver, nemesis, schedule, healNanos, leader, driver.lastOkNanos());
        } finally {
            driver.stopNewOperations();
            driver.awaitFinished(ClientTiming.DEFAULT.operationDeadlineMillis() + 5_000);
            nemesis.stop();
        }
    }

    private List<ServerSummary> summaries(ServerFleet fleet) {
        var statuses = fleet.statuses();
        List<ServerSummary> out = new ArrayList<>();
        for (ServerProcess p : fleet.all()) {
            String log = options.out().relativize(p.logFile()).toString();
            out.add(new ServerSummary(p.id(), p.clientPort(), p.metricsPort(), p.command(), log, statuses.get(p.id()),
                    p.unexpectedExits()));
        }
        return out;
    }

    private ClusterResult verdict(Phases phases, List<ServerSummary> servers, Map<String, Integer> proxyPorts,
            long wallMillis) {
        say("checking " + phases.driver().history().operations().size() + " history events");
        Workload workload = Workloads.create(options.workload(), options.clients(), ReadMode.LINEARIZABLE);
        History history = phases.driver().history();
        CheckResult lin = new Checker(CheckerOptions.defaults().withTimeLimit(options.checkTimeLimit()))
                .check(Models.named(workload.model(), ModelOptions.defaults()), history);
        List<CheckReport> checks = List.of(ClusterChecks.linearizability(lin), ClusterChecks.liveness(phases.firstLeader(),
                phases.healNanos(), phases.lastOkNanos()), ClusterChecks.processes(servers));
        ClusterOutcome outcome = ClusterChecks.outcome(checks);
        return new ClusterResult(options, outcome, checks, history, workload.model(), lin, phases.schedule(),
                phases.nemesis().applied(), servers, proxyPorts, phases.healNanos(), wallMillis,
                phases.driver().retries(), notes);
    }

    /** Binds the proxies while the servers' ports are still held, so no proxy can take one of them. */
    private ProxyMesh startMesh(PortReservation reserved, PortReservation metricsReserved) throws IOException {
        try (reserved; metricsReserved) {
            return ProxyMesh.start(reserved.ports(), options.seed());
        }
    }

    private void say(String line) {
        if (progress != null) {
            progress.println("  " + line);
            progress.flush();
        }
    }
}
