package io.tumbler.raft;

/**
 * The leader's view of one voter's replication, for status and diagnostics.
 *
 * @param id         the peer id
 * @param matchIndex highest index known replicated on the peer
 * @param nextIndex  next index to send
 * @param state      replication state
 * @param inflight   appends sent and not yet acknowledged
 */
public record PeerStatus(int id, long matchIndex, long nextIndex, ProgressState state, int inflight) {
}
