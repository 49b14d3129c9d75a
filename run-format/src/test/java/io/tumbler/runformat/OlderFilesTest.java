package io.tumbler.runformat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The records read files of the first format (no version, fewer fields) and refuse newer ones in one line. */
class OlderFilesTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = RunFormatJson.mapper();

  @Test
  void aVersionOneTraceLineReadsAsVersionZeroWithItsTextDetail() throws Exception {
    TraceEvent e = RunFormatJson.traceEvent("{\"index\":6,\"type\":\"MESSAGE_SEND\",\"timeNanos\":2,\"process\":\"p0\","
        + "\"a\":1,\"b\":8919,\"detail\":\"Peer[message=RequestVote[from=1, to=2, term=1]]\"}");
    assertEquals(0, e.version(), "no version field: before versions");
    assertNull(e.message());
  }

  @Test
  void anAppliedFaultOfTheFirstFormatWasDoneAndHasNoData() throws Exception {
    AppliedFault f = JSON.readValue("{\"timeNanos\":5,\"fault\":\"crash n1\",\"applied\":\"crash n1\"}",
        AppliedFault.class);
    assertTrue(f.done(), "written before done existed: it was done");
    assertEquals("", f.type());
    assertEquals(List.of(), f.nodes());
    assertNull(f.spec());
    assertEquals("crash n1", f.label());
    AppliedFault skipped = JSON.readValue("{\"timeNanos\":5,\"fault\":\"kill the leader\",\"done\":false}",
        AppliedFault.class);
    assertEquals(false, skipped.done());
    assertEquals("kill the leader", skipped.label());
  }

  @Test
  void runAndChecksOfVersionOneReadAndNewerOnesAreRefusedNamingTheFile() throws Exception {
    RunRecord v1 = RunDirectoryFiles.run("run.json", JSON.readTree("{\"version\":1,\"scenario\":\"s\",\"seed\":3}"));
    assertEquals(3, v1.seed());
    assertEquals(List.of(), v1.notes());
    ChecksRecord c = RunDirectoryFiles.checks("checks.json", JSON.readTree("{\"version\":1,\"checks\":[{\"check\":"
        + "\"liveness\",\"verdict\":\"PASS\",\"millis\":1.5,\"details\":[]}]}"));
    assertEquals(new ChecksRecord.Check("liveness", "PASS", 1.5, List.of()), c.checks().get(0));
    FormatVersionException e = assertThrows(FormatVersionException.class,
        () -> RunDirectoryFiles.checks("checks.json", JSON.readTree("{\"version\":4}")));
    assertEquals("checks.json is run-format version 4; this tumbler reads version 3 (re-run the seed with this "
        + "build to get a readable run directory)", e.getMessage());
  }

  @Test
  void aVersionOneRealClusterRunReadsItsTopLevelFactsAsTheRealClusterRecord() throws Exception {
    // The shape tumbler cluster wrote before run.json was a RunRecord (trimmed from a run of main's build).
    RunRecord v1 = RunDirectoryFiles.run("run.json", JSON.readTree("{\"version\":1,\"mode\":\"real-cluster\","
        + "\"scenario\":\"real-cluster\",\"seed\":2,\"outcome\":\"PASS\",\"model\":\"kv\",\"nodes\":3,\"clients\":3,"
        + "\"durationMillis\":12000,\"quietMillis\":3000,\"maxRequests\":10000,\"nemesis\":[\"kill\",\"oneway\"],"
        + "\"wallMillis\":15265,\"retries\":49,\"healMillis\":9141,\"ports\":{\"clients\":{\"n1\":37541}},"
        + "\"servers\":[{\"id\":1,\"clientPort\":37541,\"log\":\"nodes/n1/server.log\",\"command\":[\"java\"],"
        + "\"unexpectedExits\":[],\"finalStatus\":{\"role\":\"FOLLOWER\",\"term\":4,\"leader\":3,"
        + "\"commitIndex\":822,\"appliedIndex\":822,\"haltReason\":null}},{\"id\":2,\"clientPort\":45767,"
        + "\"log\":\"nodes/n2/server.log\",\"finalStatus\":null}]}"));
    RealClusterRun real = v1.realCluster();
    assertEquals(RunRecord.REAL_CLUSTER, v1.mode());
    assertEquals(15265, v1.wallMillis());
    assertEquals(List.of("kill", "oneway"), real.nemesis());
    assertEquals(49, real.retries());
    assertEquals(37541, real.ports().get("clients").get("n1"));
    assertEquals(new RealClusterRun.FinalStatus("FOLLOWER", 4, 3, 822, 822, null), real.servers().get(0).finalStatus());
    assertNull(real.servers().get(1).finalStatus(), "n2 did not answer at the end");
    assertNull(RunDirectoryFiles.run("run.json", JSON.readTree("{\"version\":3,\"seed\":1}")).realCluster(),
        "a simulated run has none");
  }

  @Test
  void aSummaryWithoutAVersionReadsAndANewerOneIsRefusedNamingTheFile() throws Exception {
    CampaignSummary old = RunDirectoryFiles.summary("c/summary.json", JSON.readTree("{\"scenario\":\"default\","
        + "\"runs\":4,\"pass\":3,\"violation\":1,\"wallSeconds\":2.5,\"coverage\":{\"p\":{\"runs\":2,\"hits\":9}},"
        + "\"faultTypes\":{\"crash\":{\"runs\":1,\"applied\":3}},\"failures\":[{\"seed\":7,\"outcome\":\"VIOLATION\"}]}"));
    assertEquals(0, old.version());
    assertNull(old.executed(), "written before executed was recorded");
    assertEquals(new CampaignSummary.PathTotal(2, 9), old.coverage().get("p"));
    assertEquals(new CampaignSummary.FaultTypeTotal(1, 3), old.faultTypes().get("crash"));
    assertEquals(7, CampaignResult.read("c/summary.json", old.failures().get(0)).run().seed());
    CampaignSummary again = JSON.readValue(RunFormatJson.line(old), CampaignSummary.class);
    assertEquals(old, again, "what is written reads back equal");
    FormatVersionException e = assertThrows(FormatVersionException.class,
        () -> RunDirectoryFiles.summary("c/summary.json", JSON.readTree("{\"version\":2}")));
    assertTrue(e.getMessage().startsWith("c/summary.json is run-format version 2; this tumbler reads version 1"),
        e.getMessage());
  }

  @Test
  void aVersionTwoLinearizabilityFileReadsWithItsCounterexampleAsData() throws Exception {
    // The shape written when its version followed run.json's (trimmed from stale-local-reads seed 1 on main).
    LinearizabilityRecord v2 = RunDirectoryFiles.linearizability("linearizability.json", JSON.readTree("{\"version\":2,"
        + "\"model\":\"kv\",\"verdict\":\"INVALID\",\"millis\":349.5,\"configurations\":363,\"partitions\":[{\"label\":"
        + "\"key 2\",\"keys\":[2],\"calls\":40,\"verdict\":\"INVALID\",\"configurations\":90,\"millis\":3.5}],"
        + "\"counterexamples\":[{\"partition\":\"key 2\",\"keys\":[2],\"failingCall\":{\"process\":0,\"f\":\"read\","
        + "\"input\":[2,null],\"output\":[2,150],\"outcome\":\"ok\",\"invokeIndex\":536,\"completeIndex\":539},"
        + "\"previousOk\":null,\"finalPaths\":[[{\"initial\":true,\"legal\":true,\"state\":\"{}\"},{\"process\":0,"
        + "\"f\":\"read\",\"input\":[2,null],\"output\":[2,150],\"outcome\":\"ok\",\"invokeIndex\":536,"
        + "\"completeIndex\":539,\"legal\":false,\"state\":\"cannot apply\"}]],\"reachableStates\":[\"{2=157}\"]}]}"));
    LinearizabilityRecord.Counterexample cx = v2.counterexamplesOrNone().get(0);
    assertEquals(539, cx.failingCall().completeIndex());
    assertNull(cx.previousOk());
    assertTrue(cx.finalPaths().get(0).get(0).atInitialState());
    assertEquals(false, cx.finalPaths().get(0).get(1).legal());
    assertEquals(90, v2.partitions().get(0).configurations());
    assertTrue(RunFormatJson.line(v2).contains("\"previousOk\":null"), "written back with its explicit null");
    assertTrue(!RunFormatJson.line(cx.finalPaths().get(0).get(1)).contains("initial"), "a call step has no initial");
    assertThrows(FormatVersionException.class,
        () -> RunDirectoryFiles.linearizability("linearizability.json", JSON.readTree("{\"version\":4}")));
  }
}
