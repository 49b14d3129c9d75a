package io.tumbler.lin.io.porcupine;

import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A hand-written reader of the well-formed etcd log event ({@code <process> :<type> :<f> <value>}), the fast
 * path of {@link EtcdLogImporter}: it accepts a subset of what the importer's pattern accepts and builds the
 * same operation, and answers null for anything else (a malformed line, an unusual but legal spelling, a
 * number too long to be sure of), which the pattern then decides exactly as before.
 *
 * <p>Why: in a fresh JVM the regex engine runs interpreted for most of a 10k-operation log, and reading
 * cost a cold {@code tumbler check} about as much as the search; this scanner is a few straight loops.
 * Not thread-safe: one per read.
 */
final class EtcdEventScanner {
  /** The longest digit run read here; longer ones (which may overflow a long) go to the pattern. */
  private static final int MAX_DIGITS = 18;

  private String text;
  private int at;

  /** The operation the event {@code event} on line {@code lineNumber} (1-based) describes, or null (see above). */
  Operation scan(String event, int lineNumber) {
    text = event;
    at = 0;
    long process = digits();
    if (process < 0 || !spaces() || !colon()) {
      return null;
    }
    OpType type = type(word());
    if (type == null || !spaces() || !colon()) {
      return null;
    }
    String f = function(word());
    if (f == null || !spaces()) {
      return null;
    }
    Object[] value = new Object[1];
    if (!value(value)) {
      return null;
    }
    spaces();
    if (at != text.length()) {
      return null;
    }
    return new Operation(lineNumber - 1, process, type, f, value[0], true, OptionalLong.empty(), Map.of());
  }

  /** Reads {@code nil}, an integer, {@code [a b]} or {@code :keyword} into {@code into[0]}; false if none. */
  private boolean value(Object[] into) {
    if (text.startsWith("nil", at)) {
      at += 3;
      into[0] = null;
      return true;
    }
    if (colon()) {
      int start = at;
      while (at < text.length() && (isLower(text.charAt(at)) || text.charAt(at) == '-')) {
        at++;
      }
      into[0] = at > start ? Keyword.of(text.substring(start, at)) : null;
      return at > start;
    }
    if (at < text.length() && text.charAt(at) == '[') {
      at++;
      spaces();
      Long from = signed();
      if (from == null || !spaces()) {
        return false;
      }
      Long to = signed();
      spaces();
      if (to == null || at >= text.length() || text.charAt(at) != ']') {
        return false;
      }
      at++;
      into[0] = ImmutableValues.vector(from, to);
      return true;
    }
    Long number = signed();
    into[0] = number;
    return number != null;
  }

  private Long signed() {
    boolean negative = at < text.length() && text.charAt(at) == '-';
    if (negative) {
      at++;
    }
    long magnitude = digits();
    return magnitude < 0 ? null : negative ? -magnitude : magnitude;
  }

  /** A run of 1 to {@value #MAX_DIGITS} ASCII digits as a number, or -1. */
  private long digits() {
    int start = at;
    long value = 0;
    while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
      value = value * 10 + (text.charAt(at) - '0');
      at++;
    }
    int length = at - start;
    return length == 0 || length > MAX_DIGITS ? -1 : value;
  }

  /** Skips the pattern's {@code \s*}; true if it skipped at least one character. */
  private boolean spaces() {
    int start = at;
    while (at < text.length() && isSpace(text.charAt(at))) {
      at++;
    }
    return at > start;
  }

  private boolean colon() {
    if (at < text.length() && text.charAt(at) == ':') {
      at++;
      return true;
    }
    return false;
  }

  private String word() {
    int start = at;
    while (at < text.length() && isLower(text.charAt(at))) {
      at++;
    }
    return text.substring(start, at);
  }

  private static OpType type(String word) {
    switch (word) {
      case "invoke":
        return OpType.INVOKE;
      case "ok":
        return OpType.OK;
      case "fail":
        return OpType.FAIL;
      case "info":
        return OpType.INFO;
      default:
        return null;
    }
  }

  private static String function(String word) {
    switch (word) {
      case "read":
        return "read";
      case "write":
        return "write";
      case "cas":
        return "cas";
      default:
        return null;
    }
  }

  private static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  /** Java's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }
}
