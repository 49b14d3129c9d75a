package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeartbeatRoundsTest {
    private final MajorityQuorum five = new MajorityQuorum(List.of(1, 2, 3, 4, 5));

    @Test
    void aRoundIsConfirmedByAMajorityIncludingTheLeader() {
        HeartbeatRounds rounds = new HeartbeatRounds();
        long first = rounds.start(10);
        assertFalse(rounds.acknowledge(1, first, 1, five));
        assertFalse(rounds.acknowledge(2, first, 1, five));
        assertEquals(HeartbeatRounds.NO_LEASE, rounds.leaseStartTick());
        assertTrue(rounds.acknowledge(3, first, 1, five));
        assertEquals(first, rounds.quorumRound());
        assertEquals(10, rounds.leaseStartTick(), "the lease counts from when the round started");
    }

    @Test
    void aLateAnswerToAnOlderRoundDoesNotConfirmANewerOne() {
        HeartbeatRounds rounds = new HeartbeatRounds();
        long first = rounds.start(10);
        long second = rounds.start(11);
        rounds.acknowledge(1, second, 1, five);
        rounds.acknowledge(2, second, 1, five);
        assertTrue(rounds.acknowledge(3, first, 1, five), "3 confirms round 1 only");
        assertEquals(first, rounds.quorumRound());
        assertEquals(10, rounds.leaseStartTick());
        assertTrue(rounds.acknowledge(4, second, 1, five));
        assertEquals(second, rounds.quorumRound());
        assertEquals(11, rounds.leaseStartTick());
    }

    @Test
    void anAnswerToARoundNeverStartedIsABug() {
        HeartbeatRounds rounds = new HeartbeatRounds();
        rounds.start(1);
        assertThrows(IllegalStateException.class, () -> rounds.acknowledge(2, 5, 1, five));
    }

    @Test
    void readsAreReleasedInOrderWhenTheirRoundIsConfirmed() {
        ReadOnlyQueue queue = new ReadOnlyQueue();
        queue.add(100, 7, 1);
        queue.add(101, 7, 2);
        queue.add(102, 9, 2);
        assertEquals(List.of(new ReadState(100, 7)), queue.release(1));
        assertEquals(List.of(new ReadState(101, 7), new ReadState(102, 9)), queue.release(5));
        assertEquals(List.of(), queue.release(9));
        assertThrows(IllegalStateException.class, () -> {
            queue.add(1, 1, 3);
            queue.add(2, 1, 2);
        });
    }

    @Test
    void deferredReadsAreHandedBackOnce() {
        ReadOnlyQueue queue = new ReadOnlyQueue();
        queue.defer(4);
        queue.defer(5);
        assertEquals(List.of(4L, 5L), queue.takeDeferred());
        assertEquals(List.of(), queue.takeDeferred());
    }
}
