package io.tumbler.lin.io.porcupine;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Porcupine's kv test files ({@code test_data/kv/cNN-{ok,bad}.txt}; corpus MANIFEST section 2):
 * one EDN map per line, {@code {:process P, :type :invoke|:ok, :f :get|:put|:append, :key "k", :value
 * nil|"v"}}, matched by Porcupine's own line shape (values contain no escaped quotes).
 *
 * <p>Each line becomes one event with index = 0-based line number and value the tuple {@code [key v]}
 * ({@code [key nil]} for a get invocation), the shape {@code kv-get-put-append} reads. Blank lines are
 * skipped; any other line that does not match is an error.
 */
public final class KvFileImporter {
  private static final Pattern EVENT = Pattern.compile(
      "\\{:process (\\d+), :type :(invoke|ok|fail|info), :f :(get|put|append), :key \"([^\"]*)\", :value (nil|\"([^\"]*)\")\\}\\s*");

  private KvFileImporter() {}

  /** The history in {@code reader}; {@code source} names it in errors. */
  public static History read(Reader reader, String source) throws IOException {
    History.Builder history = History.builder(source, true);
    BufferedReader lines = new BufferedReader(reader);
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      Matcher match = EVENT.matcher(line);
      if (!match.matches()) {
        throw new MalformedHistoryException(source, lineNumber,
            "'{:process P, :type :invoke|:ok, :f :get|:put|:append, :key \"k\", :value nil|\"v\"}'",
            MalformedHistoryException.excerpt(line));
      }
      Object value = ImmutableValues.vector(match.group(4), match.group(6));
      history.add(new Operation(lineNumber - 1, Long.parseLong(match.group(1)), OpType.fromJepsenName(match.group(2)),
          match.group(3), value, true, OptionalLong.empty(), Map.of()), lineNumber);
    }
    return history.build();
  }
}
