package io.tumbler.raft;

import static io.tumbler.raft.RaftLogTest.entry;
import static io.tumbler.raft.RaftLogTest.logWithTerms;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnstableTailTest {
    @Test
    void persistingMovesTheBoundaryPastTheLastStillCurrentEntry() {
        RaftLog log = logWithTerms(1, 1, 1);
        UnstableTail tail = new UnstableTail(1);
        tail.persisted(List.of(entry(1, 1), entry(2, 1)), log);
        assertEquals(3, tail.firstUnstableIndex());
    }

    /** Entries handed to the driver were overwritten before it acknowledged them. */
    @Test
    void entriesRewrittenWhileInFlightStayUnstable() {
        RaftLog log = logWithTerms(1);
        log.unstable().persisted(List.of(entry(1, 1)), log);
        log.maybeAppend(1, 1, 0, List.of(entry(2, 1), entry(3, 1)));
        List<Entry> handedOut = log.entriesToPersist();
        assertEquals(2, handedOut.size());
        log.maybeAppend(1, 1, 0, List.of(entry(2, 2))); // a new leader replaces 2@1 and 3@1
        log.unstable().persisted(handedOut, log);
        assertEquals(2, log.unstable().firstUnstableIndex(), "2@2 is not the 2@1 that was persisted");
        assertEquals(List.of(entry(2, 2)), log.entriesToPersist());
    }

    @Test
    void truncationBelowTheBoundaryRewindsIt() {
        UnstableTail tail = new UnstableTail(8);
        tail.rewrittenFrom(5);
        assertEquals(5, tail.firstUnstableIndex());
        tail.rewrittenFrom(7);
        assertEquals(5, tail.firstUnstableIndex());
    }

    @Test
    void snapshotIsPendingUntilPersisted() {
        UnstableTail tail = new UnstableTail(1);
        Snapshot s = RaftLogTest.snapshot(9, 2);
        tail.restoredTo(s);
        assertEquals(10, tail.firstUnstableIndex());
        tail.snapshotPersisted(RaftLogTest.snapshot(4, 1));
        assertEquals(s, tail.pendingSnapshot(), "acknowledging an older snapshot does not clear a newer one");
        tail.snapshotPersisted(s);
        assertNull(tail.pendingSnapshot());
    }
}
