package io.tumbler.raft.runtime;

import io.tumbler.raft.Configuration;
import io.tumbler.raft.LogConfiguration;
import io.tumbler.raft.PeerStatus;
import io.tumbler.raft.Role;
import io.tumbler.raft.Status;
import io.tumbler.raft.node.RaftNode;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Serves the client protocol ({@link ClientProtocol}) on one {@link RaftNode}: a request frame in, the response
 * frame out. The production server runs it for every request of a client connection, and the simulation for every
 * request frame a simulated client sends, so the client path under simulated faults is the production one.
 *
 * <p>Call only on the node's thread (the thread that drives the node); {@code answer} is called on that thread too,
 * exactly once: at once for a status, configuration or transfer request and for a malformed frame, and when the node
 * answers for a submit, a read or a membership change — or never, if the node halts or stops first (callers bound
 * their wait: the server answers "unknown" after its request timeout, a simulated client times out).
 */
public final class ClientRequestHandler {
    private final RaftNode node;

    public ClientRequestHandler(RaftNode node) {
        this.node = node;
    }

    /** Serves one request frame; a malformed one is answered with an {@code unavailable} frame naming the problem. */
    public void serve(byte[] requestFrame, Consumer<byte[]> answer) {
        ClientRequest request = ClientProtocol.decodeRequestOrRefuse(requestFrame, answer);
        if (request != null) {
            serve(request, answer);
        }
    }

    /** Serves one decoded request. */
    public void serve(ClientRequest request, Consumer<byte[]> answer) {
        if (request instanceof ClientRequest.Submit s) {
            node.submit(s.clientId(), s.sequence(), s.command().clone(),
                    result -> answer.accept(ClientProtocol.encodeSubmitResult(result)));
        } else if (request instanceof ClientRequest.Read r) {
            node.read(r.mode(), r.query().clone(), outcome -> answer.accept(ClientProtocol.encodeReadOutcome(outcome)));
        } else if (request instanceof ClientRequest.StatusQuery) {
            answer.accept(ClientProtocol.encodeStatus(status()));
        } else if (request instanceof ClientRequest.ChangeMembership m) {
            node.proposeConfigChange(m.change(),
                    outcome -> answer.accept(ClientProtocol.encodeConfigChangeOutcome(outcome)));
        } else if (request instanceof ClientRequest.TransferLeadership t) {
            answer.accept(ClientProtocol.encodeTransferOutcome(transferLeadership(t.target())));
        } else {
            answer.accept(ClientProtocol.encodeConfiguration(configuration()));
        }
    }

    /** The node's role, term, leader, commit and applied index, and why it halted (null while it runs). */
    ServerStatus status() {
        return new ServerStatus(node.id(), node.role(), node.status().term(), node.leaderId(),
                node.status().commitIndex(), node.appliedIndex(), node.haltReason());
    }

    /**
     * Starts a leadership transfer to voter {@code target} (see {@link RaftNode#transferLeadership}); refused on a
     * follower (with the leader as hint) and for a target that is not another voter.
     */
    TransferOutcome transferLeadership(int target) {
        Configuration configuration = node.configuration().configuration();
        if (node.role() != Role.LEADER) {
            return new TransferOutcome.NotLeader(node.leaderId());
        }
        if (target == node.id() || !configuration.isVoter(target)) {
            return new TransferOutcome.Refused("node " + target + " is not another voter of " + configuration);
        }
        node.transferLeadership(target);
        return new TransferOutcome.Started(target);
    }

    /** The configuration the node uses now, with every member's match index when it leads. */
    ClusterConfiguration configuration() {
        Status status = node.status();
        LogConfiguration current = node.configuration();
        TreeMap<Integer, Long> match = new TreeMap<>();
        for (PeerStatus peer : status.progress()) {
            if (peer.id() != node.id()) {
                match.put(peer.id(), peer.matchIndex());
            }
        }
        return new ClusterConfiguration(node.id(), node.role(), node.leaderId(), current.index(),
                status.commitIndex(), current.configuration(), match);
    }
}
