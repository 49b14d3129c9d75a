package io.tumbler.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.report.input.RunFiles;
import io.tumbler.report.input.TraceMessages;
import io.tumbler.report.input.TraceMessages.Fate;
import io.tumbler.runformat.RunFormatJson;
import io.tumbler.runformat.TraceEvent;
import io.tumbler.runformat.TraceMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the lanes and the most relevant messages of a failure window, and the labels they carry. */
class MessageSequenceTest {
  private static TraceMessages.Message m(long i, int from, int to, long t, TraceMessage message) {
    return new TraceMessages.Message(i, from, to, t, t + 1, Fate.DELIVERED, message);
  }

  private static TraceMessage request(long clientId, long sequence, String kind) {
    return new TraceMessage.Client("Request", Map.of("clientId", "" + clientId, "sequence", "" + sequence, "kind", kind,
        "payloadBytes", "4"));
  }

  private static TraceMessage reply(long clientId, long sequence, String status) {
    return new TraceMessage.Client("Reply", Map.of("clientId", "" + clientId, "sequence", "" + sequence, "status",
        status, "leaderHint", "1", "payloadBytes", "4"));
  }

  @Test
  void theCapKeepsTheClientAndElectionsFirstThenHeartbeatsNearestTheFocus() {
    TreeMap<Integer, String> names = new TreeMap<>();
    names.put(0, "n1");
    names.put(1, "n2");
    names.put(2, "c0");
    names.put(3, "c1");
    List<TraceMessages.Message> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      all.add(m(i, 0, 1, i * 10L, new TraceMessage.Heartbeat(1, 2, 3, 9, i)));
    }
    all.add(m(300, 2, 0, 5, request(1000007, 4, "READ_LOCAL")));
    all.add(m(301, 0, 2, 1990, reply(1000007, 4, "OK")));
    all.add(m(302, 1, 0, 1000, new TraceMessage.VoteResponse(2, 1, 4, false, true)));
    all.add(m(303, 3, 0, 1000, request(1000009, 1, "COMMAND")));
    MessageSequence seq = MessageSequence.select("t", 0, 2000, 2000, "7", new TraceMessages(names, all, 0));
    assertEquals(List.of("n1", "n2", "c0 (client, process 7)"), seq.lanes());
    assertEquals(MessageSequence.CAP, seq.messages().size());
    assertEquals(203 - MessageSequence.CAP, seq.leftOut());
    assertEquals(1, seq.otherProcesses(), "the other client's request");
    List<String> labels = seq.messages().stream().map(MessageSequence.Arrow::label).toList();
    assertEquals("Request #4 read_local", labels.get(0), "in send order; the client's request is kept");
    assertTrue(labels.contains("VoteResp t4 granted") && labels.contains("Reply #4 OK"));
    assertEquals(1000, seq.messages().get(1).sendNanos(), "the vote");
    assertEquals(1990 - 76 * 10, seq.messages().get(2).sendNanos(), "then the 77 heartbeats nearest the focus at 2000");
  }

  @Test
  void labelsSayKindTermAndWhatMatters() {
    assertEquals(new MessageLabel("AppendEntries t3 [12..14] c11", 2),
        MessageLabel.of(new TraceMessage.AppendEntries(1, 2, 3, 11, 3, 3, 12, 14, 11), -1));
    assertEquals(new MessageLabel("AppendEntries t3 empty c11", 3),
        MessageLabel.of(new TraceMessage.AppendEntries(1, 2, 3, 11, 3, 0, 0, 0, 11), -1));
    assertEquals(new MessageLabel("PreVote t5 last 7@4", 1, MessageLabel.Family.ELECTION),
        MessageLabel.of(new TraceMessage.RequestVote(1, 2, 5, true, 7, 4, false), -1));
    assertEquals(new MessageLabel("AppendResp t3 rejected", 2),
        MessageLabel.of(new TraceMessage.AppendResponse(4, 1, 3, false, 0, 5, 2), -1));
    assertEquals(new MessageLabel("Reply #2 NOT_LEADER", 5, MessageLabel.Family.CLIENT), MessageLabel.of(reply(1000006, 2, "NOT_LEADER"), 1000001));
    assertEquals(new MessageLabel("Request #2 read_lease", 0, MessageLabel.Family.CLIENT), MessageLabel.of(request(1000006, 2, "READ_LEASE"), 1000006));
  }

  @TempDir Path temp;

  private static String line(long index, String type, long t, int process, long a, long b, String name) {
    return RunFormatJson.line(TraceEvent.of(index, type, t, "p" + process, a, b, name, null));
  }

  private static String line(long index, String type, long t, int process, long a, long b, TraceMessage message) {
    return RunFormatJson.line(TraceEvent.of(index, type, t, "p" + process, a, b, null, message));
  }

  @Test
  void aSafetyViolationShowsTheFiftyMillisecondsBeforeItsDetectingEvent() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("safety"));
    Path fixture = Path.of(getClass().getResource("/fixtures/safety-run").toURI());
    for (String name : List.of("run.json", "checks.json", "journal.jsonl", "history.jsonl")) {
      Files.copy(fixture.resolve(name), dir.resolve(name));
    }
    // Journal event #17 (n1 appends index 4) is at 2.601 s.
    TraceMessage append = new TraceMessage.AppendEntries(2, 1, 2, 3, 2, 1, 4, 4, 4);
    Files.write(dir.resolve("trace.jsonl"), List.of(line(0, "PROCESS_START", 0, 0, 1, 0, "n1"),
        line(1, "PROCESS_START", 0, 1, 1, 0, "n2"), line(2, "PROCESS_START", 0, 2, 1, 0, "n3"),
        line(3, "MESSAGE_SEND", 2_500_000_000L, 1, 0, 9, new TraceMessage.Heartbeat(2, 1, 2, 4, 1)),
        line(4, "MESSAGE_SEND", 2_600_000_000L, 1, 0, 10, append),
        line(5, "MESSAGE_DELIVER", 2_601_000_000L, 0, 1, 10, append),
        line(6, "MESSAGE_SEND", 2_700_000_000L, 1, 2, 11, append)));
    MessageSequence seq = MessageSequence.of(RunView.of(RunFiles.read(dir)));
    assertEquals("", seq.note());
    assertEquals(List.of("n1", "n2", "n3"), seq.lanes(), "no client lane for a safety violation");
    assertEquals(2_551_000_000L, seq.fromNanos());
    assertEquals(List.of(new MessageSequence.Arrow(1, 0, 2_600_000_000L, 2_601_000_000L, Fate.DELIVERED,
        "AppendEntries t2 [4..4] c4", MessageLabel.Family.REPLICATION)), seq.messages());
  }

  @Test
  void withoutATraceTheSequenceSaysWhy() throws Exception {
    RunView safety = RunView.of(RunFiles.read(Path.of(getClass().getResource("/fixtures/safety-run").toURI())));
    MessageSequence seq = MessageSequence.of(safety);
    assertTrue(seq.note().startsWith("trace.jsonl is not in the run directory (the run was made with --no-trace"),
        seq.note());
    assertTrue(seq.title().contains("before the LOG_MATCHING violation was detected"), seq.title());
  }
}
