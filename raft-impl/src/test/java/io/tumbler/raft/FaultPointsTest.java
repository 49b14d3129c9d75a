package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each fault point of the core takes its rare path when it fires, and a cluster of real cores still commits
 * the same entries everywhere afterwards; {@link FaultPoints#NONE} never fires.
 */
class FaultPointsTest {
    private static final List<Integer> THREE = List.of(1, 2, 3);

    /** Three cores and a lossless FIFO network; node 1 carries the scripted fault points. */
    private static final class Trio {
        final ScriptedFaultPoints points = new ScriptedFaultPoints();
        final TreeMap<Integer, RaftCore> cores = new TreeMap<>();
        final TreeMap<Integer, TreeMap<Long, Long>> applied = new TreeMap<>();
        final List<Message> inFlight = new ArrayList<>();
        final List<Message> sent = new ArrayList<>();
        /** Nodes cut off: messages to or from them are lost. */
        final java.util.TreeSet<Integer> cutOff = new java.util.TreeSet<>();

        Trio() {
            this(true);
        }

        /** Without CheckQuorum a follower grants votes at once, so a test can move leadership by campaigning. */
        Trio(boolean checkQuorum) {
            for (int id : THREE) {
                RaftConfig config = RaftConfig.defaults(id, THREE).withCheckQuorum(checkQuorum);
                cores.put(id, new RaftCore(config, JitterSource.seeded(id), RecoveredState.empty(),
                        id == 1 ? points : FaultPoints.NONE));
                applied.put(id, new TreeMap<>());
            }
            cores.get(1).campaign();
            settle();
        }

        RaftCore leader() {
            return cores.get(1);
        }

        /** Executes every node's Readies and delivers what they send, until nothing moves. */
        void settle() {
            for (int round = 0; round < 1_000; round++) {
                boolean moved = drainReadies();
                if (inFlight.isEmpty() && !moved) {
                    return;
                }
                List<Message> batch = new ArrayList<>(inFlight);
                inFlight.clear();
                for (Message m : batch) {
                    if (!cutOff.contains(m.to()) && !cutOff.contains(m.from())) {
                        cores.get(m.to()).step(m);
                    }
                }
            }
            throw new AssertionError("the trio never settled");
        }

        /** Executes one Ready per node that has one, keeping (not delivering) its messages; true if any ran. */
        boolean drainReadies() {
            boolean moved = false;
            for (var e : cores.entrySet()) {
                RaftCore core = e.getValue();
                while (core.hasReady()) {
                    Ready ready = core.ready();
                    inFlight.addAll(ready.messages());
                    if (e.getKey() == 1) {
                        sent.addAll(ready.messages());
                    }
                    for (Entry entry : ready.committedEntries()) {
                        applied.get(e.getKey()).put(entry.index(), entry.digest());
                    }
                    core.advance(ready);
                    moved = true;
                }
            }
            return moved;
        }

        void propose(int count) {
            for (int i = 0; i < count; i++) {
                assertInstanceOf(ProposeResult.Accepted.class, leader().propose(new byte[] {(byte) i}));
            }
        }

        /** Every node committed and applied the leader's whole log, with the same entries where both applied. */
        void assertConverged() {
            long last = leader().status().lastIndex();
            for (int id : THREE) {
                Status status = cores.get(id).status();
                assertEquals(last, status.commitIndex(), "commit of node " + id);
                assertEquals(last, status.appliedIndex(), "applied of node " + id);
                for (var e : applied.get(id).entrySet()) {
                    assertEquals(applied.get(1).get(e.getKey()), e.getValue(), "entry " + e.getKey() + " on " + id);
                }
            }
        }

        List<AppendEntries> appendsTo(int node) {
            List<AppendEntries> out = new ArrayList<>();
            for (Message m : sent) {
                if (m instanceof AppendEntries a && a.to() == node) {
                    out.add(a);
                }
            }
            return out;
        }
    }

    @Test
    void noneNeverFires() {
        for (FaultPoint point : FaultPoint.values()) {
            assertFalse(FaultPoints.NONE.fires(point), point.pointName());
            assertTrue(point.pointName().matches("[a-z]+(-[a-z]+)*"), point.pointName());
        }
    }

    @Test
    void splitBatchSendsHalfBatchesAndTheRestFollows() {
        Trio trio = new Trio();
        trio.sent.clear();
        trio.points.fire(FaultPoint.SPLIT_BATCH);
        trio.propose(4);
        trio.drainReadies();
        List<Integer> sizes = new ArrayList<>();
        for (AppendEntries a : trio.appendsTo(2)) {
            sizes.add(a.entries().size());
        }
        assertEquals(List.of(2, 1, 1), sizes, "4 entries leave as 2 + 1 + 1 instead of one batch of 4");
        trio.settle();
        trio.assertConverged();
        assertTrue(trio.points.fired(FaultPoint.SPLIT_BATCH) >= 4);
    }

    @Test
    void shortPipelineLeavesOneBatchPerRoundAndStillCommits() {
        Trio trio = new Trio();
        trio.sent.clear();
        trio.points.fire(FaultPoint.SPLIT_BATCH, FaultPoint.SHORT_PIPELINE);
        trio.propose(4);
        trio.drainReadies();
        assertEquals(1, trio.appendsTo(2).size(), "only the first (split) batch leaves at once");
        assertEquals(2, trio.appendsTo(2).get(0).entries().size());
        trio.settle();
        trio.assertConverged();
        assertTrue(trio.points.fired(FaultPoint.SHORT_PIPELINE) > 0);
    }

    @Test
    void earlySnapshotGoesToAFollowerThatStillCouldHaveHadEntries() {
        Trio trio = new Trio();
        trio.cutOff.add(3);
        trio.propose(4);
        trio.settle(); // committed with node 2; everything sent to node 3 is lost
        trio.cutOff.clear();
        RaftCore leader = trio.leader();
        assertEquals(5, leader.status().commitIndex());
        leader.compact(3, new byte[] {42});
        assertEquals(4, leader.status().firstIndex(), "entries 4 and 5 are still held");
        trio.sent.clear();
        trio.points.fire(FaultPoint.EARLY_SNAPSHOT);
        leader.step(new HeartbeatResponse(3, 1, leader.status().term(), 0));
        trio.drainReadies();
        List<InstallSnapshot> snapshots = new ArrayList<>();
        for (Message m : trio.sent) {
            if (m instanceof InstallSnapshot s) {
                snapshots.add(s);
            }
        }
        assertEquals(1, snapshots.size(), "node 3 lags behind the snapshot: it gets the snapshot, not entries");
        assertEquals(3, snapshots.get(0).snapshot().meta().index());
        trio.points.stopAll();
        trio.settle();
        trio.assertConverged();
        assertEquals(3, trio.cores.get(3).status().snapshotIndex(), "node 3 restored from the snapshot");
    }

    @Test
    void resendInflightProbesFromTheMatchIndexAgain() {
        Trio trio = new Trio();
        trio.propose(4);
        trio.drainReadies();
        trio.inFlight.clear(); // the appends to both followers are lost
        trio.sent.clear();
        trio.points.fire(FaultPoint.RESEND_INFLIGHT);
        RaftCore leader = trio.leader();
        leader.step(new HeartbeatResponse(2, 1, leader.status().term(), 0));
        trio.drainReadies();
        List<AppendEntries> resent = trio.appendsTo(2);
        assertEquals(1, resent.size());
        assertEquals(1, resent.get(0).prevIndex(), "back to the match index");
        assertEquals(4, resent.get(0).entries().size(), "the entries in flight are sent again");
        trio.points.stopAll();
        for (int tick = 0; tick < 3; tick++) {
            leader.tick();
            trio.settle();
        }
        trio.assertConverged();
    }

    @Test
    void lateHeartbeatStartsTheRoundAtALaterTick() {
        Trio trio = new Trio();
        RaftCore leader = trio.leader();
        trio.points.fire(FaultPoint.LATE_HEARTBEAT);
        trio.sent.clear();
        for (int tick = 0; tick < 3; tick++) {
            leader.tick();
            trio.settle();
        }
        assertTrue(trio.sent.stream().noneMatch(m -> m instanceof Heartbeat), "no round started while it fires");
        assertEquals(3, trio.points.fired(FaultPoint.LATE_HEARTBEAT));
        trio.points.stopAll();
        leader.tick();
        trio.drainReadies();
        assertTrue(trio.sent.stream().anyMatch(m -> m instanceof Heartbeat), "the round starts at the next tick");
        trio.settle();
        assertEquals(Role.LEADER, leader.status().role());
    }

    @Test
    void slowBacktrackBacksUpABatchBelowTheHintAndStillConverges() {
        for (boolean fire : new boolean[] {false, true}) {
            Trio trio = new Trio(false);
            trio.propose(10);
            trio.settle(); // all three hold the noop and 10 entries
            trio.cutOff.add(2);
            trio.propose(3);
            trio.settle(); // nodes 1 and 3 hold and commit 3 more; node 2 stops at index 11
            trio.cores.get(3).campaign();
            trio.settle(); // node 3 leads term 2; node 1 follows
            trio.leader().campaign();
            trio.settle(); // node 1 leads again, in term 3, with fresh progress for node 2 (match 0)
            trio.cutOff.clear();
            if (fire) {
                trio.points.fire(FaultPoint.SLOW_BACKTRACK);
            }
            trio.sent.clear();
            trio.propose(1);
            for (int tick = 0; tick < 2; tick++) { // a heartbeat round resumes the probe of node 2: rejected, hint 11
                trio.leader().tick();
                trio.settle();
            }
            trio.points.stopAll();
            long firstRetry = -1;
            for (AppendEntries a : trio.appendsTo(2)) {
                if (a.prevIndex() <= 11) {
                    firstRetry = a.prevIndex();
                    break;
                }
            }
            assertEquals(1, trio.points.fired(FaultPoint.SLOW_BACKTRACK) + (fire ? 0 : 1));
            if (fire) {
                assertTrue(firstRetry < 11, "below the hint, entries node 2 already holds sent again: " + firstRetry);
            } else {
                assertEquals(11, firstRetry, "at the hint");
            }
            for (int tick = 0; tick < 3; tick++) {
                trio.leader().tick();
                trio.settle();
            }
            trio.assertConverged();
        }
    }
}
