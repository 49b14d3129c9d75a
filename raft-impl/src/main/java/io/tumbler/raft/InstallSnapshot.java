package io.tumbler.raft;

/**
 * Sends a whole snapshot to a follower whose next needed entry the leader has compacted away
 * (Raft §7). Answered with an {@link AppendResponse}.
 */
public record InstallSnapshot(int from, int to, long term, Snapshot snapshot) implements Message {
}
