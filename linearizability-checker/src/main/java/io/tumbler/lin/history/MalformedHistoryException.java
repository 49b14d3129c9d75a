package io.tumbler.lin.history;

/**
 * The one error for input a person must fix: bad JSON or EDN, an unknown {@code type}, a completion
 * without an invocation, a process with two open calls, a header of an unknown version. It names the
 * file, the 1-based line (0 when unknown) and what was expected there. The CLI maps it to exit 3.
 */
public final class MalformedHistoryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String expected;

  /**
   * @param source   the file (or another name for the input); may be null
   * @param line     1-based line, 0 when unknown
   * @param expected what the reader expected, in words a user understands
   * @param found    what was there instead (shortened by the caller), or null
   */
  public MalformedHistoryException(String source, int line, String expected, String found) {
    this(source, line, expected, found, null);
  }

  public MalformedHistoryException(String source, int line, String expected, String found, Throwable cause) {
    super(format(source, line, expected, found), cause);
    this.source = source;
    this.line = line;
    this.expected = expected;
  }

  private static String format(String source, int line, String expected, String found) {
    String where = (source == null ? "<history>" : source) + (line > 0 ? ":" + line : "");
    return where + ": expected " + expected + (found == null ? "" : ", found " + found);
  }

  /** The file or input name, or null. */
  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** What was expected. */
  public String expected() {
    return expected;
  }

  /** Shortens a piece of input for a message. */
  public static String excerpt(Object found) {
    String text = String.valueOf(found);
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
