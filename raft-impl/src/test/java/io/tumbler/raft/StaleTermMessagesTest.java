package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A follower whose disk is still busy takes appends from the leader of term 1 (the entries stay in its unsynced
 * tail, their acknowledgements in its outbox), then hears of term 3 and takes the new leader's shorter log,
 * which truncates that tail. The acknowledgements of term 1 must not leave with the next Ready: sent after the
 * truncation is durable, they would tell the old leader the follower holds entries it no longer has, and the
 * old leader could count it towards a commit (default seed 8866 of the widened campaign: ACK_DURABLE_BEFORE_SENT,
 * a 7-node cluster, acknowledgements of indexes 171..178 sent with a durable log ending at 12).
 */
class StaleTermMessagesTest {
    private static Entry entry(long index, long term) {
        return new Entry(index, term, EntryType.NORMAL, new byte[] {(byte) index});
    }

    @Test
    void acknowledgementsDecidedInAnOlderTermAreDroppedWhenTheTermMovesOn() {
        RaftConfig config = RaftConfig.defaults(2, List.of(1, 2, 3));
        RaftCore follower = new RaftCore(config, JitterSource.seeded(2),
                new RecoveredState(new HardState(1, 1, 0), null, List.of(entry(1, 1))));
        Ready first = follower.ready();
        follower.advance(first);
        // Old leader 1 (term 1) appends 2..3; no Ready is taken yet (the driver's previous sync is in flight).
        follower.step(new AppendEntries(1, 2, 1, 1, 1, List.of(entry(2, 1), entry(3, 1)), 1));
        // New leader 3 of term 3 appends its entry 2 of term 3 over the unsynced tail.
        follower.step(new AppendEntries(3, 2, 3, 1, 1, List.of(entry(2, 3)), 1));
        Ready ready = follower.ready();
        assertEquals(List.of(entry(2, 3)), ready.entriesToPersist().subList(ready.entriesToPersist().size() - 1,
                ready.entriesToPersist().size()), "the new leader's entry replaces the tail");
        for (Message m : ready.messages()) {
            assertTrue(m.term() >= 3, "a message decided in term 1 left after the node moved to term 3: " + m);
        }
        assertTrue(ready.messages().stream().anyMatch(m -> m instanceof AppendResponse r && r.success() && r.to() == 3),
                "the new leader still gets its acknowledgement: " + ready.messages());
    }
}
