package io.tumbler.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A JSON tree as one line of compact text, the same text as {@link JsonNode#toString()}, written through
 * jackson-core's generator alone.
 *
 * <p>Why: {@code JsonNode.toString()} builds Jackson's shared {@code ObjectMapper} on first use (serializer
 * tables, type factory, date formats, locale data: about 600 classes), which cost a fresh {@code tumbler check
 * --json} about 100 ms after its check was over, more than the check of a 10k-op history. Trees here hold
 * objects, arrays, strings, numbers, booleans and nulls.
 */
final class JsonLine {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLine() {}

  /** {@code tree} as compact JSON text. */
  static String of(JsonNode tree) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = FACTORY.createGenerator(text)) {
      write(tree, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  private static void write(JsonNode node, JsonGenerator out) throws IOException {
    if (node.isObject()) {
      out.writeStartObject();
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        out.writeFieldName(field.getKey());
        write(field.getValue(), out);
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (JsonNode element : node) {
        write(element, out);
      }
      out.writeEndArray();
    } else if (node.isTextual()) {
      out.writeString(node.textValue());
    } else if (node.isIntegralNumber()) {
      out.writeNumber(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.writeNumber(node.doubleValue());
    } else if (node.isBoolean()) {
      out.writeBoolean(node.booleanValue());
    } else if (node.isNull() || node.isMissingNode()) {
      out.writeNull();
    } else {
      throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
  }
}
