package io.tumbler.cli;

/**
 * Bad input a person can fix: a missing or malformed file, an unknown model or scenario. The
 * message names what and where; the command exits with {@link ExitCode#BAD_INPUT}.
 */
public final class BadInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
