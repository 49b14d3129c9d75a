package io.tumbler.sim.net;

import io.tumbler.sim.kernel.Admission;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.random.NameHash;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.trace.DropReason;
import io.tumbler.sim.trace.TraceJournal;
import io.tumbler.sim.trace.TraceType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A simulated datagram network between nodes identified by small ints {@code 0..nodeCount-1} (the process ids
 * of {@code io.tumbler.sim.process.ProcessHost}, which also keeps their names).
 *
 * <p>Semantics, in the order they apply to one {@link #send}:
 * <ol>
 *   <li>The message is encoded once (unless the codec {@linkplain MessageCodec#sharesInstances() shares
 *       instances}); each delivered copy is decoded from those bytes, so receivers see the value at send time.
 *   <li>A blocked link (partition) drops it; then the link's loss rate may drop it.
 *   <li>Otherwise it is scheduled after the link's latency (plus the reordering delay for a fraction of
 *       messages), addressed to the receiver's current incarnation; a duplicate may be scheduled independently.
 *   <li>On arrival: dropped if the link is now blocked (a partition cuts messages in flight too); held if the
 *       link or either end is clogged (released, in arrival order, when unclogged); dropped if that
 *       incarnation has crashed; deferred to the resume if the receiver is paused; else handed to it.
 * </ol>
 * All draws come from the {@code network} stream. A node's link to itself is never blocked.
 *
 * @param <M> the message type
 */
public final class SimNetwork<M> {
    private final Simulation simulation;
    private final TraceJournal journal;
    private final MessageCodec<M> codec;
    private final RandomStream random;
    private final Connectivity links = new Connectivity();
    private LinkProfile defaultProfile;
    private LinkProfile[][] profiles = new LinkProfile[0][0];
    private NetworkReceiver<M> receiver;
    private final List<InFlight<M>> held = new ArrayList<>();
    private long sent;
    private long delivered;
    private long duplicated;
    private long droppedByLoss;
    private long droppedByPartition;
    private long droppedAtDownProcess;

    /** A network with no nodes yet, every link behaving as {@code defaultProfile}. */
    public SimNetwork(Simulation simulation, MessageCodec<M> codec, LinkProfile defaultProfile) {
        this.simulation = simulation;
        this.journal = simulation.journal();
        this.codec = codec;
        this.defaultProfile = defaultProfile;
        this.random = simulation.streams().stream("network");
    }

    /** Connects the process layer; exactly once, before the first send. */
    public void attach(NetworkReceiver<M> newReceiver) {
        if (receiver != null) {
            throw new IllegalStateException("network already has a receiver");
        }
        receiver = newReceiver;
    }

    /** Makes nodes {@code 0..nodeCount-1} known; new nodes are connected to everyone, unclogged. */
    public void ensureNodes(int nodeCount) {
        links.ensureSize(nodeCount);
        if (profiles.length < nodeCount) {
            LinkProfile[][] bigger = new LinkProfile[nodeCount][];
            for (int i = 0; i < nodeCount; i++) {
                bigger[i] = i < profiles.length ? Arrays.copyOf(profiles[i], nodeCount) : new LinkProfile[nodeCount];
            }
            profiles = bigger;
        }
    }

    /** Number of known nodes. */
    public int nodeCount() {
        return links.size();
    }

    /** Sends {@code message} from {@code from} to {@code to}; see the class comment for what may happen to it. */
    public void send(int from, int to, M message) {
        checkNode(from);
        checkNode(to);
        if (receiver == null) {
            throw new IllegalStateException("network has no receiver attached");
        }
        sent++;
        byte[] bytes = codec.sharesInstances() ? null : codec.encode(message);
        long digest = bytes == null ? codec.digest(message) : NameHash.of(bytes);
        journal.record(TraceType.MESSAGE_SEND, simulation.nowNanos(), from, to, digest, message);
        if (links.isBlocked(from, to)) {
            drop(from, to, DropReason.PARTITION);
            return;
        }
        LinkProfile profile = profile(from, to);
        if (random.chance(profile.lossRate())) {
            drop(from, to, DropReason.LOSS);
            return;
        }
        int incarnation = receiver.incarnation(to);
        dispatch(profile, new InFlight<>(this, from, to, incarnation, copyOf(message, bytes), digest));
        if (random.chance(profile.duplicationRate())) {
            duplicated++;
            journal.record(TraceType.MESSAGE_DUPLICATE, simulation.nowNanos(), from, to, digest);
            dispatch(profile, new InFlight<>(this, from, to, incarnation, copyOf(message, bytes), digest));
        }
    }

    private M copyOf(M message, byte[] bytes) {
        return bytes == null ? message : codec.decode(bytes);
    }

    private void dispatch(LinkProfile profile, InFlight<M> message) {
        long delayNanos = profile.latency().sampleNanos(random);
        if (random.chance(profile.reorderRate())) {
            delayNanos += random.uniform(0, profile.reorderDelayNanosMax());
        }
        simulation.scheduleAfter(delayNanos, message);
    }

    void arrive(InFlight<M> message) {
        if (!message.arrived) {
            if (links.isBlocked(message.from, message.to)) {
                drop(message.from, message.to, DropReason.PARTITION);
                return;
            }
            if (links.isClogged(message.from, message.to)) {
                held.add(message);
                journal.record(TraceType.MESSAGE_HOLD, simulation.nowNanos(), message.to, message.from, message.digest);
                return;
            }
            message.arrived = true;
        }
        Admission admission = receiver.admit(message.to, message.incarnation, message);
        if (admission == Admission.DROP) {
            drop(message.from, message.to, DropReason.RECEIVER_DOWN);
        } else if (admission == Admission.RUN) {
            delivered++;
            journal.record(TraceType.MESSAGE_DELIVER, simulation.nowNanos(), message.to, message.from,
                    message.digest, message.message);
            receiver.receive(message.to, message.from, message.message);
        }
    }

    private void drop(int from, int to, DropReason reason) {
        switch (reason) {
            case LOSS:
                droppedByLoss++;
                break;
            case PARTITION:
                droppedByPartition++;
                break;
            default:
                droppedAtDownProcess++;
                break;
        }
        journal.record(TraceType.MESSAGE_DROP, simulation.nowNanos(), to, from, reason.ordinal());
    }

    // ---- link behaviour -------------------------------------------------------------------------------------

    /** The profile of every link without one of its own. */
    public void setDefaultProfile(LinkProfile profile) {
        defaultProfile = profile;
    }

    /** Gives the directed link {@code from -> to} its own profile ({@code null} reverts to the default). */
    public void setLinkProfile(int from, int to, LinkProfile profile) {
        checkNode(from);
        checkNode(to);
        profiles[from][to] = profile;
    }

    /** The profile in force on {@code from -> to}. */
    public LinkProfile profile(int from, int to) {
        LinkProfile own = profiles[from][to];
        return own != null ? own : defaultProfile;
    }

    // ---- partitions -----------------------------------------------------------------------------------------

    /**
     * Splits the network into {@code groups}: links between groups are blocked both ways, links within a group
     * open. A node listed in no group is isolated. Replaces any previous partition or block.
     */
    public void partition(int[]... groups) {
        int[] groupOfNode = new int[nodeCount()];
        Arrays.fill(groupOfNode, -1);
        for (int g = 0; g < groups.length; g++) {
            for (int node : groups[g]) {
                checkNode(node);
                if (groupOfNode[node] >= 0) {
                    throw new IllegalArgumentException("node " + node + " is in two partition groups");
                }
                groupOfNode[node] = g;
            }
        }
        links.partition(groupOfNode);
        topologyChanged();
    }

    /** Blocks the directed link {@code from -> to} only (a one-way partition). */
    public void block(int from, int to) {
        checkNode(from);
        checkNode(to);
        links.setBlocked(from, to, true);
        topologyChanged();
    }

    /** Re-opens the directed link {@code from -> to}. */
    public void unblock(int from, int to) {
        checkNode(from);
        checkNode(to);
        links.setBlocked(from, to, false);
        topologyChanged();
    }

    /** Blocks every link to and from {@code node}. */
    public void isolate(int node) {
        checkNode(node);
        links.isolate(node);
        topologyChanged();
    }

    /** Re-opens every link. Does not unclog (see {@link #unclogAll()}). */
    public void heal() {
        links.heal();
        topologyChanged();
    }

    /** Whether a message sent now on {@code from -> to} would pass the connectivity matrix. */
    public boolean isConnected(int from, int to) {
        checkNode(from);
        checkNode(to);
        return !links.isBlocked(from, to);
    }

    private void topologyChanged() {
        journal.record(TraceType.NETWORK_TOPOLOGY, simulation.nowNanos(), -1, links.blockedLinkCount(), 0);
    }

    // ---- clogging -------------------------------------------------------------------------------------------

    /** Holds every message to or from {@code node} (arriving from now on) until it is unclogged. */
    public void clogNode(int node) {
        checkNode(node);
        links.setNodeClogged(node, true);
        journal.record(TraceType.NETWORK_CLOG, simulation.nowNanos(), 1, node, -1);
    }

    /** Stops holding messages at {@code node}; held messages whose link is now clear are delivered now. */
    public void unclogNode(int node) {
        checkNode(node);
        links.setNodeClogged(node, false);
        journal.record(TraceType.NETWORK_CLOG, simulation.nowNanos(), 0, node, -1);
        release();
    }

    /** Holds messages on the directed link {@code from -> to} until it is unclogged. */
    public void clogLink(int from, int to) {
        checkNode(from);
        checkNode(to);
        links.setLinkClogged(from, to, true);
        journal.record(TraceType.NETWORK_CLOG, simulation.nowNanos(), 1, from, to);
    }

    /** Stops holding messages on {@code from -> to}; releases what is now clear. */
    public void unclogLink(int from, int to) {
        checkNode(from);
        checkNode(to);
        links.setLinkClogged(from, to, false);
        journal.record(TraceType.NETWORK_CLOG, simulation.nowNanos(), 0, from, to);
        release();
    }

    /** Clears every clog and releases every held message. */
    public void unclogAll() {
        links.unclogAll();
        journal.record(TraceType.NETWORK_CLOG, simulation.nowNanos(), 0, -1, -1);
        release();
    }

    /** Whether {@code from -> to} is clogged now. */
    public boolean isClogged(int from, int to) {
        checkNode(from);
        checkNode(to);
        return links.isClogged(from, to);
    }

    private void release() {
        int released = 0;
        for (int i = 0; i < held.size(); ) {
            InFlight<M> message = held.get(i);
            if (links.isClogged(message.from, message.to)) {
                i++;
            } else {
                held.remove(i);
                simulation.schedule(simulation.nowNanos(), message);
                released++;
            }
        }
        journal.record(TraceType.MESSAGE_RELEASE, simulation.nowNanos(), -1, released, 0);
    }

    // ---- accounting -----------------------------------------------------------------------------------------

    /** What the network has done so far. */
    public NetworkCounters counters() {
        return new NetworkCounters(sent, delivered, duplicated, droppedByLoss, droppedByPartition,
                droppedAtDownProcess, held.size());
    }

    private void checkNode(int node) {
        if (node < 0 || node >= links.size()) {
            throw new IllegalArgumentException("unknown node " + node + " (network has " + links.size() + ")");
        }
    }
}
