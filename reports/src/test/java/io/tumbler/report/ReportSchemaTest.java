package io.tumbler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * report.json carries every field its schema requires (top level and in each array item the schema describes),
 * and the schema's version matches the writer's: the schema file documents what is really written.
 */
class ReportSchemaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path temp;

  @Test
  void runAndCampaignReportsHaveEveryRequiredField() throws IOException {
    JsonNode schema = JSON.readTree(ReportSchemaTest.class.getResource("/io/tumbler/report/report.schema.json"));
    for (String fixture : List.of("stale-run", "safety-run")) {
      Path out = temp.resolve(fixture + ".json");
      Reports.write(List.of(Fixtures.run(fixture)), out, EnumSet.of(ReportFormat.JSON));
      conforms(JSON.readTree(out.toFile()), schema.path("$defs").path("run"), schema, fixture);
    }
    Path parent = Fixtures.campaign(temp.resolve("c"));
    Path out = temp.resolve("campaign.json");
    Reports.write(List.of(parent.resolve("campaign-a"), parent.resolve("campaign-b")), out, EnumSet.of(ReportFormat.JSON));
    JsonNode report = JSON.readTree(out.toFile());
    conforms(report, schema.path("$defs").path("campaign"), schema, "campaign");
    assertEquals(schema.path("properties").path("schemaVersion").path("const").asInt(), report.path("schemaVersion").asInt());
  }

  /** Checks required fields recursively through properties, array items and local $refs. */
  private static void conforms(JsonNode value, JsonNode def, JsonNode schema, String where) {
    if (def.has("$ref")) {
      conforms(value, schema.at(def.path("$ref").asText().substring(1)), schema, where);
      return;
    }
    if (value.isObject()) {
      def.path("required").forEach(r -> assertTrue(value.has(r.asText()), where + " lacks required " + r.asText()));
      def.path("properties").fields().forEachRemaining(p -> {
        if (value.has(p.getKey()) && !value.get(p.getKey()).isNull()) {
          conforms(value.get(p.getKey()), p.getValue(), schema, where + "." + p.getKey());
        }
      });
      def.path("oneOf").forEach(alt -> {
        if (alt.path("type").asText().equals("object")) {
          conforms(value, alt, schema, where);
        }
      });
    }
    if (value.isArray() && def.has("items")) {
      value.forEach(item -> conforms(item, def.path("items"), schema, where + "[]"));
    }
  }
}
