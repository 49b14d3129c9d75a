package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RaftConfigTest {
    @Test
    void defaultsAreValidAndPeersAreSortedAndDistinct() {
        RaftConfig config = RaftConfig.defaults(2, List.of(3, 1, 2, 3));
        assertEquals(List.of(1, 2, 3), config.peers());
        assertEquals(2, config.quorumSize());
        assertTrue(config.preVote() && config.checkQuorum());
    }

    @Test
    void aJoiningNodeIsOutsideTheBootstrapVoters() {
        assertTrue(RaftConfig.defaults(2, List.of(1, 2, 3)).bootstrapVoter());
        RaftConfig joiner = RaftConfig.defaults(4, List.of(1, 2, 3));
        assertEquals(List.of(1, 2, 3), joiner.peers());
        assertTrue(!joiner.bootstrapVoter());
    }

    @Test
    void invalidConfigurationsAreRejectedWithAReason() {
        RaftConfig base = RaftConfig.defaults(1, List.of(1, 2, 3));
        IllegalArgumentException noPeers = assertThrows(IllegalArgumentException.class,
                () -> RaftConfig.defaults(1, List.of()));
        assertTrue(noPeers.getMessage().contains("at least one"), noPeers.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RaftConfig.defaults(-1, List.of(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> base.withHeartbeatIntervalTicks(10));
        assertThrows(IllegalArgumentException.class, () -> base.withLeaseDriftBoundTicks(10));
        assertThrows(IllegalArgumentException.class, () -> base.withMaxInflightAppends(0));
        assertThrows(IllegalArgumentException.class, () -> RaftConfig.defaults(0, List.of(0, 1)));
    }
}
