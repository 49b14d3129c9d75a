/**
 * Per-process clocks: local time derived from true simulated time by an offset, a drift and jumps, and timers
 * that fire by the process's own clock.
 */
package io.tumbler.sim.clock;
