package io.tumbler.sim.bench;

import io.tumbler.sim.kernel.RunBudget;
import io.tumbler.sim.kernel.RunOutcome;
import io.tumbler.sim.kernel.RunResult;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.net.LinkProfile;
import io.tumbler.sim.net.MessageCodec;
import io.tumbler.sim.net.SimNetwork;
import io.tumbler.sim.process.ProcessHost;
import io.tumbler.sim.random.DelayDistribution;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.trace.TraceJournal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The simulator's standard throughput workload: 5 processes each keeping 8 pings outstanding over a network
 * with 2% loss, 1% duplication, 10% reordering (up to 500 us extra) and a partition schedule that changes the
 * topology every 50 ms of simulated time (heal, isolate a node, block one direction of a link, split in two);
 * retransmission timers re-send lost pings.
 *
 * <p>Wall time is measured here, outside the kernel, with {@code System.nanoTime} (this package is exempt from
 * the determinism rules for exactly that reason); the kernel never sees it, so the fingerprint is unaffected.
 */
public final class PingPongBench {
    /** Processes in the workload. */
    public static final int PROCESSES = 5;
    /** Pings each process keeps outstanding. */
    public static final int CONVERSATIONS = 8;
    private static final long RETRANSMIT_NANOS = 2_000_000;
    private static final long TOPOLOGY_PERIOD_NANOS = 50_000_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private PingPongBench() {
    }

    /** Runs the workload for {@code simulatedSeconds} with {@code seed} and times it. */
    public static PingPongResult run(long seed, double simulatedSeconds) {
        long endNanos = (long) (simulatedSeconds * NANOS_PER_SECOND);
        PingPongWorld world = build(seed, TraceJournal.fingerprintOnly());
        Simulation simulation = world.simulation();
        long wallStart = System.nanoTime();
        RunResult result = simulation.runUntil(endNanos);
        long wallNanos = Math.max(1, System.nanoTime() - wallStart);
        if (result.outcome() != RunOutcome.REACHED_TIME) {
            throw new IllegalStateException("ping-pong bench did not finish: " + result.message());
        }
        double wallSeconds = wallNanos / 1e9;
        return new PingPongResult(seed, simulatedSeconds, result.eventsExecuted(),
                simulation.journal().recordCount(), world.network().counters().sent(), wallNanos,
                result.eventsExecuted() / wallSeconds, simulatedSeconds / wallSeconds, result.fingerprint());
    }

    /**
     * Builds the world for {@code seed} without running it: processes started, topology schedule queued. Tests use
     * it to run the world under their own control and inspect the network afterwards.
     */
    public static PingPongWorld build(long seed, TraceJournal journal) {
        Simulation simulation = new Simulation(seed, RunBudget.generous(), journal);
        LinkProfile profile = LinkProfile.reliable(DelayDistribution.exponentialWithMin(100_000, 200_000))
                .withLossRate(0.02)
                .withDuplicationRate(0.01)
                .withReordering(0.10, 500_000);
        SimNetwork<PingPongMessage> network =
                new SimNetwork<>(simulation, MessageCodec.immutable(PingPongMessage::digest), profile);
        ProcessHost<PingPongMessage> host = ProcessHost.create(simulation, network);
        for (int i = 0; i < PROCESSES; i++) {
            host.add("p" + i, () -> new PingPongPeer(CONVERSATIONS, RETRANSMIT_NANOS));
        }
        for (int i = 0; i < PROCESSES; i++) {
            host.start(i);
        }
        scheduleTopologyChange(simulation, network, simulation.streams().stream("nemesis"), TOPOLOGY_PERIOD_NANOS);
        return new PingPongWorld(simulation, network, host);
    }

    private static void scheduleTopologyChange(Simulation simulation, SimNetwork<PingPongMessage> network,
                                               RandomStream nemesis, long atNanos) {
        simulation.schedule(atNanos, "topology", () -> {
            changeTopology(network, nemesis);
            scheduleTopologyChange(simulation, network, nemesis, atNanos + TOPOLOGY_PERIOD_NANOS);
        });
    }

    private static void changeTopology(SimNetwork<PingPongMessage> network, RandomStream nemesis) {
        int a = nemesis.nextInt(PROCESSES);
        int b = (a + 1 + nemesis.nextInt(PROCESSES - 1)) % PROCESSES;
        switch (nemesis.nextInt(4)) {
            case 0:
                network.heal();
                break;
            case 1:
                network.isolate(a);
                break;
            case 2:
                network.block(a, b);
                break;
            default:
                network.partition(new int[] {a, b}, others(a, b));
                break;
        }
    }

    private static int[] others(int a, int b) {
        int[] rest = new int[PROCESSES - 2];
        int next = 0;
        for (int i = 0; i < PROCESSES; i++) {
            if (i != a && i != b) {
                rest[next++] = i;
            }
        }
        return rest;
    }

    /**
     * Warms up (8 runs of 5 simulated seconds, enough for C2 to compile the hot loop), then measures 5 runs of 20
     * simulated seconds. About 3 to 6 wall seconds in all.
     */
    public static PingPongMeasurement measure() {
        return measure(8, 5.0, 5, 20.0);
    }

    /** Warms up {@code warmupRuns} times, then measures {@code runs} runs with seeds 1..runs. */
    public static PingPongMeasurement measure(int warmupRuns, double warmupSeconds, int runs, double seconds) {
        for (int i = 0; i < warmupRuns; i++) {
            run(-1 - i, warmupSeconds);
        }
        List<PingPongResult> results = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            results.add(run(i, seconds));
        }
        List<PingPongResult> sorted = new ArrayList<>(results);
        sorted.sort(Comparator.comparingDouble(PingPongResult::eventsPerSecond));
        return new PingPongMeasurement(warmupRuns, List.copyOf(results), sorted.get(sorted.size() / 2));
    }

    /** Prints {@link #measure()} as JSON. */
    public static void main(String[] args) {
        System.out.println(measure().toJson());
    }
}
