package io.tumbler.runformat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one JSON mapping of the run-format records, shared by the writer (scenarios) and the readers (reports,
 * {@code check-journal}), so a field is named in exactly one place: the record component. Unknown fields are
 * ignored (a newer writer may add some); a missing number reads as 0.
 */
public final class RunFormatJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private RunFormatJson() {}

  /** The shared mapper; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** {@code value} as one line of JSON (no newline). */
  public static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a run-format record did not serialize: " + value, e);
    }
  }

  /** One {@code trace.jsonl} line as a record; throws on a line that is not JSON of that shape. */
  public static TraceEvent traceEvent(String line) throws JsonProcessingException {
    return MAPPER.readValue(line, TraceEvent.class);
  }
}
