package io.tumbler.lin.bench;

/**
 * One history's benchmark figures.
 *
 * @param file              the file, relative to the corpus directory
 * @param group             its directory relative to the corpus ({@code porcupine/jepsen})
 * @param model             the model it was checked with
 * @param verdict           VALID, INVALID or UNKNOWN
 * @param medianMillis      median wall time of the measured checks, after warm-up
 * @param maxConfigurations the most configurations one check explored
 * @param runs              measured checks
 */
public record HistoryTiming(
    String file, String group, String model, String verdict, double medianMillis, long maxConfigurations, int runs) {}
