/**
 * The simulated network: per-link latency, loss, duplication and reordering; partitions as a directed
 * connectivity matrix; clogging; delivery of decoded copies so a receiver never shares the sender's objects.
 */
package io.tumbler.sim.net;
