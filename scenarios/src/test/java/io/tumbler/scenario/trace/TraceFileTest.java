package io.tumbler.scenario.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.AppendEntries;
import io.tumbler.raft.Entry;
import io.tumbler.raft.EntryType;
import io.tumbler.raft.VoteResponse;
import io.tumbler.raft.node.ReadMode;
import io.tumbler.raft.runtime.ClientProtocol;
import io.tumbler.raft.runtime.ClientRequest;
import io.tumbler.runformat.RunFormatJson;
import io.tumbler.runformat.TraceEvent;
import io.tumbler.runformat.TraceMessage;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import io.tumbler.scenario.wire.Wire;
import io.tumbler.sim.trace.TraceJournal;
import io.tumbler.sim.trace.TraceType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** trace.jsonl round trip: what scenarios' writer puts in a line is what the run-format record reads back. */
class TraceFileTest {

  @Test
  void messagesAreWrittenAsDataAndReadBackEqual() throws Exception {
    TraceJournal journal = TraceFile.journal(100);
    journal.record(TraceType.PROCESS_START, 0, 0, 1, 0, "n1");
    journal.record(TraceType.MESSAGE_SEND, 5, 0, 1, 77, new Wire.Peer(new AppendEntries(1, 2, 3, 11, 3,
        List.of(new Entry(12, 3, EntryType.NORMAL, new byte[4]), new Entry(13, 3, EntryType.NOOP, new byte[0])), 11)));
    journal.record(TraceType.MESSAGE_SEND, 6, 1, 0, 78, new Wire.Peer(new VoteResponse(2, 1, 4, true, false)));
    journal.record(TraceType.MESSAGE_SEND, 7, 2, 0, 79,
        new Wire.Call(1000003, 9, ClientProtocol.encodeRequest(new ClientRequest.Read(ReadMode.LEASE, new byte[5]))));
    journal.record(TraceType.ACTION, 8, -1, 42, 0, "fault");
    List<String> lines = TraceFile.lines(journal);
    for (int i = 0; i < lines.size(); i++) {
      assertEquals(TraceFile.event(journal.records().get(i)), RunFormatJson.traceEvent(lines.get(i)), lines.get(i));
    }
    assertEquals(new TraceMessage.AppendEntries(1, 2, 3, 11, 3, 2, 12, 13, 11),
        RunFormatJson.traceEvent(lines.get(1)).message());
    assertEquals(new TraceMessage.VoteResponse(2, 1, 4, true, false), RunFormatJson.traceEvent(lines.get(2)).message());
    assertEquals(new TraceMessage.Client("Request", Map.of("clientId", "1000003", "sequence", "9", "kind",
        "READ_LEASE", "payloadBytes", "7")), RunFormatJson.traceEvent(lines.get(3)).message());
    TraceEvent action = RunFormatJson.traceEvent(lines.get(4));
    assertEquals("fault", action.detail());
    assertEquals(null, action.process(), "not about one process");
    assertEquals(TraceEvent.VERSION, action.version());
  }

  @Test
  void aRealRunsTraceReadsBackLineForLineWithEveryMessageAsData() throws Exception {
    List<String> lines = new ScenarioRunner(true, Duration.ofSeconds(30))
        .run(ScenarioCatalog.named(ScenarioCatalog.DEFAULT), 1).traceLines();
    assertTrue(lines.size() > 1000, "a real trace: " + lines.size());
    TreeSet<String> kinds = new TreeSet<>();
    for (String line : lines) {
      TraceEvent e = RunFormatJson.traceEvent(line);
      assertEquals(line, RunFormatJson.line(e), "written, read and written again: the same line");
      if (e.type().equals("MESSAGE_SEND")) {
        assertNotNull(e.message(), line);
        kinds.add(e.message() instanceof TraceMessage.Client c ? c.kind() : e.message().getClass().getSimpleName());
      }
    }
    assertTrue(kinds.containsAll(List.of("AppendEntries", "AppendResponse", "Heartbeat", "RequestVote",
        "VoteResponse", "Request", "Reply")), kinds.toString());
  }
}
