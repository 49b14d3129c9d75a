/**
 * The Raft node driver and its ports: {@link io.tumbler.raft.node.RaftNode} runs a pure
 * {@link io.tumbler.raft.RaftCore} against {@link io.tumbler.raft.node.Transport},
 * {@link io.tumbler.raft.node.LogStorage} (durable only after an explicit sync),
 * {@link io.tumbler.raft.node.Ticker} and {@link io.tumbler.raft.node.StateMachine}, reports what it does
 * through {@link io.tumbler.raft.node.RaftObserver}, and gives any state machine exactly-once client
 * sessions. Production adapters live in {@code io.tumbler.raft.runtime}; simulated ones in the scenario
 * harness. Deterministic: no clock, threads or global randomness (a tidy test enforces it).
 */
package io.tumbler.raft.node;
