package io.tumbler.lin.bench;

/**
 * A performance target of issue 4 and what this run measured for it.
 *
 * @param name           what is measured
 * @param measuredMillis the figure (a sum of medians, or one median)
 * @param targetMillis   the target, at most; null when the target is not a time
 * @param met            whether the figure is within the target
 * @param note           what else the target asks (a verdict, a heap), and whether it held
 */
public record TargetCheck(String name, double measuredMillis, Double targetMillis, boolean met, String note) {}
