package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One line of a real-cluster run's {@code metrics.jsonl}: one node's Prometheus samples at one scrape, flat as the
 * file has them ({@code {"node":1,"role":"follower","timeNanos":...,"raft_term":1,...}}): every field but
 * {@code node}, {@code role} and {@code timeNanos} is a sample, named without the {@code tumbler_} prefix. A field
 * that is not an integer is not a sample and is left out.
 *
 * @param node the node scraped
 * @param role its role then ("leader", "follower", ...), or null when no role gauge was 1
 * @param timeNanos when, on the history's clock
 * @param samples every sample, by name
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricsSample(int node, String role, long timeNanos, SortedMap<String, Long> samples) {
  public MetricsSample {
    samples = Collections.unmodifiableSortedMap(samples == null ? new TreeMap<>() : new TreeMap<>(samples));
  }

  /** The samples as the line's own fields (written flat beside node, role and time). */
  @Override
  @JsonAnyGetter
  public SortedMap<String, Long> samples() {
    return samples;
  }

  /** Reads one line: the three named fields, and every other integer field as a sample. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static MetricsSample read(JsonNode line) {
    SortedMap<String, Long> samples = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = line.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      boolean named = f.getKey().equals("node") || f.getKey().equals("role") || f.getKey().equals("timeNanos");
      if (!named && f.getValue().canConvertToLong() && f.getValue().isIntegralNumber()) {
        samples.put(f.getKey(), f.getValue().asLong());
      }
    }
    JsonNode role = line.get("role");
    return new MetricsSample(line.path("node").asInt(), role == null || role.isNull() ? null : role.asText(),
        line.path("timeNanos").asLong(), samples);
  }

  /** The sample {@code name}, if this scrape had it. */
  public Long sample(String name) {
    return samples.get(name);
  }
}
