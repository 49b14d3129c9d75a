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
}
