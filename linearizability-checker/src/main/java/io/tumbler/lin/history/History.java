package io.tumbler.lin.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A well-formed history: events in real-time order, and the calls they pair into.
 *
 * <p>Well-formed means: every completion closes an open call of the same process and function, no
 * completion is timed before its invocation (when both carry a time), and no process has two calls open
 * at once. Non-client events (Jepsen's nemesis) are kept, so that the history
 * writes back as it was read, but pair with nothing. Invocations still open at the end are indeterminate
 * calls. Construction checks all of this and throws {@link MalformedHistoryException} naming the line.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class History {
  private final String source;
  private final List<Operation> operations;
  private final List<Call> calls;
  private final boolean explicitIndexes;

  private History(String source, List<Operation> operations, List<Call> calls, boolean explicitIndexes) {
    this.source = source;
    this.operations = operations;
    this.calls = calls;
    this.explicitIndexes = explicitIndexes;
  }

  /** A history of {@code operations} with explicit indexes, built in code (errors name the event's index). */
  public static History of(List<Operation> operations) {
    Builder builder = builder(null, true);
    for (Operation operation : operations) {
      builder.add(operation, 0);
    }
    return builder.build();
  }

  /**
   * A builder that checks well-formedness as events arrive, so that an error names the line it is on.
   *
   * @param source          the file name for error messages, or null
   * @param explicitIndexes whether the source gave each event its index (false: indexes are positions,
   *                        and EDN writes them back without {@code :index})
   */
  public static Builder builder(String source, boolean explicitIndexes) {
    return new Builder(source, explicitIndexes);
  }

  /** The file or input name this history was read from, or null. */
  public String source() {
    return source;
  }

  /** Every event, in real-time order. */
  public List<Operation> operations() {
    return operations;
  }

  /** The client calls, in order of invocation. */
  public List<Call> calls() {
    return calls;
  }

  /** Whether the indexes came from the source (false: they are positions the reader assigned). */
  public boolean explicitIndexes() {
    return explicitIndexes;
  }

  /** The number of client invocations (the "ops" column of the corpus's verdicts.csv). */
  public int invocationCount() {
    return calls.size();
  }

  /** Accumulates events in real-time order and pairs them; see {@link History}. */
  public static final class Builder {
    private final String source;
    private final boolean explicitIndexes;
    private final List<Operation> operations = new ArrayList<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<Long, Integer> openByProcess = new HashMap<>();

    private Builder(String source, boolean explicitIndexes) {
      this.source = source;
      this.explicitIndexes = explicitIndexes;
    }

    /**
     * Appends the next event.
     *
     * @param line the 1-based source line the event starts on, or 0 (the message then names its index)
     * @throws MalformedHistoryException if the event does not fit the calls open so far
     */
    public Builder add(Operation operation, int line) {
      int position = operations.size();
      operations.add(operation);
      if (!operation.isClient()) {
        return this;
      }
      if (operation.type() == OpType.INVOKE) {
        open(operation, position, line);
      } else {
        close(operation, position, line);
      }
      return this;
    }

    private void open(Operation invocation, int position, int line) {
      Integer already = openByProcess.get(invocation.clientProcess());
      if (already != null) {
        throw error(line, invocation, "a completion for process " + invocation.clientProcess()
            + "'s open call (" + calls.get(already).invocation() + ") before its next invocation");
      }
      int id = calls.size();
      calls.add(new Call(id, invocation, null, position, -1));
      openByProcess.put(invocation.clientProcess(), id);
    }

    private void close(Operation completion, int position, int line) {
      Integer id = openByProcess.remove(completion.clientProcess());
      if (id == null) {
        throw error(line, completion, "an invocation by process " + completion.clientProcess()
            + " before this " + completion.type().jepsenName() + " completion");
      }
      Call open = calls.get(id);
      if (!open.f().equals(completion.f())) {
        throw error(line, completion, "a completion of " + open.f() + " (the open call of process "
            + completion.clientProcess() + ")");
      }
      if (completedBeforeInvoked(open.invocation(), completion)) {
        throw error(line, completion, "a completion time at or after its invocation's ("
            + open.invocation().timeNanos().getAsLong() + " ns)");
      }
      calls.set(id, new Call(id, open.invocation(), completion, open.invokePosition(), position));
    }

    /** A call cannot end before it began; a history that says so has a broken clock or is not one history. */
    private static boolean completedBeforeInvoked(Operation invocation, Operation completion) {
      return invocation.timeNanos().isPresent() && completion.timeNanos().isPresent()
          && completion.timeNanos().getAsLong() < invocation.timeNanos().getAsLong();
    }

    private MalformedHistoryException error(int line, Operation operation, String expected) {
      String found = MalformedHistoryException.excerpt(operation);
      return new MalformedHistoryException(source, line, expected, line > 0 ? found : "event " + found);
    }

    /** The history; the builder must not be used afterwards. */
    public History build() {
      return new History(source, Collections.unmodifiableList(new ArrayList<>(operations)),
          Collections.unmodifiableList(new ArrayList<>(calls)), explicitIndexes);
    }
  }
}
