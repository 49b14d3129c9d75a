package io.tumbler.lin.io.porcupine;

import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A hand-written reader of the well-formed etcd log event ({@code <process> :<type> :<f> <value>}), the fast
 * path of {@link EtcdLogImporter}: it accepts a subset of what the importer's pattern accepts and builds the
 * same operation, and answers null for anything else (a malformed line, an unusual but legal spelling, a
 * number too long to be sure of, any byte outside ASCII), which the pattern then decides exactly as before.
 *
 * <p>Why: in a fresh JVM the regex engine runs interpreted for most of a 10k-operation log, and reading
 * cost a cold {@code tumbler check} about as much as the search. It reads ASCII bytes straight from the
 * file's buffer with array accesses only (no {@code String.charAt} chain, no per-line strings), since
 * most of a 10k-event read runs in the interpreter. Not thread-safe: one per read.
 */
final class EtcdEventScanner {
  /** The longest digit run read here; longer ones (which may overflow a long) go to the pattern. */
  private static final int MAX_DIGITS = 18;
  private static final byte[] INVOKE = ascii("invoke");
  private static final byte[] OK = ascii("ok");
  private static final byte[] FAIL = ascii("fail");
  private static final byte[] INFO = ascii("info");
  private static final byte[] READ = ascii("read");
  private static final byte[] WRITE = ascii("write");
  private static final byte[] CAS = ascii("cas");
  private static final byte[] NIL = ascii("nil");
  private static final byte[] TIMED_OUT = ascii("timed-out");
  private static final Keyword TIMED_OUT_KEYWORD = Keyword.of("timed-out");

  private byte[] text;
  private int at;
  private int end;
  private Object value;

  /** The operation the event {@code event} on line {@code lineNumber} (1-based) describes, or null (see above). */
  Operation scan(String event, int lineNumber) {
    // A character outside ASCII becomes '?', which the scanner accepts nowhere: it declines, as it should.
    byte[] bytes = event.getBytes(StandardCharsets.US_ASCII);
    return scan(bytes, 0, bytes.length, lineNumber);
  }

  /** {@link #scan(String, int)} of the ASCII event in {@code bytes[from..to)}. */
  Operation scan(byte[] bytes, int from, int to, int lineNumber) {
    text = bytes;
    at = from;
    end = to;
    long process = digits();
    if (process < 0 || !spaces() || !colon()) {
      return null;
    }
    OpType type = type();
    if (type == null || !spaces() || !colon()) {
      return null;
    }
    String f = function();
    if (f == null || !spaces() || !value()) {
      return null;
    }
    spaces();
    if (at != end) {
      return null;
    }
    return new Operation(lineNumber - 1, process, type, f, value, true, OptionalLong.empty(), Map.of());
  }

  /** Reads {@code nil}, an integer, {@code [a b]} or {@code :keyword} into {@link #value}; false if none. */
  private boolean value() {
    if (startsWith(NIL)) {
      at += NIL.length;
      value = null;
      return true;
    }
    if (colon()) {
      int start = at;
      while (at < end && (isLower(text[at]) || text[at] == '-')) {
        at++;
      }
      if (at == start) {
        return false;
      }
      value = at - start == TIMED_OUT.length && wordIs(start, TIMED_OUT) ? TIMED_OUT_KEYWORD
          : Keyword.of(new String(text, start, at - start, StandardCharsets.US_ASCII));
      return true;
    }
    if (at < end && text[at] == '[') {
      return vector();
    }
    Long number = signed();
    value = number;
    return number != null;
  }

  private boolean vector() {
    at++;
    spaces();
    Long from = signed();
    if (from == null || !spaces()) {
      return false;
    }
    Long to = signed();
    spaces();
    if (to == null || at >= end || text[at] != ']') {
      return false;
    }
    at++;
    value = ImmutableValues.vector(from, to);
    return true;
  }

  private Long signed() {
    boolean negative = at < end && text[at] == '-';
    if (negative) {
      at++;
    }
    long magnitude = digits();
    return magnitude < 0 ? null : negative ? -magnitude : magnitude;
  }

  /** A run of 1 to {@value #MAX_DIGITS} ASCII digits as a number, or -1. */
  private long digits() {
    int start = at;
    long number = 0;
    while (at < end && text[at] >= '0' && text[at] <= '9') {
      number = number * 10 + (text[at] - '0');
      at++;
    }
    int length = at - start;
    return length == 0 || length > MAX_DIGITS ? -1 : number;
  }

  /** Skips the pattern's {@code \s*}; true if it skipped at least one character. */
  private boolean spaces() {
    int start = at;
    while (at < end && isSpace(text[at])) {
      at++;
    }
    return at > start;
  }

  private boolean colon() {
    if (at < end && text[at] == ':') {
      at++;
      return true;
    }
    return false;
  }

  /** The run of lower-case letters at the cursor, as its start; the cursor moves past it. */
  private int word() {
    int start = at;
    while (at < end && isLower(text[at])) {
      at++;
    }
    return start;
  }

  private OpType type() {
    int start = word();
    int length = at - start;
    if (length == INVOKE.length && wordIs(start, INVOKE)) {
      return OpType.INVOKE;
    }
    if (length == OK.length && wordIs(start, OK)) {
      return OpType.OK;
    }
    if (length == FAIL.length && wordIs(start, FAIL)) {
      return OpType.FAIL;
    }
    return length == INFO.length && wordIs(start, INFO) ? OpType.INFO : null;
  }

  private String function() {
    int start = word();
    int length = at - start;
    if (length == READ.length && wordIs(start, READ)) {
      return "read";
    }
    if (length == WRITE.length && wordIs(start, WRITE)) {
      return "write";
    }
    return length == CAS.length && wordIs(start, CAS) ? "cas" : null;
  }

  /** Whether {@code text[start..)} begins with {@code word} (the caller checked the length fits). */
  private boolean wordIs(int start, byte[] word) {
    for (int i = 0; i < word.length; i++) {
      if (text[start + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean startsWith(byte[] word) {
    return end - at >= word.length && wordIs(at, word);
  }

  private static boolean isLower(byte c) {
    return c >= 'a' && c <= 'z';
  }

  /** Java's {@code \s}: space, tab, newline, vertical tab, form feed, carriage return. */
  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
  }

  private static byte[] ascii(String word) {
    return word.getBytes(StandardCharsets.US_ASCII);
  }
}
