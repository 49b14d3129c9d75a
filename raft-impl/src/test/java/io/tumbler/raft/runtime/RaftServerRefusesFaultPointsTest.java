package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.FaultPoints;
import io.tumbler.raft.JitterSource;
import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.node.RaftNode;
import io.tumbler.raft.storage.MemoryDirectory;
import io.tumbler.raft.storage.SegmentedLog;
import io.tumbler.vm.VmStateMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fault points are for simulations: the builder's default never fires and the production runtime refuses others. */
class RaftServerRefusesFaultPointsTest {
    private static RaftNode node(FaultPoints points, boolean set) {
        var builder = RaftNode.builder()
                .config(RaftConfig.defaults(1, List.of(1)))
                .jitter(JitterSource.seeded(1))
                .storage(new SegmentedLog(new MemoryDirectory()))
                .transport(message -> { })
                .stateMachine(new VmStateMachine());
        return (set ? builder.faultPoints(points) : builder).build();
    }

    @Test
    void armedFaultPointsAreRefused() {
        RaftNode armed = node(point -> true, true);
        assertTrue(armed.faultPointsArmed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RaftServer.refuseFaultPoints(armed));
        assertTrue(e.getMessage().contains("simulation only"), e.getMessage());
    }

    @Test
    void theBuildersDefaultIsNoneAndPasses() {
        RaftNode plain = node(null, false);
        assertFalse(plain.faultPointsArmed());
        RaftServer.refuseFaultPoints(plain);
        RaftServer.refuseFaultPoints(node(FaultPoints.NONE, true));
    }
}
