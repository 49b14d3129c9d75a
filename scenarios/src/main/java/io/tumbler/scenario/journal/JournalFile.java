package io.tumbler.scenario.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code journal.jsonl}: one journal event per line, {@code {"event":"Voted","timeNanos":..,"node":..,...}},
 * so the safety checker can be re-run offline over a saved run.
 */
public final class JournalFile {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private JournalFile() {}

  public static String toLine(JournalEvent event) {
    try {
      return JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("journal events always serialize", e);
    }
  }

  public static void write(Writer out, JournalEvent event) throws IOException {
    out.write(toLine(event));
    out.write('\n');
  }

  /**
   * Reads a journal; a malformed line raises {@link IllegalArgumentException} naming file and line, and so
   * does a file that is not UTF-8 text (a binary file given by mistake).
   */
  public static List<JournalEvent> read(Path file) throws IOException {
    try {
      return readEvents(file);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": expected a journal.jsonl (UTF-8 text, one JSON event per line), "
          + "found bytes that are not UTF-8", e);
    }
  }

  private static List<JournalEvent> readEvents(Path file) throws IOException {
    List<JournalEvent> events = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        try {
          events.add(JSON.readValue(line, JournalEvent.class));
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(file + ":" + lineNumber + ": not a journal event: " + e.getOriginalMessage(), e);
        }
      }
    }
    return events;
  }
}
