package io.tumbler.lin.io.jsonl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.lin.history.EdnList;
import io.tumbler.lin.history.EdnSymbol;
import io.tumbler.lin.history.EdnTagged;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON encoding of history values (history.jsonl schema v1; see the module README, "Values"). Plain
 * JSON values mean themselves; the EDN-only kinds are encoded so that EDN round-trips losslessly:
 *
 * <ul>
 *   <li>a keyword is a string with a leading colon: {@code :timed-out} is {@code ":timed-out"};</li>
 *   <li>a string that itself starts with {@code :} or {@code ~} gets a {@code ~} prepended;</li>
 *   <li>a map whose keys are all strings or keywords is an object whose keys follow the two rules above;</li>
 *   <li>the rest are one-key objects: {@code {"~list": [..]}}, {@code {"~set": [..]}}, {@code {"~map":
 *       [[k, v], ..]}}, {@code {"~symbol": "s"}}, {@code {"~char": "c"}}, {@code {"~bigdec": "1.50"}},
 *       {@code {"~double": "NaN"}}, {@code {"~tagged": ["inst", form]}}. A real one-key map whose key
 *       starts with {@code ~} is written with the key escaped ({@code "~~..."}), so these never clash.</li>
 * </ul>
 */
public final class JsonValues {
  private static final List<String> TAGS = List.of("~list", "~set", "~map", "~symbol", "~char", "~bigdec", "~double", "~tagged");

  private JsonValues() {}

  /** Writes {@code value} (of the history value universe) to {@code json}. */
  public static void write(Object value, JsonGenerator json) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof Long number) {
      json.writeNumber(number);
    } else if (value instanceof BigInteger number) {
      json.writeNumber(number);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof String text) {
      json.writeString(encodeString(text));
    } else if (value instanceof Keyword keyword) {
      json.writeString(":" + keyword.name());
    } else if (value instanceof Double number) {
      writeDouble(number, json);
    } else if (value instanceof List<?> items) {
      writeArray(items, json);
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, json);
    } else {
      writeTagged(value, json);
    }
  }

  private static String encodeString(String text) {
    return text.startsWith(":") || text.startsWith("~") ? "~" + text : text;
  }

  private static void writeDouble(double number, JsonGenerator json) throws IOException {
    if (Double.isFinite(number)) {
      json.writeNumber(number);
    } else {
      json.writeStartObject();
      json.writeStringField("~double", Double.toString(number));
      json.writeEndObject();
    }
  }

  private static void writeArray(Iterable<?> items, JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (Object item : items) {
      write(item, json);
    }
    json.writeEndArray();
  }

  private static void writeMap(Map<?, ?> map, JsonGenerator json) throws IOException {
    boolean plainKeys = map.keySet().stream().allMatch(key -> key instanceof String || key instanceof Keyword);
    json.writeStartObject();
    if (plainKeys) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        Object key = entry.getKey();
        json.writeFieldName(key instanceof Keyword keyword ? ":" + keyword.name() : encodeString((String) key));
        write(entry.getValue(), json);
      }
    } else {
      json.writeFieldName("~map");
      json.writeStartArray();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeStartArray();
        write(entry.getKey(), json);
        write(entry.getValue(), json);
        json.writeEndArray();
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static void writeTagged(Object value, JsonGenerator json) throws IOException {
    json.writeStartObject();
    if (value instanceof EdnList list) {
      json.writeFieldName("~list");
      writeArray(list.items(), json);
    } else if (value instanceof Set<?> set) {
      json.writeFieldName("~set");
      writeArray(set, json);
    } else if (value instanceof EdnSymbol symbol) {
      json.writeStringField("~symbol", symbol.name());
    } else if (value instanceof Character character) {
      json.writeStringField("~char", character.toString());
    } else if (value instanceof BigDecimal decimal) {
      json.writeStringField("~bigdec", decimal.toString());
    } else if (value instanceof EdnTagged tagged) {
      json.writeFieldName("~tagged");
      json.writeStartArray();
      json.writeString(tagged.tag());
      write(tagged.value(), json);
      json.writeEndArray();
    } else {
      throw new IllegalArgumentException("not a history value: " + value.getClass().getName());
    }
    json.writeEndObject();
  }

  /**
   * The history value {@code node} encodes.
   *
   * @throws IllegalArgumentException naming what is wrong, for an unknown {@code ~tag}
   */
  public static Object read(JsonNode node) {
    if (node.isNull()) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return ImmutableValues.normalize(node.bigIntegerValue());
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      return decodeString(node.textValue());
    }
    if (node.isArray()) {
      return ImmutableValues.list(items(node));
    }
    return readObject(node);
  }

  /** The value a JSON string encodes: a keyword, an escaped string, or itself. */
  public static Object decodeString(String text) {
    if (text.startsWith(":") && text.length() > 1) {
      return Keyword.of(text.substring(1));
    }
    return text.startsWith("~") ? text.substring(1) : text;
  }

  private static List<Object> items(JsonNode array) {
    List<Object> items = new ArrayList<>(array.size());
    for (JsonNode item : array) {
      items.add(read(item));
    }
    return items;
  }

  private static Object readObject(JsonNode node) {
    if (node.size() == 1) {
      String key = node.fieldNames().next();
      if (key.startsWith("~") && !key.startsWith("~~") && !key.startsWith("~:")) {
        return readTagged(key, node.get(key));
      }
    }
    Map<Object, Object> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      map.put(decodeString(field.getKey()), read(field.getValue()));
    }
    return ImmutableValues.map(map);
  }

  private static Object readTagged(String tag, JsonNode body) {
    switch (tag) {
      case "~list":
        return new EdnList(items(body));
      case "~set":
        return ImmutableValues.normalize(new LinkedHashSet<>(items(body)));
      case "~map":
        Map<Object, Object> map = new LinkedHashMap<>();
        for (JsonNode pair : body) {
          map.put(read(pair.get(0)), read(pair.get(1)));
        }
        return ImmutableValues.map(map);
      case "~symbol":
        return new EdnSymbol(body.textValue());
      case "~char":
        return body.textValue().charAt(0);
      case "~bigdec":
        return new BigDecimal(body.textValue());
      case "~double":
        return Double.valueOf(body.textValue());
      case "~tagged":
        return new EdnTagged(body.get(0).textValue(), read(body.get(1)));
      default:
        throw new IllegalArgumentException("one of " + TAGS + " (or an escaped key ~~...), found " + tag);
    }
  }
}
