/**
 * The system-under-test seam: what the simulated cluster needs from a Raft implementation to host it, so the
 * same simulator, nemesis, workloads and checkers judge any JVM Raft.
 *
 * <p>{@link io.tumbler.sut.SystemUnderTest} builds one node incarnation ({@link io.tumbler.sut.SutNode}) against a
 * {@link io.tumbler.sut.NodeEnvironment} (the node's simulated clock and timers, its peers on the simulated network,
 * its simulated disk, a seeded random stream and the journal). {@link io.tumbler.sut.NodeView} is what the harness
 * reads of a live node (role, term, applied index, replicated state). Tumbler's own Raft is the first implementation
 * ({@code io.tumbler.scenario.cluster.TumblerSut}); {@link io.tumbler.sut.microraft} implements the seam for
 * MicroRaft 0.7.
 */
package io.tumbler.sut;
