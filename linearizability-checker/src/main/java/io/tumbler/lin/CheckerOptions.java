package io.tumbler.lin;

import java.time.Duration;

/**
 * Budgets and knobs of a {@link Checker}.
 *
 * @param timeLimit          wall time for a whole check, or null for none
 * @param maxConfigurations  the most configurations all searches of a check may cache
 * @param memoryBudgetBytes  the most heap the configuration caches of a check may hold
 * @param parallelism        threads used for the sub-histories of one check (1: the caller's only)
 * @param maxBestPrefixes    longest prefixes kept per counterexample
 * @param maxFinalPaths      final paths kept per counterexample
 * @param verdictOnly        decide the verdict and nothing more: the first invalid sub-history stops the
 *                           others, and its counterexample is only the failing call the search met (no
 *                           exact second pass, no prefixes, no final paths); for CI gates on long histories
 */
public record CheckerOptions(
    Duration timeLimit, long maxConfigurations, long memoryBudgetBytes, int parallelism, int maxBestPrefixes, int maxFinalPaths,
    boolean verdictOnly) {

  public CheckerOptions {
    if (maxConfigurations < 1 || memoryBudgetBytes < 1 || parallelism < 1 || maxBestPrefixes < 1 || maxFinalPaths < 0) {
      throw new IllegalArgumentException("budgets must be positive");
    }
  }

  /**
   * No time limit; configurations bounded only by the memory budget, which is 40% of the maximum heap
   * (a cache briefly holds its old and new tables while growing, and the rest of the JVM needs room);
   * one thread per available processor.
   */
  public static CheckerOptions defaults() {
    long budget = (long) (Runtime.getRuntime().maxMemory() * 0.4);
    return new CheckerOptions(null, Long.MAX_VALUE, budget, Runtime.getRuntime().availableProcessors(), 8, 16, false);
  }

  /** These options with a time limit (null: none). */
  public CheckerOptions withTimeLimit(Duration limit) {
    return new CheckerOptions(limit, maxConfigurations, memoryBudgetBytes, parallelism, maxBestPrefixes, maxFinalPaths, verdictOnly);
  }

  /** These options with a bound on cached configurations. */
  public CheckerOptions withMaxConfigurations(long bound) {
    return new CheckerOptions(timeLimit, bound, memoryBudgetBytes, parallelism, maxBestPrefixes, maxFinalPaths, verdictOnly);
  }

  /** These options with a heap budget for the configuration caches. */
  public CheckerOptions withMemoryBudgetBytes(long bytes) {
    return new CheckerOptions(timeLimit, maxConfigurations, bytes, parallelism, maxBestPrefixes, maxFinalPaths, verdictOnly);
  }

  /** These options with another thread count. */
  public CheckerOptions withParallelism(int threads) {
    return new CheckerOptions(timeLimit, maxConfigurations, memoryBudgetBytes, threads, maxBestPrefixes, maxFinalPaths, verdictOnly);
  }

  /** These options deciding the verdict only (see {@link #verdictOnly}). */
  public CheckerOptions withVerdictOnly(boolean only) {
    return new CheckerOptions(timeLimit, maxConfigurations, memoryBudgetBytes, parallelism, maxBestPrefixes, maxFinalPaths, only);
  }
}
