/**
 * The discrete-event kernel: one thread, one queue ordered by (time, insertion sequence), time that jumps to
 * the next event, and budgets that end a run with a result value instead of a hang.
 */
package io.tumbler.sim.kernel;
