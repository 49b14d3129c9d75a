package io.tumbler.runformat;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The version of {@code journal.jsonl}, shared by the writer (scenarios) and its readers (check-journal, reports).
 * Each line is {@code {"version":2,"event":NAME,"timeNanos":T,"node":N,...}}: NAME is the simple name of the node's
 * observation record (raft-impl's {@code Observation}) or of a harness-only event, followed by that record's fields.
 * Version 1 lines (no {@code version} field) used a vocabulary of their own (a {@code RoleChanged} event, appends
 * by {@code firstIndex}); they are refused with one line, not read.
 *
 * <p>Readers outside the node read a line as a {@link JournalLine}: its envelope, its fields as data, and for the
 * events they interpret the {@link JournalEvent} record of the observation's shape.
 */
public final class JournalFormat {
  /** The version written and read. */
  public static final int VERSION = 2;

  private JournalFormat() {}

  /** The version of one journal line's fields: its {@code version} field, 1 when it has none. */
  public static int versionOf(JsonNode line) {
    return line.path("version").asInt(1);
  }
}
