package io.tumbler.lin.io.jsonl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads history.jsonl (schema v1; see {@link JsonlHistoryWriter} and the module README). The header line
 * is optional (a file without one reads as version 1 with no model); a header of another version is an
 * error. Blank lines are skipped. Every error names the line and what was expected there.
 */
public final class JsonlHistoryReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonlHistoryReader() {}

  /** A history and the header it came with. */
  public record Result(History history, JsonlHeader header) {}

  /** Reads {@code reader}; {@code source} names it in errors. */
  public static Result read(Reader reader, String source) throws IOException {
    BufferedReader lines = new BufferedReader(reader);
    JsonlHeader header = null;
    History.Builder history = null;
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node = parse(line, source, lineNumber);
      if (history == null) {
        header = node.has(JsonlHeader.VERSION_KEY) ? header(node, source, lineNumber) : JsonlHeader.forModel(null);
        history = History.builder(source, header.explicitIndexes());
        if (node.has(JsonlHeader.VERSION_KEY)) {
          continue;
        }
      }
      history.add(operation(node, source, lineNumber), lineNumber);
    }
    if (history == null) {
      return new Result(History.builder(source, true).build(), JsonlHeader.forModel(null));
    }
    return new Result(history.build(), header);
  }

  private static JsonNode parse(String line, String source, int lineNumber) {
    try {
      JsonNode node = MAPPER.readTree(line);
      if (node == null || !node.isObject()) {
        throw new MalformedHistoryException(source, lineNumber, "a JSON object", MalformedHistoryException.excerpt(line));
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedHistoryException(source, lineNumber, "a JSON object",
          MalformedHistoryException.excerpt(line) + " (" + e.getOriginalMessage() + ")", e);
    }
  }

  private static JsonlHeader header(JsonNode node, String source, int lineNumber) {
    JsonNode version = node.get(JsonlHeader.VERSION_KEY);
    if (!version.isInt() || version.intValue() != JsonlHeader.VERSION) {
      throw new MalformedHistoryException(source, lineNumber, "\"" + JsonlHeader.VERSION_KEY + "\": " + JsonlHeader.VERSION
          + " (the only schema version this tumbler reads)", version.toString());
    }
    JsonNode model = node.get("model");
    if (model != null && !model.isTextual()) {
      throw new MalformedHistoryException(source, lineNumber, "\"model\" to be a string", model.toString());
    }
    JsonNode indexes = node.get("indexes");
    boolean explicit = indexes == null || !"positions".equals(indexes.asText());
    boolean hasInit = node.has("init");
    Object init = hasInit ? value(node.get("init"), source, lineNumber) : null;
    return new JsonlHeader(model == null ? null : model.textValue(), init, hasInit, explicit);
  }

  private static Operation operation(JsonNode node, String source, int lineNumber) {
    long index = integer(node, "index", source, lineNumber);
    OpType type = OpType.fromJepsenName(text(node, "type", source, lineNumber));
    if (type == null) {
      throw new MalformedHistoryException(source, lineNumber, "\"type\": invoke, ok, fail or info",
          node.get("type").toString());
    }
    String f = text(node, "f", source, lineNumber);
    JsonNode process = required(node, "process", source, lineNumber);
    OptionalLong time = node.has("time") ? OptionalLong.of(integer(node, "time", source, lineNumber)) : OptionalLong.empty();
    Map<String, Object> extra = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!Operation.STANDARD_FIELDS.contains(field.getKey())) {
        extra.put(field.getKey(), value(field.getValue(), source, lineNumber));
      }
    }
    Object value = node.has("value") ? value(node.get("value"), source, lineNumber) : null;
    return new Operation(index, value(process, source, lineNumber), type, f, value, node.has("value"), time, extra);
  }

  private static JsonNode required(JsonNode node, String field, String source, int lineNumber) {
    JsonNode value = node.get(field);
    if (value == null) {
      throw new MalformedHistoryException(source, lineNumber, "a \"" + field + "\" field", MalformedHistoryException.excerpt(node));
    }
    return value;
  }

  private static long integer(JsonNode node, String field, String source, int lineNumber) {
    JsonNode value = required(node, field, source, lineNumber);
    if (!value.canConvertToLong() || !value.isIntegralNumber()) {
      throw new MalformedHistoryException(source, lineNumber, "\"" + field + "\" to be an integer", value.toString());
    }
    return value.longValue();
  }

  private static String text(JsonNode node, String field, String source, int lineNumber) {
    JsonNode value = required(node, field, source, lineNumber);
    if (!value.isTextual()) {
      throw new MalformedHistoryException(source, lineNumber, "\"" + field + "\" to be a string", value.toString());
    }
    return value.textValue();
  }

  private static Object value(JsonNode node, String source, int lineNumber) {
    try {
      return JsonValues.read(node);
    } catch (IllegalArgumentException e) {
      throw new MalformedHistoryException(source, lineNumber, e.getMessage(), null);
    }
  }
}
