package io.tumbler.realcluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tumbler.runformat.MetricsSample;
import io.tumbler.runformat.RunFormatJson;
import org.junit.jupiter.api.Test;

/** A scrape becomes one flat metrics.jsonl line through its run-format record, and reads back as the same record. */
class MetricsSampleTest {
  private static final String EXPOSITION = """
      # HELP tumbler_raft_term the node's term
      tumbler_raft_term{node="2"} 4
      tumbler_raft_role{node="2",role="follower"} 0
      tumbler_raft_role{node="2",role="leader"} 1
      tumbler_raft_commit_index{node="2"} 812
      """;

  @Test
  void aScrapeIsWrittenFlatAndReadsBackEqual() throws Exception {
    MetricsSample s = MetricsScraper.parse(EXPOSITION, 2, 3_000_000_000L);
    assertEquals("leader", s.role());
    assertEquals(812L, s.sample("raft_commit_index"));
    assertNull(s.sample("raft_role"), "the role gauges become the role");
    String line = RunFormatJson.line(s);
    assertEquals("{\"node\":2,\"role\":\"leader\",\"timeNanos\":3000000000,\"raft_commit_index\":812,\"raft_term\":4}",
        line);
    assertEquals(s, RunFormatJson.mapper().readValue(line, MetricsSample.class));
    MetricsSample older = RunFormatJson.mapper().readValue(
        "{\"node\":1,\"raft_term\":1,\"role\":\"follower\",\"raft_commit_index\":5,\"timeNanos\":7}", MetricsSample.class);
    assertEquals(5L, older.sample("raft_commit_index"), "a line of the order written before the record reads too");
    assertEquals(7, older.timeNanos());
  }
}
