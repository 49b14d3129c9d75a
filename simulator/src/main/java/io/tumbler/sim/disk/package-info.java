/**
 * The simulated disk: per-process named files whose writes become durable only when a sync completes; crashes
 * that lose (or tear) unsynced writes; bit flips and sync failures on demand.
 */
package io.tumbler.sim.disk;
