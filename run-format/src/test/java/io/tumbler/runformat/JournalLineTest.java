package io.tumbler.runformat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A journal line reads as its envelope, its other fields as data, and its record when a reader interprets it. */
class JournalLineTest {
  private static JsonNode json(String line) throws Exception {
    return RunFormatJson.mapper().readTree(line);
  }

  @Test
  void anInterpretedEventReadsAsItsRecord() throws Exception {
    JournalLine line = JournalLine.of(json("{\"version\":2,\"event\":\"EntriesAppended\",\"timeNanos\":7,\"node\":3,"
        + "\"entries\":[{\"index\":4,\"term\":2,\"digest\":99},{\"index\":5,\"term\":2,\"digest\":100}]}"));
    assertEquals("EntriesAppended", line.event());
    assertEquals(7, line.timeNanos());
    assertEquals(3, line.node());
    assertEquals(new JournalEvent.EntriesAppended(3, List.of(new JournalEvent.EntryRef(4, 2, 99),
        new JournalEvent.EntryRef(5, 2, 100))), line.typed());
    assertEquals(List.of("entries"), List.copyOf(line.fields().keySet()));
  }

  @Test
  void anotherEventKeepsItsFieldsInFileOrderAndHasNoRecord() throws Exception {
    JournalLine line = JournalLine.of(json("{\"version\":2,\"event\":\"ReadAnswered\",\"timeNanos\":9,\"node\":1,"
        + "\"mode\":\"LEASE\",\"readIndex\":3,\"appliedIndex\":5}"));
    assertNull(line.typed());
    assertEquals(List.of("mode", "readIndex", "appliedIndex"), List.copyOf(line.fields().keySet()));
    assertEquals("LEASE", line.fields().get("mode").asText());
  }

  @Test
  void aHarnessEventWithoutANodeIsAboutNodeZero() throws Exception {
    assertEquals(0, JournalLine.of(json("{\"version\":2,\"event\":\"Healed\",\"timeNanos\":1}")).node());
  }

  @Test
  void aLineWithoutItsEventsFieldsIsRefusedButItsEnvelopeStaysReadable() throws Exception {
    JsonNode bad = json("{\"version\":2,\"event\":\"EntriesAppended\",\"timeNanos\":7,\"node\":3,\"entries\":\"x\"}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalLine.of(bad));
    assertTrue(e.getMessage().startsWith("EntriesAppended event without its fields"), e.getMessage());
    JournalLine envelope = JournalLine.envelopeOf(bad);
    assertEquals(7, envelope.timeNanos());
    assertNull(envelope.typed());
    assertThrows(IllegalArgumentException.class, () -> JournalLine.of(json("{\"version\":2,\"timeNanos\":1}")));
    assertThrows(IllegalArgumentException.class, () -> JournalLine.of(json("{\"version\":2,\"event\":\"Voted\"}")));
  }
}
