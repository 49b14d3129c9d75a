package io.tumbler.report.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tumbler.report.input.TraceMessages.Fate;
import io.tumbler.report.input.TraceMessages.Message;
import io.tumbler.runformat.FormatVersionException;
import io.tumbler.runformat.RunFormatJson;
import io.tumbler.runformat.TraceEvent;
import io.tumbler.runformat.TraceMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the messages of a window from trace.jsonl: pairing sends with deliveries and drops, streaming. */
class TraceMessagesTest {
  private static final long MS = 1_000_000;
  @TempDir Path temp;

  /** A line as the run-format writes it: a PROCESS_START's text is its name, a message event's is the message. */
  static String line(long index, String type, long t, int process, long a, long b, String text) {
    boolean message = type.startsWith("MESSAGE_") && text != null;
    return RunFormatJson.line(TraceEvent.of(index, type, t, "p" + process, a, b, message ? null : text,
        message ? new TraceMessage.Other(text) : null));
  }

  private static TraceMessage other(String text) {
    return new TraceMessage.Other(text);
  }

  @Test
  void sendsPairWithTheirDeliveryByDigestAndWithTheirDropByLinkAndTime() throws Exception {
    Path trace = temp.resolve("trace.jsonl");
    Files.write(trace, List.of(
        line(0, "PROCESS_START", 0, 0, 1, 0, "n1"),
        line(1, "PROCESS_START", 0, 1, 1, 0, "n2"),
        line(2, "MESSAGE_SEND", 1 * MS, 0, 1, 77, "before the window"),
        line(3, "MESSAGE_SEND", 10 * MS, 0, 1, 11, "first"),
        line(4, "MESSAGE_SEND", 10 * MS, 0, 1, 22, "second, dropped on the way out"),
        line(5, "MESSAGE_DROP", 10 * MS, 1, 0, 1, null),
        line(6, "MESSAGE_SEND", 11 * MS, 0, 1, 33, "third, overtakes the first"),
        line(7, "MESSAGE_DELIVER", 12 * MS, 1, 0, 77, "before the window"),
        line(8, "MESSAGE_DELIVER", 12 * MS, 1, 0, 33, "third, overtakes the first"),
        line(9, "MESSAGE_DROP", 14 * MS, 1, 0, 1, null),
        line(10, "MESSAGE_SEND", 19 * MS, 1, 0, 44, "still in flight"),
        line(11, "MESSAGE_SEND", 21 * MS, 1, 0, 55, "after the window"),
        line(12, "MESSAGE_SEND", 20 * MS + TraceMessages.SETTLE_NANOS + 1, 1, 0, 66, "past the settle time"),
        "{\"index\":13, this line is never read"));
    TraceMessages t = TraceMessages.read(trace, 5 * MS, 20 * MS);
    assertEquals("n2", t.processNames().get(1));
    assertEquals(List.of(
        new Message(3, 0, 1, 10 * MS, 14 * MS, Fate.DROPPED, other("first")),
        new Message(4, 0, 1, 10 * MS, 10 * MS, Fate.DROPPED, other("second, dropped on the way out")),
        new Message(6, 0, 1, 11 * MS, 12 * MS, Fate.DELIVERED, other("third, overtakes the first")),
        new Message(10, 1, 0, 19 * MS, -1, Fate.IN_FLIGHT, other("still in flight"))), t.messages());
    assertEquals(0, t.badLines(), "reading stopped before the broken line");
  }

  @Test
  void aTraceOfTheFormatBeforeVersionsIsRefusedInOneLineNamingTheFileAndTheVersions() throws Exception {
    Path trace = temp.resolve("trace.jsonl");
    Files.write(trace, List.of("{\"index\":0,\"type\":\"PROCESS_START\",\"timeNanos\":0,\"process\":\"p0\",\"a\":1,"
        + "\"b\":0,\"detail\":\"n1\"}"));
    FormatVersionException e = assertThrows(FormatVersionException.class, () -> TraceMessages.read(trace, 0, 10));
    assertEquals("trace.jsonl is run-format version 1; this tumbler reads version 2 (re-run the seed with this "
        + "build to get a readable run directory)", e.getMessage());
  }

  @Test
  void theTimeOfALineIsReadWithoutParsingIt() {
    assertEquals(120000000L, io.tumbler.runformat.TraceEvent.timeNanosOf(line(1, "MESSAGE_SEND", 120000000L, 0, 1, 2, null)));
    assertEquals(-1, io.tumbler.runformat.TraceEvent.timeNanosOf("{\"index\":1}"));
  }
}
