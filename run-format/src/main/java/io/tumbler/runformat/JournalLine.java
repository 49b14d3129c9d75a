package io.tumbler.runformat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One line of {@code journal.jsonl} ({@link JournalFormat}) as a reader outside the node sees it: the envelope every
 * event has, the event's own fields as data (in the order written, for display), and, for the events a reader
 * interprets, the event as its {@link JournalEvent} record.
 *
 * @param event the event's name: the simple name of the node's observation or of the harness event
 * @param timeNanos when it was observed, in the run's time
 * @param node the node it is about; 0 for a harness event about no node
 * @param fields the event's other fields, by name, in file order (without {@code version}, {@code event},
 *     {@code timeNanos} and {@code node})
 * @param typed the event as a record when it is one of {@link JournalEvent}'s, else null
 */
public record JournalLine(String event, long timeNanos, int node, Map<String, JsonNode> fields, JournalEvent typed) {
  private static final String VERSION = "version";
  private static final String EVENT = "event";
  private static final String TIME = "timeNanos";
  private static final String NODE = "node";
  private static final Map<String, Class<? extends JournalEvent>> TYPED = typedEvents();

  public JournalLine {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  private static Map<String, Class<? extends JournalEvent>> typedEvents() {
    Map<String, Class<? extends JournalEvent>> types = new TreeMap<>();
    for (Class<?> c : JournalEvent.class.getPermittedSubclasses()) {
      types.put(c.getSimpleName(), c.asSubclass(JournalEvent.class));
    }
    return types;
  }

  /**
   * One journal line (a JSON object of the current {@link JournalFormat#VERSION}) as its record.
   *
   * @throws IllegalArgumentException when it has no event name or time, or when an event with a record here does
   *     not have that record's fields (the message says which)
   */
  public static JournalLine of(JsonNode line) {
    String event = line.path(EVENT).asText("");
    if (event.isEmpty() || !line.path(TIME).canConvertToLong()) {
      throw new IllegalArgumentException("not a journal event: " + (event.isEmpty() ? "no event name" : "no time"));
    }
    return read(line, typed(event, line));
  }

  /**
   * What a line that {@link #of} refuses still says: its envelope and fields as far as they are there (event
   * {@code "?"} and time 0 when missing), never its record. A reader keeps it in place so that event numbers still
   * count lines.
   */
  public static JournalLine envelopeOf(JsonNode line) {
    return read(line, null);
  }

  private static JournalLine read(JsonNode line, JournalEvent typed) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    line.fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
    fields.keySet().removeAll(List.of(VERSION, EVENT, TIME, NODE));
    JsonNode node = line.path(NODE);
    return new JournalLine(line.path(EVENT).asText("?"), line.path(TIME).asLong(0),
        node.canConvertToInt() ? node.asInt() : 0, fields, typed);
  }

  private static JournalEvent typed(String event, JsonNode line) {
    Class<? extends JournalEvent> type = TYPED.get(event);
    if (type == null) {
      return null;
    }
    try {
      return RunFormatJson.mapper().treeToValue(line, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(event + " event without its fields: " + e.getMessage(), e);
    }
  }
}
