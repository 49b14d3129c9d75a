/**
 * Benchmarks of the simulator itself. This package, alone in {@code simulator}, may read real time
 * ({@code System.nanoTime}) - to measure the kernel from outside it; the tidy test exempts it. Nothing in
 * the kernel depends on this package.
 */
package io.tumbler.sim.bench;
