package io.tumbler.report.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .jsonl} file read leniently: a run killed half-way leaves a cut-short last line, and a report
 * must still show everything before it. Lines that do not parse are counted, never thrown.
 *
 * @param objects every line that parsed as a JSON object, in file order
 * @param badLines how many non-blank lines did not parse
 * @param firstBadLine the 1-based number of the first line that did not parse, 0 when none
 */
public record JsonLines(List<JsonNode> objects, int badLines, int firstBadLine) {
  static final ObjectMapper JSON = new ObjectMapper();

  public JsonLines {
    objects = List.copyOf(objects);
  }

  /** Reads {@code file}; an unreadable file is the caller's concern (it checks existence first). */
  public static JsonLines read(Path file) throws IOException {
    List<JsonNode> objects = new ArrayList<>();
    int bad = 0;
    int firstBad = 0;
    int lineNumber = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node = parse(line);
        if (node != null && node.isObject()) {
          objects.add(node);
        } else {
          bad++;
          firstBad = firstBad == 0 ? lineNumber : firstBad;
        }
      }
    }
    return new JsonLines(objects, bad, firstBad);
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  /** A note for the report when some lines were unreadable, or empty when all were fine. */
  public String problem(String fileName) {
    if (badLines == 0) {
      return "";
    }
    return fileName + ": " + badLines + " unreadable line" + (badLines == 1 ? "" : "s") + " (first at line "
        + firstBadLine + "), probably cut short by a killed run; the report shows the " + objects.size()
        + " readable ones";
  }
}
