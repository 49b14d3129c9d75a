package io.tumbler.raft;

/**
 * Volatile state worth telling the driver about when it changes; it need not be persisted.
 *
 * @param leaderId the known leader, 0 if unknown
 * @param role     this node's role
 */
public record SoftState(int leaderId, Role role) {
}
