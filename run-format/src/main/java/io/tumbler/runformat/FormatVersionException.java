package io.tumbler.runformat;

import java.io.IOException;

/**
 * A run-directory file written in a format version this code does not read. Its message is one line a person can
 * act on: the file, the version found and the version expected.
 */
public final class FormatVersionException extends IOException {
  private static final long serialVersionUID = 1L;

  public FormatVersionException(String file, int found, int expected) {
    super(file + " is run-format version " + found + "; this tumbler reads version " + expected
        + " (re-run the seed with this build to get a readable run directory)");
  }
}
