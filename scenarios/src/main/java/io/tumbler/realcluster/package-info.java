/**
 * Real-cluster mode (Jepsen-style): {@code tumbler cluster} runs N {@code RaftServer} processes on 127.0.0.1,
 * each its own JVM and data directory, routes every peer link through an in-process TCP proxy that can cut,
 * delay or break it, kills, restarts and pauses the processes on a seeded schedule, drives a workload through
 * the production client protocol from concurrent threads, and checks the recorded history with the same
 * linearizability checker as a simulation.
 *
 * <p>Unlike the simulator, this package uses wall time and threads on purpose: it tests real processes. A run is
 * therefore not reproducible from its seed; the seed fixes the fault schedule and the operations drawn, not their
 * interleaving. Nothing here is used by a simulation.
 */
package io.tumbler.realcluster;
