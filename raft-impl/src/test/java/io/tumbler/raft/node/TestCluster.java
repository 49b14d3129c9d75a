package io.tumbler.raft.node;

import io.tumbler.raft.FaultPoints;
import io.tumbler.raft.JitterSource;
import io.tumbler.raft.Message;
import io.tumbler.raft.MessageCodec;
import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.Role;
import io.tumbler.raft.storage.MemoryDirectory;
import io.tumbler.raft.storage.SegmentedLog;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * N real {@link RaftNode}s on real {@link SegmentedLog}s over {@link MemoryDirectory} disks, wired by a
 * FIFO in-test network that serializes every message through {@link MessageCodec} (as a real transport
 * would) and can isolate nodes. Deterministic: one thread, seeded jitter, no clock.
 */
final class TestCluster {
    final int size;
    final MemoryDirectory[] disks;
    final RaftNode[] nodes;
    final CounterMachine[] machines;
    final List<Observation> journal = new ArrayList<>();
    final List<String> halts = new ArrayList<>();
    private final Deque<byte[]> inFlight = new ArrayDeque<>();
    private final TreeSet<Integer> isolated = new TreeSet<>();
    private final int snapshotEveryEntries;
    private final java.util.function.IntFunction<StateMachine> machineFactory;
    private final java.util.function.IntFunction<FaultPoints> faultPointsOf;
    /** The state machine of each node's current incarnation. */
    final StateMachine[] stateMachines;
    /** Messages sent, per sender (index by node id), for persist-before-send checks. */
    final int[] sentBy;

    TestCluster(int size, int snapshotEveryEntries) {
        this(size, snapshotEveryEntries, id -> new CounterMachine());
    }

    TestCluster(int size, int snapshotEveryEntries, java.util.function.IntFunction<StateMachine> machineFactory) {
        this(size, snapshotEveryEntries, machineFactory, id -> FaultPoints.NONE);
    }

    /** A cluster whose node {@code id} consults {@code faultPointsOf.apply(id)} in every incarnation. */
    TestCluster(int size, int snapshotEveryEntries, java.util.function.IntFunction<StateMachine> machineFactory,
                java.util.function.IntFunction<FaultPoints> faultPointsOf) {
        this.faultPointsOf = faultPointsOf;
        this.size = size;
        this.snapshotEveryEntries = snapshotEveryEntries;
        this.machineFactory = machineFactory;
        this.stateMachines = new StateMachine[size + 1];
        this.disks = new MemoryDirectory[size + 1];
        this.nodes = new RaftNode[size + 1];
        this.machines = new CounterMachine[size + 1];
        this.sentBy = new int[size + 1];
        for (int id = 1; id <= size; id++) {
            disks[id] = new MemoryDirectory();
            start(id);
        }
    }

    RaftConfig config(int id) {
        List<Integer> peers = new ArrayList<>();
        for (int p = 1; p <= size; p++) {
            peers.add(p);
        }
        return RaftConfig.defaults(id, peers);
    }

    void start(int id) {
        stateMachines[id] = machineFactory.apply(id);
        machines[id] = stateMachines[id] instanceof CounterMachine c ? c : null;
        nodes[id] = RaftNode.builder()
                .config(config(id))
                .jitter(JitterSource.seeded(1000 + id))
                .storage(new SegmentedLog(disks[id], 512))
                .transport(message -> {
                    sentBy[message.from()]++;
                    inFlight.add(MessageCodec.encode(message));
                })
                .stateMachine(stateMachines[id])
                .observer(journal::add)
                .onHalt(reason -> halts.add(id + ": " + reason))
                .snapshotEveryEntries(snapshotEveryEntries)
                .faultPoints(faultPointsOf.apply(id))
                .build();
        nodes[id].start();
    }

    /** Crashes node {@code id} (unsynced writes lost) and restarts it from what its disk kept. */
    void crashAndRestart(int id) {
        disks[id] = disks[id].crash();
        start(id);
    }

    /** Crashes node {@code id} keeping up to {@code keepUnsyncedBytes} of each file's unsynced tail (a torn write). */
    void crashAndRestart(int id, int keepUnsyncedBytes) {
        disks[id] = disks[id].crash(name -> keepUnsyncedBytes);
        start(id);
    }

    /**
     * Delivers the messages now in flight in a shuffled order, dropping each with probability {@code drop}
     * and delivering it twice with probability {@code duplicate}; messages they cause wait for the next call.
     */
    void deliverChaotically(SplitMix rng, double drop, double duplicate) {
        List<byte[]> batch = new ArrayList<>(inFlight);
        inFlight.clear();
        for (int i = batch.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            byte[] t = batch.get(i);
            batch.set(i, batch.get(j));
            batch.set(j, t);
        }
        for (byte[] frame : batch) {
            if (rng.nextDouble() < drop) {
                continue;
            }
            int copies = rng.nextDouble() < duplicate ? 2 : 1;
            for (int c = 0; c < copies; c++) {
                Message message = MessageCodec.decode(frame);
                if (!isolated.contains(message.from()) && !isolated.contains(message.to())) {
                    nodes[message.to()].receive(message);
                }
            }
        }
    }

    void isolate(int id) {
        isolated.add(id);
    }

    void heal() {
        isolated.clear();
    }

    /** Delivers every message in flight (and those they cause) until the network is quiet. */
    void deliverAll() {
        int budget = 1_000_000;
        while (!inFlight.isEmpty()) {
            if (--budget == 0) {
                throw new IllegalStateException("network never went quiet");
            }
            Message message = MessageCodec.decode(inFlight.poll());
            if (isolated.contains(message.from()) || isolated.contains(message.to())) {
                continue;
            }
            nodes[message.to()].receive(message);
        }
    }

    void tickAll() {
        for (int id = 1; id <= size; id++) {
            nodes[id].tick();
        }
    }

    /** Ticks and delivers until {@code done} holds, failing after {@code maxTicks}. */
    void runUntil(Predicate<TestCluster> done, int maxTicks) {
        for (int t = 0; t < maxTicks; t++) {
            deliverAll();
            if (done.test(this)) {
                return;
            }
            tickAll();
        }
        deliverAll();
        if (!done.test(this)) {
            throw new AssertionError("condition not reached within " + maxTicks + " ticks");
        }
    }

    /** The single leader among non-isolated nodes, or 0. */
    int leader() {
        int found = 0;
        for (int id = 1; id <= size; id++) {
            if (!isolated.contains(id) && nodes[id].role() == Role.LEADER) {
                found = id;
            }
        }
        return found;
    }

    int electLeader() {
        runUntil(c -> c.leader() != 0, 500);
        // Let the leader commit its no-op entry so reads and commands are served.
        int leader = leader();
        runUntil(c -> c.nodes[leader].status().commitIndex() >= c.nodes[leader].status().lastIndex(), 100);
        return leader;
    }

    boolean allApplied(long index) {
        for (int id = 1; id <= size; id++) {
            if (!isolated.contains(id) && nodes[id].appliedIndex() < index) {
                return false;
            }
        }
        return true;
    }

    int inFlightCount() {
        return inFlight.size();
    }

    <T extends Observation> List<T> observations(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Observation o : journal) {
            if (type.isInstance(o)) {
                out.add(type.cast(o));
            }
        }
        return out;
    }
}
