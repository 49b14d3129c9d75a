package io.tumbler.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The files {@code tumbler report} can write, with the suffix each takes next to the HTML. */
public enum ReportFormat {
  /** The self-contained page a person reads. */
  HTML(".html"),
  /** {@code report.json}, as described by {@code report.schema.json}. */
  JSON(".json"),
  /** JUnit XML for CI test tabs. */
  JUNIT(".junit.xml"),
  /** A Markdown summary for CI job summaries. */
  MARKDOWN(".md");

  private final String suffix;

  ReportFormat(String suffix) {
    this.suffix = suffix;
  }

  /** The file-name suffix, e.g. {@code .junit.xml}. */
  public String suffix() {
    return suffix;
  }

  /** Parses {@code html|json|junit|markdown|all}; empty for anything else. */
  public static Optional<Set<ReportFormat>> parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("all")) {
      return Optional.of(EnumSet.allOf(ReportFormat.class));
    }
    for (ReportFormat f : values()) {
      if (f.name().toLowerCase(Locale.ROOT).equals(t) || (f == MARKDOWN && t.equals("md"))) {
        return Optional.of(EnumSet.of(f));
      }
    }
    return Optional.empty();
  }
}
