package io.tumbler.report;

import java.nio.file.Path;
import java.util.List;

/** What {@link Reports#write} did: wrote files, or refused input that is not a run or campaign directory. */
public sealed interface ReportOutcome {
  /**
   * The report was written.
   *
   * @param kind "run" or "campaign"
   * @param files every file written, the main one first
   * @param verdict the outcome the report shows (PASS, VIOLATION, LIVENESS, ERROR, UNKNOWN)
   * @param notes what was missing from the input (the report says so too)
   */
  record Written(String kind, List<Path> files, String verdict, List<String> notes) implements ReportOutcome {
    public Written {
      files = List.copyOf(files);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Nothing was written: the input is not something a report can be made from.
   *
   * @param message one sentence naming the path and what was expected
   */
  record Rejected(String message) implements ReportOutcome {}
}
