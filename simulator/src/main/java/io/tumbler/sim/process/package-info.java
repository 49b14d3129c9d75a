/**
 * Simulated processes: the {@link io.tumbler.sim.process.SimProcess} port a node wrapper implements, its
 * {@link io.tumbler.sim.process.ProcessContext}, and the {@link io.tumbler.sim.process.ProcessHost} that
 * starts, crashes, restarts, pauses and wipes them.
 */
package io.tumbler.sim.process;
