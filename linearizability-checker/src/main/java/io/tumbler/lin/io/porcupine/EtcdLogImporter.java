package io.tumbler.lin.io.porcupine;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Porcupine's Jepsen etcd logs ({@code test_data/jepsen/etcd_NNN.log}; corpus MANIFEST section 1):
 * lines {@code INFO  jepsen.util - <process> <type> <f> <value>}, fields separated by tabs or spaces.
 *
 * <p>Each line becomes one event whose index is its 0-based line number (first-bad-op.csv counts that
 * way). Values: {@code nil} is null (for an ok read: the key is absent), integers are longs, {@code [a
 * b]} is a vector of two longs, {@code :timed-out} is a keyword. Lines without {@code jepsen.util - }
 * are log noise and skipped, as Porcupine skips them; a {@code jepsen.util} line that does not parse is
 * an error. Check with {@code etcd-cas-register}.
 */
public final class EtcdLogImporter {
  private static final String MARKER = "jepsen.util - ";
  private static final byte[] MARKER_BYTES = MARKER.getBytes(StandardCharsets.US_ASCII);
  private static final Pattern EVENT =
      Pattern.compile("(\\d+)\\s+:(invoke|ok|fail|info)\\s+:(read|write|cas)\\s+(nil|-?\\d+|\\[\\s*-?\\d+\\s+-?\\d+\\s*\\]|:[a-z-]+)\\s*");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+");

  private EtcdLogImporter() {}

  /** The history in {@code reader}; {@code source} names it in errors. */
  public static History read(Reader reader, String source) throws IOException {
    History.Builder history = History.builder(source, true);
    BufferedReader lines = new BufferedReader(reader);
    EtcdEventScanner scanner = new EtcdEventScanner();
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      int marker = line.indexOf(MARKER);
      if (marker < 0) {
        continue;
      }
      String event = line.substring(marker + MARKER.length());
      Operation scanned = scanner.scan(event, lineNumber);
      history.add(scanned != null ? scanned : parse(event, lineNumber, source), lineNumber);
    }
    return history.build();
  }

  /**
   * The history in {@code content}, the bytes of a UTF-8 file; {@code source} names it in errors. The same
   * history (or error) as {@link #read(Reader, String)} over the decoded text, read without decoding while
   * the bytes are ASCII (a Jepsen log always is): lines end at {@code \n}, {@code \r} or {@code \r\n} as
   * for {@link BufferedReader#readLine}. At the first byte outside ASCII the whole file is read again
   * through a UTF-8 decoder that reports malformed input, as a file reader does.
   */
  public static History read(byte[] content, String source) throws IOException {
    History.Builder history = History.builder(source, true);
    AsciiLines lines = new AsciiLines(content);
    EtcdEventScanner scanner = new EtcdEventScanner();
    int lineNumber = 0;
    while (lines.next()) {
      addLine(history, lines, scanner, ++lineNumber, source);
    }
    if (lines.sawNonAscii()) {
      CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
      return read(new InputStreamReader(new ByteArrayInputStream(content), utf8), source);
    }
    return history.build();
  }

  /**
   * Adds the event on the current line, if it has one. (The loop's body is a method of its own: in a fresh
   * JVM a method is compiled after a few hundred calls, while a loop in a method called once runs
   * interpreted for tens of thousands of iterations.)
   */
  private static void addLine(History.Builder history, AsciiLines lines, EtcdEventScanner scanner, int lineNumber,
      String source) {
    int event = lines.find(MARKER_BYTES);
    if (event < 0) {
      return;
    }
    event += MARKER_BYTES.length;
    Operation scanned = scanner.scan(lines.content(), event, lines.end(), lineNumber);
    history.add(scanned != null ? scanned : parse(lines.text(event), lineNumber, source), lineNumber);
  }

  /** The pattern's reading of {@code event}: the definition, and the path of whatever the scanner declines. */
  static Operation parse(String event, int lineNumber, String source) {
    Matcher match = EVENT.matcher(event);
    if (!match.matches()) {
      throw new MalformedHistoryException(source, lineNumber,
          "'<process> :invoke|:ok|:fail|:info :read|:write|:cas <nil|integer|[from to]|:keyword>'",
          MalformedHistoryException.excerpt(event));
    }
    OpType type = OpType.fromJepsenName(match.group(2));
    return new Operation(lineNumber - 1, Long.parseLong(match.group(1)), type, match.group(3),
        value(match.group(4)), true, OptionalLong.empty(), Map.of());
  }

  private static Object value(String text) {
    if (text.equals("nil")) {
      return null;
    }
    if (text.startsWith(":")) {
      return Keyword.of(text.substring(1));
    }
    if (text.startsWith("[")) {
      Matcher numbers = NUMBER.matcher(text);
      numbers.find();
      long from = Long.parseLong(numbers.group());
      numbers.find();
      return ImmutableValues.vector(from, Long.parseLong(numbers.group()));
    }
    return Long.parseLong(text);
  }
}
