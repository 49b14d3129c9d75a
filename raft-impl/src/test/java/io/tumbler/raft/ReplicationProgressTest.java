package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReplicationProgressTest {
    @Test
    void probeSendsOneAppendUntilAnswered() {
        ReplicationProgress p = new ReplicationProgress(6, 4);
        assertEquals(ProgressState.PROBE, p.state());
        assertFalse(p.isPaused());
        p.sentAppend(0, 5);
        assertTrue(p.isPaused());
        assertEquals(6, p.next(), "probing does not move next");
        p.heartbeatAnswered();
        assertFalse(p.isPaused(), "a live follower may have lost the probe: send again");
    }

    @Test
    void rejectionBacksOffToTheHintButNotBelowMatch() {
        ReplicationProgress p = new ReplicationProgress(10, 4);
        p.sentAppend(0, 9);
        assertFalse(p.maybeDecreaseTo(7, 3), "a rejection of an older probe is stale");
        assertTrue(p.maybeDecreaseTo(9, 3));
        assertEquals(4, p.next());
        assertFalse(p.isPaused());
        p.maybeUpdate(2);
        p.sentAppend(0, 3);
        assertTrue(p.maybeDecreaseTo(3, 0));
        assertEquals(3, p.next(), "never below match + 1");
    }

    @Test
    void replicateSendsOptimisticallyUpToTheInflightBound() {
        ReplicationProgress p = new ReplicationProgress(6, 2);
        p.maybeUpdate(5);
        p.becomeReplicate();
        p.sentAppend(2, 7);
        p.sentAppend(1, 8);
        assertEquals(9, p.next());
        assertTrue(p.isPaused(), "two appends in flight fill the pipeline");
        assertTrue(p.maybeUpdate(7));
        assertFalse(p.isPaused());
        assertEquals(1, p.inflightCount());
    }

    @Test
    void replicateRejectionFallsBackToMatch() {
        ReplicationProgress p = new ReplicationProgress(6, 8);
        p.maybeUpdate(5);
        p.becomeReplicate();
        p.sentAppend(3, 8);
        assertFalse(p.maybeDecreaseTo(5, 0), "a rejection at or below match is stale");
        assertTrue(p.maybeDecreaseTo(8, 2));
        assertEquals(6, p.next());
    }

    @Test
    void snapshotPausesAndResumesAfterTheSnapshot() {
        ReplicationProgress p = new ReplicationProgress(3, 8);
        p.becomeSnapshot(40);
        assertTrue(p.isPaused());
        assertThrows(IllegalStateException.class, () -> p.sentAppend(1, 3));
        p.tick();
        assertFalse(p.snapshotOverdue(2));
        p.tick();
        assertTrue(p.snapshotOverdue(2));
        p.becomeProbe();
        assertEquals(41, p.next(), "resume after the snapshot even before it is acknowledged");
    }

    @Test
    void heartbeatFreesOneSlotOfAFullPipeline() {
        ReplicationProgress p = new ReplicationProgress(1, 1);
        p.becomeReplicate();
        p.sentAppend(1, 1);
        assertTrue(p.isPaused());
        p.heartbeatAnswered();
        assertFalse(p.isPaused());
        assertTrue(p.recentActive());
    }
}
