package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import io.tumbler.raft.RaftConfig;
import io.tumbler.vm.VmStateMachine;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production runtime never runs a deliberate bug, and the catalog's names parse back. */
class RaftServerRefusesKnownBugsTest {
    @TempDir
    Path dir;

    @Test
    void refusesAnyKnownBugBeforeTouchingTheDataDirectory() {
        RaftConfig config = RaftConfig.defaults(1, List.of(1)).withKnownBugs(KnownBugs.of(KnownBug.FIGURE_8_COMMIT));
        Path data = dir.resolve("node-1");
        RaftServerOptions options = RaftServerOptions.defaults(config,
                Map.of(1, new InetSocketAddress("127.0.0.1", 0)), data);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RaftServer.start(options, new VmStateMachine()));
        assertTrue(e.getMessage().contains("figure-8-commit"), e.getMessage());
        assertTrue(e.getMessage().contains("simulation only"), e.getMessage());
        assertFalse(Files.exists(data), "nothing may be created for a refused server");
    }

    @Test
    void theCorrectConfigurationIsNotRefused() {
        RaftConfig config = RaftConfig.defaults(1, List.of(1));
        RaftServer.refuseKnownBugs(RaftServerOptions.defaults(config,
                Map.of(1, new InetSocketAddress("127.0.0.1", 0)), dir));
        assertEquals(KnownBugs.NONE, config.knownBugs());
        assertEquals(config, config.withElectionTimeoutTicks(10).withKnownBugs(KnownBugs.NONE));
    }

    @Test
    void namesRoundTripAndUnknownNamesListTheKnownOnes() {
        for (KnownBug bug : KnownBug.values()) {
            assertEquals(bug, KnownBug.named(bug.bugName()));
            assertTrue(bug.bugName().matches("[a-z0-9]+(-[a-z0-9]+)*"), bug.bugName());
        }
        KnownBugs two = KnownBugs.parse("no-session-dedup, figure-8-commit");
        assertEquals(List.of("figure-8-commit", "no-session-dedup"), two.names());
        assertTrue(two.on(KnownBug.NO_SESSION_DEDUP));
        assertFalse(two.on(KnownBug.ACK_BEFORE_SYNC));
        assertEquals(two, RaftConfig.defaults(1, List.of(1)).withKnownBugs(two).withPreVote(false).knownBugs());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownBugs.parse("nope"));
        assertTrue(e.getMessage().contains("unknown bug 'nope'") && e.getMessage().contains("figure-8-commit"));
    }
}
