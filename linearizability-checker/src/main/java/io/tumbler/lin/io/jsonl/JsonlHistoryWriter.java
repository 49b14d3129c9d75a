package io.tumbler.lin.io.jsonl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Operation;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes history.jsonl (schema v1): the header line, then one operation per line with Jepsen's field
 * names, in this order: {@code index}, {@code process}, {@code type}, {@code f}, {@code value} (omitted
 * when the operation has none), {@code time} (when recorded), then extra fields ({@code error}, ...).
 * Values follow {@link JsonValues}.
 *
 * <p>Streaming: the harness appends operations as they happen and may {@link #flush()} after each, so
 * that a crash loses nothing already written. Not thread-safe.
 */
public final class JsonlHistoryWriter implements Closeable {
  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;

  /** Writes {@code header} to {@code out} at once; the writer owns {@code out} from now on. */
  public JsonlHistoryWriter(Writer out, JsonlHeader header) throws IOException {
    this.out = out;
    writeHeader(header);
  }

  /** Writes a whole history with a header and closes nothing. */
  public static void write(History history, JsonlHeader header, Writer out) throws IOException {
    JsonlHistoryWriter writer = new JsonlHistoryWriter(out, header);
    for (Operation operation : history.operations()) {
      writer.append(operation);
    }
    writer.flush();
  }

  private void writeHeader(JsonlHeader header) throws IOException {
    JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartObject();
    json.writeNumberField(JsonlHeader.VERSION_KEY, JsonlHeader.VERSION);
    if (header.model() != null) {
      json.writeStringField("model", header.model());
    }
    if (header.initialValueSet()) {
      json.writeFieldName("init");
      JsonValues.write(header.initialValue(), json);
    }
    json.writeStringField("indexes", header.explicitIndexes() ? "explicit" : "positions");
    json.writeEndObject();
    json.close();
    out.write('\n');
  }

  /** Appends one operation line. */
  public void append(Operation operation) throws IOException {
    JsonGenerator json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    json.writeStartObject();
    json.writeNumberField("index", operation.index());
    json.writeFieldName("process");
    JsonValues.write(operation.process(), json);
    json.writeStringField("type", operation.type().jepsenName());
    json.writeStringField("f", operation.f());
    if (operation.valuePresent()) {
      json.writeFieldName("value");
      JsonValues.write(operation.value(), json);
    }
    if (operation.timeNanos().isPresent()) {
      json.writeNumberField("time", operation.timeNanos().getAsLong());
    }
    for (Map.Entry<String, Object> field : operation.extra().entrySet()) {
      json.writeFieldName(field.getKey());
      JsonValues.write(field.getValue(), json);
    }
    json.writeEndObject();
    json.close();
    out.write('\n');
  }

  /** Flushes what was appended to the underlying writer. */
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** {@link #append} for lambdas: rethrows IOException unchecked. */
  public void appendUnchecked(Operation operation) {
    try {
      append(operation);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
