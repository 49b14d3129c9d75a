/**
 * The authenticated rejoin handshake: how a host that is new, was absent or lost its disk asks the leader to be
 * admitted, proves it holds the cluster secret, and is added as a learner. {@link io.tumbler.raft.membership.JoinProofs}
 * computes and compares the proof; {@link io.tumbler.raft.membership.JoinAuthority} is the leader's pure decision
 * (nonces issued, expired, used; incarnations admitted); the node driver carries the messages.
 */
package io.tumbler.raft.membership;
