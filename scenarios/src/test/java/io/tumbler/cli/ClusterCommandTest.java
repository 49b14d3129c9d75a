package io.tumbler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.ChecksRecord;
import io.tumbler.runformat.RunDirectoryFiles;
import io.tumbler.runformat.RunRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tumbler cluster} end to end with real server processes: a short run of the correct build under one
 * kill, one pause and one partition passes every check, writes a run directory the report renders, and leaves
 * no process behind; disk-full and disk-readonly faults make servers halt on real ENOSPC/EROFS and the run still
 * passes (or, where the machine cannot mount, the run says so and applies none); a known bug is refused by the servers themselves and surfaces as bad input.
 */
class ClusterCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  @Timeout(180)
  void aShortRunUnderAKillAPauseAndAPartitionPassesAndLeavesNoProcessBehind() throws Exception {
    Path out = dir.resolve("run");
    CliRun r = CliRun.of("cluster", "--nodes", "3", "--duration", "16s", "--seed", "2", "--clients", "3",
        "--nemesis", "kill,pause,partition", "--out", out.toString());

    assertEquals(ExitCode.PASS, r.exit(), r.out() + r.err());
    assertEquals(List.of(), childProcesses(), "every server process has exited");
    JsonNode run = JSON.readTree(out.resolve("run.json").toFile());
    assertEquals("real-cluster", run.path("mode").asText());
    assertEquals("PASS", run.path("outcome").asText());
    assertEquals(3, run.path("realCluster").path("servers").size());
    List<String> applied = new ArrayList<>();
    JSON.readTree(out.resolve("checks.json").toFile()).path("appliedFaults").forEach(f -> applied.add(f.path("fault").asText()));
    assertTrue(applied.stream().anyMatch(f -> f.startsWith("kill n")), applied.toString());
    assertTrue(applied.stream().anyMatch(f -> f.startsWith("restart n")), applied.toString());
    assertTrue(applied.stream().anyMatch(f -> f.startsWith("pause n")), applied.toString());
    assertTrue(applied.stream().anyMatch(f -> f.startsWith("partition [")), applied.toString());
    assertEquals("heal all", applied.get(applied.size() - 1));
    assertEquals("VALID", JSON.readTree(out.resolve("linearizability.json").toFile()).path("verdict").asText());
    long oks = Files.readAllLines(out.resolve("history.jsonl")).stream().filter(l -> l.contains("\"type\":\"ok\"")).count();
    assertTrue(oks > 50, "clients made progress: " + oks + " ok operations");
    assertTrue(Files.readString(out.resolve("nodes/n1/server.log")).contains("node 1 serving on"));
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains("real-cluster"));
    assertTrue(report.contains("id=\"metrics-commit\""), "the report plots the servers' metrics");
    assertTrue(!report.contains("not drawn"), "the partitions are drawn from their data, not listed as text");
    RunRecord record = RunDirectoryFiles.run("run.json", run);
    assertEquals(3, record.realCluster().servers().size());
    assertEquals(List.of("kill", "pause", "partition"), record.realCluster().nemesis());
    ChecksRecord checks = RunDirectoryFiles.checks("checks.json", JSON.readTree(out.resolve("checks.json").toFile()));
    AppliedFault partition = checks.appliedFaults().stream().filter(f -> f.effect().equals("network")).findFirst()
        .orElseThrow();
    assertEquals(List.of(1, 2, 3), partition.nodes().stream().sorted().toList(), partition.toString());
    assertEquals("partition", partition.spec().path("type").asText(), partition.toString());
    List<JsonNode> samples = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("metrics.jsonl"))) {
      samples.add(JSON.readTree(line));
    }
    for (int node = 1; node <= 3; node++) {
      int n = node;
      assertTrue(samples.stream().anyMatch(s -> s.path("node").asInt() == n && s.path("raft_commit_index").asLong() > 0),
          "node " + n + " was scraped and committed something");
    }
    CliRun replay = CliRun.of("replay", out.toString());
    assertEquals(ExitCode.BAD_INPUT, replay.exit(), replay.err());
    assertTrue(replay.err().contains("is a real-cluster run") && replay.err().contains("./tumbler cluster"), replay.err());
  }

  @Test
  @Timeout(150)
  void aShortRunThatRemovesAndAddsBackVotersPasses() throws IOException {
    Path out = dir.resolve("membership");
    CliRun r = CliRun.of("cluster", "--nodes", "3", "--duration", "12s", "--seed", "5", "--clients", "3",
        "--nemesis", "membership", "--out", out.toString());

    assertEquals(ExitCode.PASS, r.exit(), r.out() + r.err());
    assertEquals(List.of(), childProcesses(), "every server process has exited");
    List<String> applied = new ArrayList<>();
    JSON.readTree(out.resolve("checks.json").toFile()).path("appliedFaults").forEach(f -> applied.add(f.path("applied").asText()));
    assertTrue(applied.stream().anyMatch(f -> f.startsWith("remove n") && f.contains("committed at index")),
        applied.toString());
    assertTrue(applied.stream().anyMatch(f -> f.startsWith("heal membership: added n") && f.contains("caught up")
        && f.endsWith("voters=[1, 2, 3])")), applied.toString());
    assertEquals("VALID", JSON.readTree(out.resolve("linearizability.json").toFile()).path("verdict").asText());
  }

  @Test
  @Timeout(150)
  void aShortRunUnderDiskFullAndReadOnlyDisksPassesAndUnmountsEverything() throws IOException {
    Path out = dir.resolve("disk");
    CliRun r = CliRun.of("cluster", "--nodes", "3", "--duration", "14s", "--seed", "3", "--clients", "3",
        "--nemesis", "disk-full,disk-readonly", "--out", out.toString());

    assertEquals(ExitCode.PASS, r.exit(), r.out() + r.err());
    assertEquals(List.of(), childProcesses(), "every server process has exited");
    assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).lines().noneMatch(l -> l.contains(out.toString())),
        "every volume was unmounted");
    List<JsonNode> applied = new ArrayList<>();
    JSON.readTree(out.resolve("checks.json").toFile()).path("appliedFaults").forEach(applied::add);
    if (r.out().contains("disk faults unavailable")) {
      assertTrue(applied.stream().noneMatch(f -> f.path("type").asText().startsWith("disk-")), applied.toString());
      assertTrue(JSON.readTree(out.resolve("run.json").toFile()).path("notes").toString().contains("disk faults unavailable"));
      Assumptions.abort("this machine cannot mount a volume per node; the run said so and applied no disk fault");
    }
    assertTrue(applied.stream().anyMatch(f -> f.path("effect").asText().equals("disk-held") && f.path("done").asBoolean()
        && f.path("applied").asText().contains("No space left on device")), applied.toString());
    assertTrue(applied.stream().anyMatch(f -> f.path("effect").asText().equals("disk-held") && f.path("done").asBoolean()
        && f.path("applied").asText().contains("Read-only file system")), applied.toString());
    List<JsonNode> heals = applied.stream().filter(f -> f.path("effect").asText().equals("heal-disk")).toList();
    assertTrue(!heals.isEmpty() && heals.stream().allMatch(f -> f.path("done").asBoolean()), heals.toString());
    assertTrue(applied.stream().anyMatch(f -> f.path("applied").asText().contains("halted, exit 1: ")),
        "some node halted on its refused write: " + applied);
    assertEquals("VALID", JSON.readTree(out.resolve("linearizability.json").toFile()).path("verdict").asText());
  }

  @Test
  @Timeout(120)
  void aKnownBugIsRefusedByTheServersAndIsBadInput() {
    Path out = dir.resolve("bug");
    CliRun r = CliRun.of("cluster", "--duration", "5s", "--bug", "figure-8-commit", "--out", out.toString());

    assertEquals(ExitCode.BAD_INPUT, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("refusing to start node"), r.err());
    assertTrue(r.err().contains("figure-8-commit") && r.err().contains("simulation only"), r.err());
    assertEquals(List.of(), childProcesses(), "the servers that did start were stopped");
  }

  @Test
  void badFlagsAreRefusedBeforeAnyProcessStarts() {
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("cluster", "--nodes", "4", "--out", dir.toString()).exit());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("cluster", "--nemesis", "meteor", "--out", dir.toString()).exit());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("cluster", "--duration", "soon", "--out", dir.toString()).exit());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("cluster", "--workload", "vm", "--out", dir.toString()).exit());
    assertEquals(ExitCode.BAD_INPUT, CliRun.of("cluster", "--bug", "nope", "--out", dir.toString()).exit());
    assertEquals(List.of(), childProcesses());
  }

  /** Server JVMs this test JVM started that are still alive. */
  private static List<String> childProcesses() {
    List<String> alive = new ArrayList<>();
    ProcessHandle.current().children().filter(ProcessHandle::isAlive)
        .forEach(p -> alive.add(p.pid() + " " + p.info().commandLine().orElse("?")));
    return alive;
  }
}
