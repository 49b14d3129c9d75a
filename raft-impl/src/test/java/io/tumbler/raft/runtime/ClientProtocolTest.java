package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.ConfigChangeResult;
import io.tumbler.raft.Configuration;
import io.tumbler.raft.Role;
import io.tumbler.raft.node.ConfigChangeOutcome;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientProtocolTest {
    @Test
    void requestsRoundTrip() {
        ClientRequest.Submit submit = assertInstanceOf(ClientRequest.Submit.class, ClientProtocol.decodeRequest(
                ClientProtocol.encodeRequest(new ClientRequest.Submit(7, 9, new byte[] {1, 2}))));
        assertEquals(7, submit.clientId());
        assertEquals(9, submit.sequence());
        assertArrayEquals(new byte[] {1, 2}, submit.command());
        for (ReadMode mode : ReadMode.values()) {
            ClientRequest.Read read = assertInstanceOf(ClientRequest.Read.class, ClientProtocol.decodeRequest(
                    ClientProtocol.encodeRequest(new ClientRequest.Read(mode, new byte[] {3}))));
            assertEquals(mode, read.mode());
            assertArrayEquals(new byte[] {3}, read.query());
        }
        assertInstanceOf(ClientRequest.StatusQuery.class,
                ClientProtocol.decodeRequest(ClientProtocol.encodeRequest(new ClientRequest.StatusQuery())));
        assertThrows(IllegalArgumentException.class, () -> ClientProtocol.decodeRequest(new byte[] {9}));
    }

    @Test
    void responsesRoundTrip() {
        SubmitResult.Ok ok = assertInstanceOf(SubmitResult.Ok.class, ClientProtocol.decodeSubmitResult(
                ClientProtocol.encodeSubmitResult(new SubmitResult.Ok(new byte[] {4, 5}, 42))));
        assertEquals(42, ok.index());
        assertArrayEquals(new byte[] {4, 5}, ok.result());
        assertEquals(new SubmitResult.NotLeader(3),
                ClientProtocol.decodeSubmitResult(ClientProtocol.encodeSubmitResult(new SubmitResult.NotLeader(3))));
        assertEquals(new SubmitResult.Dropped("why"),
                ClientProtocol.decodeSubmitResult(ClientProtocol.encodeSubmitResult(new SubmitResult.Dropped("why"))));
        assertEquals(new SubmitResult.Unknown("?"),
                ClientProtocol.decodeSubmitResult(ClientProtocol.encodeSubmitResult(new SubmitResult.Unknown("?"))));
        ReadOutcome.Ok read = assertInstanceOf(ReadOutcome.Ok.class, ClientProtocol.decodeReadOutcome(
                ClientProtocol.encodeReadOutcome(new ReadOutcome.Ok(new byte[] {6}, 8))));
        assertEquals(8, read.appliedIndex());
        assertEquals(new ReadOutcome.Unavailable("lease"), ClientProtocol.decodeReadOutcome(
                ClientProtocol.encodeReadOutcome(new ReadOutcome.Unavailable("lease"))));
        ServerStatus status = new ServerStatus(2, Role.LEADER, 5, 2, 10, 9, null);
        assertEquals(status, ClientProtocol.decodeStatus(ClientProtocol.encodeStatus(status)));
        ServerStatus halted = new ServerStatus(2, Role.FOLLOWER, 5, 0, 10, 9, "fsync failed");
        assertEquals(halted, ClientProtocol.decodeStatus(ClientProtocol.encodeStatus(halted)));
    }

    @Test
    void adminRequestsRoundTrip() {
        for (ConfigChange change : List.of(new ConfigChange.AddLearner(4), new ConfigChange.PromoteLearner(5),
                new ConfigChange.Remove(6))) {
            ClientRequest.ChangeMembership m = assertInstanceOf(ClientRequest.ChangeMembership.class,
                    ClientProtocol.decodeRequest(ClientProtocol.encodeRequest(new ClientRequest.ChangeMembership(change))));
            assertEquals(change, m.change());
        }
        assertEquals(new ClientRequest.TransferLeadership(2), ClientProtocol.decodeRequest(
                ClientProtocol.encodeRequest(new ClientRequest.TransferLeadership(2))));
        assertInstanceOf(ClientRequest.ConfigurationQuery.class, ClientProtocol.decodeRequest(
                ClientProtocol.encodeRequest(new ClientRequest.ConfigurationQuery())));
    }

    @Test
    void anAdminVersionTheServerDoesNotSpeakIsRefusedByName() {
        byte[] frame = ClientProtocol.encodeRequest(new ClientRequest.TransferLeadership(2));
        frame[1] = (byte) (ClientProtocol.ADMIN_VERSION + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClientProtocol.decodeRequest(frame));
        assertTrue(e.getMessage().contains("version " + (ClientProtocol.ADMIN_VERSION + 1)), e.getMessage());
        ConfigChangeOutcome answer = ClientProtocol.decodeConfigChangeOutcome(
                ClientProtocol.encodeMalformed(e.getMessage()));
        assertEquals(new ConfigChangeOutcome.Unknown(e.getMessage()), answer);
    }

    @Test
    void adminResponsesRoundTrip() {
        Configuration configuration = new Configuration(List.of(1, 2, 3), List.of(4));
        for (ConfigChangeOutcome outcome : List.of(new ConfigChangeOutcome.Committed(17, configuration),
                new ConfigChangeOutcome.NotLeader(3),
                new ConfigChangeOutcome.Refused(ConfigChangeResult.Reason.CHANGE_IN_FLIGHT, "node 4 is waiting"),
                new ConfigChangeOutcome.Dropped("term changed"), new ConfigChangeOutcome.Unknown("snapshot"))) {
            assertEquals(outcome, ClientProtocol.decodeConfigChangeOutcome(
                    ClientProtocol.encodeConfigChangeOutcome(outcome)));
        }
        for (TransferOutcome outcome : List.of(new TransferOutcome.Started(2), new TransferOutcome.NotLeader(1),
                new TransferOutcome.Refused("not a voter"))) {
            assertEquals(outcome, ClientProtocol.decodeTransferOutcome(ClientProtocol.encodeTransferOutcome(outcome)));
        }
        ClusterConfiguration leader = new ClusterConfiguration(1, Role.LEADER, 1, 17, 20, configuration,
                Map.of(2, 20L, 3, 19L, 4, 11L));
        assertEquals(leader, ClientProtocol.decodeConfiguration(ClientProtocol.encodeConfiguration(leader)));
        assertTrue(leader.committed());
        ClusterConfiguration follower = new ClusterConfiguration(4, Role.FOLLOWER, 1, 0, 0,
                Configuration.ofVoters(List.of(1, 2, 3)), Map.of());
        assertEquals(follower, ClientProtocol.decodeConfiguration(ClientProtocol.encodeConfiguration(follower)));
    }
}
