package io.tumbler.scenario.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.io.jsonl.JsonlHeader;
import io.tumbler.lin.io.jsonl.JsonlHistoryWriter;
import io.tumbler.runformat.HistoryEvent;
import io.tumbler.runformat.RunFormatJson;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines the checker's history writer puts in {@code history.jsonl} read as run-format {@link HistoryEvent}s with
 * every field: index, process, type, f, value, time, and the extra fields a run records (error, the serving node).
 */
class HistoryEventsTest {
  @Test
  void everyFieldTheHistoryWriterWritesReadsIntoTheRecord() throws Exception {
    History history = History.of(List.of(
        Operation.invoke(0, 2, "write", List.of(3L, 7L)).withTimeNanos(10),
        Operation.invoke(1, 4, "read", null).withTimeNanos(11),
        Operation.ok(2, 2, "write", List.of(3L, 7L)).withTimeNanos(20).withExtra("node", 3),
        Operation.fail(3, 4, "read", null).withExtra("error", "timeout")));
    StringWriter out = new StringWriter();
    JsonlHistoryWriter.write(history, JsonlHeader.forModel("kv"), out);
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).contains("tumbler-history"), "the first line is the header");
    List<HistoryEvent> events = lines.subList(1, lines.size()).stream().map(HistoryEventsTest::read).toList();

    assertEquals(4, events.size());
    HistoryEvent write = events.get(0);
    assertEquals(0L, write.index());
    assertEquals("2", write.processName());
    assertEquals("invoke", write.type());
    assertEquals("write", write.f());
    assertEquals("[3,7]", write.value().toString());
    assertEquals(10L, write.time());
    HistoryEvent served = events.get(2);
    assertEquals("ok", served.type());
    assertEquals(3, served.node().asInt(), "the node that served the write");
    assertNull(served.error());
    HistoryEvent failed = events.get(3);
    assertEquals("timeout", failed.errorText());
    assertNull(failed.time(), "no time recorded");
    assertTrue(events.get(1).valueOrMissing().isNull(), "a null value stays a JSON null");
  }

  private static HistoryEvent read(String line) {
    try {
      return RunFormatJson.mapper().readValue(line, HistoryEvent.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(line, e);
    }
  }
}
