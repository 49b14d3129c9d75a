package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A node became leader of a term (the journal's {@code BecameLeader} observation).
 *
 * @param timeNanos when, in simulated time
 * @param node which node
 * @param term of which term
 */
public record LeaderTerm(long timeNanos, int node, long term) {

  /** Every leadership change in the journal, in journal order. */
  public static List<LeaderTerm> of(List<JsonNode> journal) {
    List<LeaderTerm> out = new ArrayList<>();
    for (JsonNode e : journal) {
      if ("BecameLeader".equals(e.path("event").asText())) {
        out.add(new LeaderTerm(e.path("timeNanos").asLong(), e.path("node").asInt(), e.path("term").asLong()));
      }
    }
    return out;
  }
}
