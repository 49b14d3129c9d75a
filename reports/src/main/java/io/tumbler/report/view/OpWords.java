package io.tumbler.report.view;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Plain words for an operation, so a person reads "read 171 of key 2" rather than
 * {@code {:f :read :value [2 171]}}. Knows the shapes of the kv model ({@code [key, value]},
 * {@code [key, [expected, new]]}) and falls back to the JSON text for anything else.
 */
public final class OpWords {
  private OpWords() {}

  /** Describes {@code f} applied with {@code value}. */
  public static String describe(String f, JsonNode value) {
    if (value != null && value.isArray() && value.size() == 2 && value.get(0).isValueNode()) {
      return keyed(f, value.get(0).asText(), value.get(1));
    }
    if (value == null || value.isNull() || value.isMissingNode()) {
      return f;
    }
    return f + " " + compact(value);
  }

  private static String keyed(String f, String key, JsonNode v) {
    switch (f.toLowerCase(Locale.ROOT)) {
      case "read":
        return "read " + (v.isNull() ? "nothing" : compact(v)) + " of key " + key;
      case "write":
        return "write " + compact(v) + " to key " + key;
      case "cas":
        if (v.isArray() && v.size() == 2) {
          return "cas key " + key + " from " + compact(v.get(0)) + " to " + compact(v.get(1));
        }
        return "cas key " + key + " " + compact(v);
      default:
        return f + " key " + key + " " + compact(v);
    }
  }

  /** JSON text without quotes around plain strings; values longer than 80 characters are cut. */
  public static String compact(JsonNode v) {
    String text = v.isTextual() ? v.asText() : v.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }

  /** Seconds with four decimals: {@code t=1.2103 s}. */
  public static String seconds(long nanos) {
    return String.format(Locale.ROOT, "t=%.4f s", nanos / 1e9);
  }
}
