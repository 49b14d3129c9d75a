package io.tumbler.raft.runtime;

import io.tumbler.raft.node.Observation;
import io.tumbler.raft.node.RaftObserver;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of what a node did since its process started, kept by observing it ({@link RaftObserver}: called on
 * the node thread, so each update is one atomic increment and never blocks). Read from any thread by the
 * {@link MetricsEndpoint}. Chains to another observer so a journal can still be kept.
 */
public final class ServerMetrics implements RaftObserver {
    private final RaftObserver next;
    final AtomicLong electionsStarted = new AtomicLong();
    final AtomicLong leaderships = new AtomicLong();
    final AtomicLong entriesAppended = new AtomicLong();
    final AtomicLong clientAcks = new AtomicLong();
    final AtomicLong snapshotsTaken = new AtomicLong();
    final AtomicLong snapshotsInstalled = new AtomicLong();
    final AtomicLong hardStateSyncs = new AtomicLong();

    public ServerMetrics(RaftObserver next) {
        this.next = next;
    }

    @Override
    public void observe(Observation o) {
        if (o instanceof Observation.BecameCandidate) {
            electionsStarted.incrementAndGet();
        } else if (o instanceof Observation.BecameLeader) {
            leaderships.incrementAndGet();
        } else if (o instanceof Observation.EntriesAppended a) {
            entriesAppended.addAndGet(a.entries().size());
        } else if (o instanceof Observation.ClientAcked) {
            clientAcks.incrementAndGet();
        } else if (o instanceof Observation.SnapshotTaken) {
            snapshotsTaken.incrementAndGet();
        } else if (o instanceof Observation.SnapshotInstalled) {
            snapshotsInstalled.incrementAndGet();
        } else if (o instanceof Observation.HardStateSynced) {
            hardStateSyncs.incrementAndGet();
        }
        next.observe(o);
    }
}
