/**
 * Seeded randomness for the simulator: one root seed split by name into independent streams.
 *
 * <p>Seeds are expanded with SplitMix64, draws come from xoshiro256**, and a child stream's seed is
 * derived from its parent's seed and the FNV-1a hash of the child's UTF-8 name, so adding draws in one
 * stream never shifts another. Every random choice the simulator makes goes through a
 * {@link io.tumbler.sim.random.RandomStream}; nothing here reads global state.
 */
package io.tumbler.sim.random;
