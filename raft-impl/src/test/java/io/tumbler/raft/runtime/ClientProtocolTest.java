package io.tumbler.raft.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tumbler.raft.Role;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.node.ReadOutcome;
import io.tumbler.raft.node.SubmitResult;
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
}
