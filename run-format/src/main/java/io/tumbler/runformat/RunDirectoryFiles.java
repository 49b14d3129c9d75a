package io.tumbler.runformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reading {@code run.json}, {@code checks.json}, {@code linearizability.json} and a campaign's {@code summary.json} as their records, with the version check in one place: a file of
 * a version this code does not read fails with a {@link FormatVersionException} (one line naming the file and the
 * versions), never with a stack trace of a field that moved.
 */
public final class RunDirectoryFiles {
  private RunDirectoryFiles() {}

  /** {@code run.json}'s object as its record. */
  public static RunRecord run(String file, JsonNode object) throws FormatVersionException {
    requireReadable(file, object, RunRecord.VERSION);
    JsonNode read = object;
    if (RunRecord.REAL_CLUSTER.equals(object.path("mode").asText()) && !object.has("realCluster")
        && object instanceof ObjectNode flat) {
      // Version 1 of a real-cluster run.json: the facts were top-level fields, the same names the record has.
      read = flat.deepCopy().set("realCluster", flat);
    }
    return RunFormatJson.mapper().convertValue(read, RunRecord.class);
  }

  /** {@code checks.json}'s object as its record. */
  public static ChecksRecord checks(String file, JsonNode object) throws FormatVersionException {
    requireReadable(file, object, ChecksRecord.VERSION);
    return RunFormatJson.mapper().convertValue(object, ChecksRecord.class);
  }

  /** {@code linearizability.json}'s object as its record. */
  public static LinearizabilityRecord linearizability(String file, JsonNode object) throws FormatVersionException {
    requireReadable(file, object, LinearizabilityRecord.VERSION);
    return RunFormatJson.mapper().convertValue(object, LinearizabilityRecord.class);
  }

  /** A campaign's {@code summary.json} as its record (a summary without a version is of the first format). */
  public static CampaignSummary summary(String file, JsonNode object) throws FormatVersionException {
    requireReadable(file, object, CampaignSummary.VERSION);
    return RunFormatJson.mapper().convertValue(object, CampaignSummary.class);
  }

  /** Versions 1 (the first, or no version field: a campaign results line) up to {@code current} are read. */
  private static void requireReadable(String file, JsonNode object, int current) throws FormatVersionException {
    JsonNode v = object.get("version");
    int version = v == null ? 1 : v.asInt(-1);
    if (version < 1 || version > current) {
      throw new FormatVersionException(file, version, current);
    }
  }
}
