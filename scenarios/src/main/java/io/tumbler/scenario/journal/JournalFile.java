package io.tumbler.scenario.journal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.raft.Configuration;
import io.tumbler.raft.node.Observation;
import io.tumbler.runformat.FormatVersionException;
import io.tumbler.runformat.JournalFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code journal.jsonl}: one journal entry per line, {@code {"version":2,"event":"Voted","timeNanos":..,"node":..,
 * ...}} — the version, the simple name of the node's {@link Observation} record or of the {@link HarnessEvent},
 * the time, then that record's own fields — so the safety checker can be re-run offline over a saved run.
 *
 * <p>Version 1 (no {@code version} field) mirrored the observations in a vocabulary of its own; such a file is
 * refused with one line ({@link FormatVersionException}). A configuration is written as its voters and learners,
 * plus its {@link Configuration#encode() encoding} in base64 when it records host identities, so it reads back equal.
 */
public final class JournalFile {
  /** The journal format this code writes and reads. */
  public static final int VERSION = JournalFormat.VERSION;

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .registerModule(new SimpleModule("journal")
          .addSerializer(Configuration.class, new ConfigurationWriter())
          .addDeserializer(Configuration.class, new ConfigurationReader()));
  private static final Map<String, Class<?>> TYPES = types();

  private JournalFile() {}

  private static Map<String, Class<?>> types() {
    Map<String, Class<?>> types = new TreeMap<>();
    for (Class<?> c : Observation.class.getPermittedSubclasses()) {
      types.put(c.getSimpleName(), c);
    }
    for (Class<?> c : HarnessEvent.class.getPermittedSubclasses()) {
      if (types.put(c.getSimpleName(), c) != null) {
        throw new IllegalStateException("harness event " + c.getSimpleName() + " has an observation's name");
      }
    }
    return types;
  }

  public static String toLine(JournalEntry entry) {
    ObjectNode line = JSON.createObjectNode();
    line.put("version", VERSION);
    line.put("event", entry.payload().getClass().getSimpleName());
    line.put("timeNanos", entry.timeNanos());
    ObjectNode fields = JSON.valueToTree(entry.payload());
    fields.remove("timeNanos");
    line.setAll(fields);
    try {
      return JSON.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("journal entries always serialize", e);
    }
  }

  public static void write(Writer out, JournalEntry entry) throws IOException {
    out.write(toLine(entry));
    out.write('\n');
  }

  /**
   * Reads a journal; a malformed line raises {@link IllegalArgumentException} naming file and line, and so
   * does a file that is not UTF-8 text (a binary file given by mistake).
   *
   * @throws FormatVersionException when the journal is of another version (one line naming file and versions)
   */
  public static List<JournalEntry> read(Path file) throws IOException {
    try {
      return readEntries(file);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": expected a journal.jsonl (UTF-8 text, one JSON event per line), "
          + "found bytes that are not UTF-8", e);
    }
  }

  private static List<JournalEntry> readEntries(Path file) throws IOException {
    List<JournalEntry> entries = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        if (!line.isBlank()) {
          entries.add(parse(file, lineNumber, line));
        }
      }
    }
    return entries;
  }

  private static JournalEntry parse(Path file, int lineNumber, String line) throws FormatVersionException {
    ObjectNode node;
    try {
      JsonNode tree = JSON.readTree(line);
      if (!(tree instanceof ObjectNode object)) {
        throw new IllegalArgumentException(file + ":" + lineNumber + ": not a journal event: not a JSON object");
      }
      node = object;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ":" + lineNumber + ": not a journal event: " + e.getOriginalMessage(), e);
    }
    int version = JournalFormat.versionOf(node);
    if (version != VERSION) {
      throw new FormatVersionException(file.toString(), version, VERSION);
    }
    return entryOf(file, lineNumber, node);
  }

  private static JournalEntry entryOf(Path file, int lineNumber, ObjectNode node) {
    String name = node.path("event").asText();
    Class<?> type = TYPES.get(name);
    if (type == null || !node.has("timeNanos")) {
      throw new IllegalArgumentException(file + ":" + lineNumber + ": not a journal event: "
          + (type == null ? "unknown event \"" + name + "\"" : "no timeNanos"));
    }
    long timeNanos = node.path("timeNanos").asLong();
    node.remove("version");
    node.remove("event");
    if (Observation.class.isAssignableFrom(type)) {
      node.remove("timeNanos");
    }
    try {
      Object payload = JSON.treeToValue(node, type);
      return payload instanceof Observation o ? new JournalEntry.Stamped(timeNanos, o) : (HarnessEvent) payload;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ":" + lineNumber + ": not a journal event: " + e.getMessage(), e);
    }
  }

  /** Voters and learners as lists, the whole configuration encoded when it records identities. */
  private static final class ConfigurationWriter extends JsonSerializer<Configuration> {
    @Override
    public void serialize(Configuration c, JsonGenerator out, SerializerProvider provider) throws IOException {
      out.writeStartObject();
      out.writeObjectField("voters", c.voters());
      out.writeObjectField("learners", c.learners());
      if (!c.identities().isEmpty()) {
        out.writeStringField("encoded", Base64.getEncoder().encodeToString(c.encode()));
      }
      out.writeEndObject();
    }
  }

  private static final class ConfigurationReader extends JsonDeserializer<Configuration> {
    @Override
    public Configuration deserialize(JsonParser in, DeserializationContext context) throws IOException {
      JsonNode node = in.readValueAsTree();
      if (node.has("encoded")) {
        return Configuration.decode(Base64.getDecoder().decode(node.path("encoded").asText()));
      }
      List<Integer> voters = new ArrayList<>();
      node.path("voters").forEach(v -> voters.add(v.asInt()));
      List<Integer> learners = new ArrayList<>();
      node.path("learners").forEach(v -> learners.add(v.asInt()));
      return new Configuration(voters, learners);
    }
  }
}
