package io.tumbler.cli;

/** One row of the {@code tumbler mutate} table: the mutant (patch file name without .patch), verdict, wall time. */
record MutantResult(String mutant, MutantVerdict verdict, double wallSeconds) {}
