package io.tumbler.report.view;

import io.tumbler.runformat.SafetyFinding;

/** A broken property in words, for readers who have not got the paper open. */
public final class SafetyProperties {
  private SafetyProperties() {}

  /** "PROPERTY: its rule", from the rule the checker recorded with the finding (just the name when it has none). */
  public static String explain(SafetyFinding f) {
    return f.rule().isBlank() ? f.property() + "." : f.property() + ": " + f.rule();
  }
}
