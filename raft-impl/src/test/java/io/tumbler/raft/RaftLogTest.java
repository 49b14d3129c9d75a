package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaftLogTest {
    /** A log holding entries with the given terms at indexes 1, 2, ... */
    static RaftLog logWithTerms(long... terms) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            entries.add(entry(i + 1, terms[i]));
        }
        return new RaftLog(new RecoveredState(HardState.EMPTY, null, entries));
    }

    static Entry entry(long index, long term) {
        return new Entry(index, term, EntryType.NORMAL, ("e" + index).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void termsAndBounds() {
        RaftLog log = logWithTerms(1, 1, 2);
        assertEquals(1, log.firstIndex());
        assertEquals(3, log.lastIndex());
        assertEquals(2, log.lastTerm());
        assertEquals(0, log.term(0));
        assertEquals(RaftLog.UNAVAILABLE, log.term(4));
    }

    @Test
    void upToDateComparesLastTermThenLastIndex() {
        RaftLog log = logWithTerms(1, 2, 2);
        assertTrue(log.isUpToDate(3, 2));
        assertTrue(log.isUpToDate(1, 3), "a higher last term wins even with a shorter log");
        assertFalse(log.isUpToDate(2, 2));
        assertFalse(log.isUpToDate(9, 1));
    }

    @Test
    void appendRejectsAMismatchedPrefix() {
        RaftLog log = logWithTerms(1, 1);
        assertEquals(-1, log.maybeAppend(2, 2, 0, List.of(entry(3, 2))));
        assertEquals(-1, log.maybeAppend(3, 1, 0, List.of()), "prevIndex beyond the last entry");
        assertEquals(2, log.lastIndex());
    }

    @Test
    void appendTruncatesAConflictingSuffixAndCommitsUpToTheLastNewEntry() {
        RaftLog log = logWithTerms(1, 1, 1, 1);
        long lastNew = log.maybeAppend(2, 1, 10, List.of(entry(3, 2)));
        assertEquals(3, lastNew);
        assertEquals(3, log.lastIndex(), "entry 4@1 followed the conflict and is gone");
        assertEquals(2, log.term(3));
        assertEquals(3, log.committed(), "commit is capped at the last new entry, not the leader's 10");
        assertEquals(3, log.unstable().firstUnstableIndex(), "the rewritten entry must be persisted");
    }

    @Test
    void duplicateAppendsChangeNothing() {
        RaftLog log = logWithTerms(1, 1, 1);
        log.unstable().persisted(List.of(entry(3, 1)), log);
        assertEquals(2, log.maybeAppend(1, 1, 0, List.of(entry(2, 1))));
        assertEquals(3, log.lastIndex(), "a stale, shorter append does not truncate matching entries");
        assertEquals(4, log.unstable().firstUnstableIndex());
    }

    @Test
    void neverTruncatesCommittedEntries() {
        RaftLog log = logWithTerms(1, 1, 1);
        log.commitTo(3);
        assertThrows(IllegalStateException.class, () -> log.maybeAppend(1, 1, 3, List.of(entry(2, 2))));
    }

    @Test
    void anAppendContradictingACommittedEntryIsAnInvariantFailure() {
        RaftLog log = logWithTerms(1, 1, 2, 2);
        log.commitTo(3);
        log.checkAgreesWithCommitted(3, 2);
        log.checkAgreesWithCommitted(4, 7); // beyond the commit: an ordinary mismatch, rejected with a hint
        log.checkAgreesWithCommitted(0, 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.checkAgreesWithCommitted(3, 3));
        assertTrue(e.getMessage().contains("committed entry 3 has term 2"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> log.checkAgreesWithCommitted(2, 2));
    }

    /** etcd's findConflictByTerm table, reworded: the largest index <= probe whose term <= the given term. */
    @Test
    void conflictHintSkipsWholeTerms() {
        RaftLog log = logWithTerms(1, 1, 2, 2, 2, 5, 5);
        assertEquals(new ConflictHint(7, 5), log.findConflictByTerm(7, 5));
        assertEquals(new ConflictHint(5, 2), log.findConflictByTerm(7, 4));
        assertEquals(new ConflictHint(2, 1), log.findConflictByTerm(7, 1));
        assertEquals(new ConflictHint(0, 0), log.findConflictByTerm(7, 0));
        assertEquals(new ConflictHint(7, 5), log.findConflictByTerm(20, 9), "probe beyond the log starts at its end");
    }

    @Test
    void conflictHintBelowTheSnapshotKeepsTheProbe() {
        RaftLog log = new RaftLog(new RecoveredState(new HardState(3, 0, 5), snapshot(5, 3), List.of(entry(6, 3))));
        assertEquals(new ConflictHint(2, 0), log.findConflictByTerm(2, 1));
        // Every known term is newer than 2; the snapshot index is still a safe probe because a
        // snapshot holds only committed entries, which match any leader's log.
        assertEquals(new ConflictHint(5, 0), log.findConflictByTerm(6, 2));
    }

    @Test
    void commitOnlyByCountingEntriesOfTheCurrentTerm() {
        RaftLog log = logWithTerms(1, 2, 3);
        assertFalse(log.maybeCommit(2, 3), "2@2 is on a majority but is not of term 3 (Figure 8)");
        assertEquals(0, log.committed());
        assertTrue(log.maybeCommit(3, 3));
        assertEquals(3, log.committed(), "committing 3@3 commits everything before it");
        assertFalse(log.maybeCommit(2, 2), "commit never goes back");
    }

    @Test
    void sliceHonoursCountAndByteBudgetsButSendsAtLeastOne() {
        RaftLog log = logWithTerms(1, 1, 1, 1, 1);
        assertEquals(2, log.slice(1, 5, 2, Long.MAX_VALUE).size());
        int oneEntry = entry(1, 1).sizeBytes();
        assertEquals(2, log.slice(1, 5, 10, 2L * oneEntry).size());
        assertEquals(1, log.slice(1, 5, 10, 1).size());
        assertEquals(List.of(), log.slice(6, 5, 10, 100));
    }

    @Test
    void compactionKeepsPositionAndDropsThePrefix() {
        RaftLog log = logWithTerms(1, 1, 2, 2);
        log.unstable().persisted(List.of(entry(4, 2)), log);
        log.commitTo(4);
        log.appliedTo(3);
        assertThrows(IllegalStateException.class, () -> log.compact(4), "not applied yet");
        assertEquals(new SnapshotMeta(3, 2), log.compact(3));
        assertEquals(4, log.firstIndex());
        assertEquals(2, log.term(3));
        assertEquals(RaftLog.UNAVAILABLE, log.term(2));
        assertThrows(IllegalStateException.class, () -> log.slice(2, 4, 10, 100));
    }

    @Test
    void restoreReplacesTheLogAndMarksTheSnapshotPending() {
        RaftLog log = logWithTerms(1, 1);
        Snapshot s = snapshot(10, 4);
        log.restore(s);
        assertEquals(10, log.lastIndex());
        assertEquals(10, log.committed());
        assertEquals(10, log.applied());
        assertEquals(s, log.unstable().pendingSnapshot());
        assertEquals(List.of(), log.entriesToPersist());
    }

    @Test
    void recoveryRejectsACommitIndexBeyondTheLog() {
        assertThrows(IllegalStateException.class,
                () -> new RaftLog(new RecoveredState(new HardState(1, 0, 3), null, List.of(entry(1, 1)))));
    }

    @Test
    void recoveryRejectsGapsAndDecreasingTerms() {
        assertThrows(IllegalStateException.class,
                () -> new RaftLog(new RecoveredState(HardState.EMPTY, null, List.of(entry(1, 1), entry(3, 1)))));
        assertThrows(IllegalStateException.class,
                () -> new RaftLog(new RecoveredState(HardState.EMPTY, null, List.of(entry(1, 2), entry(2, 1)))));
    }

    static Snapshot snapshot(long index, long term) {
        return new Snapshot(new SnapshotMeta(index, term), new byte[] {1, 2, 3});
    }
}
