package io.tumbler.lin.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;

/**
 * The checker benchmark's result, printed as one JSON object by {@code tumbler bench checker --json}.
 *
 * @param corpus       the corpus directory
 * @param maxHeapMiB   the JVM's maximum heap
 * @param processors   available processors
 * @param parallelism  checker threads per history
 * @param warmupRounds passes over the whole corpus before measuring
 * @param histories    per-file figures, in file order
 * @param totals       per-group totals, by group
 * @param targets      the targets against this run's figures
 * @param skipped      files that were not checked, with why
 */
public record BenchReport(
    String corpus, long maxHeapMiB, int processors, int parallelism, int warmupRounds,
    List<HistoryTiming> histories, Map<String, GroupTotal> totals, List<TargetCheck> targets, Map<String, String> skipped) {

  /** The report as pretty-printed JSON. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a report is always serializable", e);
    }
  }
}
