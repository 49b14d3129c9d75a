package io.tumbler.lin.io.edn;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Operation;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a history as a Jepsen/Knossos EDN vector of op maps, one map per line, printed by Clojure's
 * own printer ({@code pr-str}), so any EDN reader reads it back. {@code :index} is written only when the
 * history's indexes came from its source (see {@link History#explicitIndexes()}), so that a file read
 * without indexes writes back without them.
 */
public final class EdnHistoryWriter {
  private EdnHistoryWriter() {}

  /** Writes {@code history} to {@code out} (not closed). */
  public static void write(History history, Writer out) throws IOException {
    out.write('[');
    boolean first = true;
    for (Operation operation : history.operations()) {
      if (!first) {
        out.write("\n ");
      }
      first = false;
      out.write((String) ClojureRuntime.prStr().invoke(EdnOperations.toOpMap(operation, history.explicitIndexes())));
    }
    out.write("]\n");
    out.flush();
  }
}
