package io.tumbler.cli;

/** Facts about the build that runs: the source commit, which {@code ./tumbler} passes in the environment. */
final class Build {
  private Build() {}

  /** The git commit of the checkout the jar was launched from, or "unknown". */
  static String commit() {
    String commit = System.getenv("TUMBLER_COMMIT");
    return commit == null || commit.isBlank() ? "unknown" : commit;
  }
}
