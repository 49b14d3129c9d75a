package io.tumbler.raft.runtime;

import io.tumbler.raft.Role;

/** What a {@link RaftServer} reports about its node (a snapshot, possibly stale by the time it arrives). */
public record ServerStatus(int id, Role role, long term, int leaderId, long commitIndex, long appliedIndex,
                           String haltReason) {}
