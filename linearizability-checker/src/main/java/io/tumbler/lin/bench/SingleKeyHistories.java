package io.tumbler.lin.bench;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A seeded generator of long single-key register histories, the shape users most often bring (one etcd
 * key hammered by a Jepsen test): {@code clients} concurrent clients issue reads (half), writes and
 * compare-and-sets (a quarter each) of small values against one atomic register, with the etcd semantics
 * of {@code etcd-cas-register}: the register starts absent, a cas whose compare does not hold fails
 * definitely, and about one call in a hundred (a write or cas) times out as {@code info} &mdash; it took
 * effect or not, at random &mdash; after which the client continues under a new process number, as in
 * Jepsen.
 *
 * <p>Each call's latency is drawn from a long-tailed distribution and it takes effect at a random moment
 * inside it, so calls overlap as on a real network (a few slow calls span dozens of others). The
 * histories are linearizable by construction (an atomic register produced them); {@link #corruptRead}
 * makes one that is not. The same (operations, clients, seed) always gives the same history.
 *
 * <p>{@link #writeEtcdLog} writes Porcupine's Jepsen etcd log format, which both Tumbler ({@code
 * --format porcupine-etcd}) and Porcupine's own parser read, so the two checkers can be timed on the same
 * file.
 */
public final class SingleKeyHistories {
  /** Possible register values: few, so that reads and cas compares often match. */
  private static final int VALUES = 5;
  /** One call in this many (among writes and cas) ends in info. */
  private static final int INFO_ONE_IN = 50;

  private final SplittableRandom random;
  private final List<Operation> events = new ArrayList<>();
  private final PriorityQueue<long[]> agenda = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
  private final Pending[] pending;
  private final long[] processes;
  private Long register;
  private long nextProcess;
  private long sequence;

  /** A call in flight: what it does, and (once applied) its outcome. */
  private static final class Pending {
    String f;
    Object input;
    boolean info;
    boolean applied;
    OpType outcome;
    Object output;
  }

  private SingleKeyHistories(int clients, long seed) {
    this.random = new SplittableRandom(seed);
    this.pending = new Pending[clients];
    this.processes = new long[clients];
    for (int c = 0; c < clients; c++) {
      processes[c] = c;
    }
    this.nextProcess = clients;
  }

  /**
   * A linearizable history of {@code operations} calls (invocations) from {@code clients} concurrent
   * clients, determined by {@code seed}.
   */
  public static History generate(int operations, int clients, long seed) {
    if (operations < 1 || clients < 1) {
      throw new IllegalArgumentException("operations and clients must be positive");
    }
    return History.of(new SingleKeyHistories(clients, seed).run(operations));
  }

  /** Agenda entry kinds. */
  private static final int INVOKE = 0;
  private static final int APPLY = 1;
  private static final int COMPLETE = 2;

  private List<Operation> run(int operations) {
    for (int c = 0; c < pending.length; c++) {
      schedule(random.nextLong(1_000_000), c, INVOKE);
    }
    int invoked = 0;
    while (!agenda.isEmpty()) {
      long[] next = agenda.poll();
      long now = next[0];
      int client = (int) next[2];
      int kind = (int) next[3];
      if (kind == INVOKE && invoked < operations) {
        invoked++;
        invoke(client, now);
      } else if (kind == APPLY) {
        apply(pending[client]);
      } else if (kind == COMPLETE) {
        complete(client, now);
        schedule(now + random.nextLong(1, 200_000), client, INVOKE);
      }
    }
    return events;
  }

  private void schedule(long atNanos, int client, int kind) {
    agenda.add(new long[] {atNanos, sequence++, client, kind});
  }

  private void invoke(int client, long now) {
    Pending call = new Pending();
    int choice = random.nextInt(4);
    call.f = choice < 2 ? "read" : choice == 2 ? "write" : "cas";
    long value = random.nextInt(VALUES);
    call.input = call.f.equals("read") ? null : call.f.equals("write") ? (Object) value
        : ImmutableValues.vector((long) random.nextInt(VALUES), value);
    call.info = !call.f.equals("read") && random.nextInt(INFO_ONE_IN) == 0;
    pending[client] = call;
    events.add(at(Operation.invoke(events.size(), processes[client], call.f, call.input), now));
    long latency = latencyNanos();
    boolean takesEffect = !call.info || random.nextBoolean();
    if (takesEffect) {
      schedule(now + random.nextLong(latency + 1), client, APPLY);
    }
    schedule(now + latency + 1, client, COMPLETE);
  }

  /** Mostly about a millisecond; one call in twenty up to 20 ms (a slow disk, a leader change). */
  private long latencyNanos() {
    long base = 200_000 + random.nextLong(1_000_000);
    return random.nextInt(20) == 0 ? base + random.nextLong(20_000_000) : base;
  }

  private void apply(Pending call) {
    call.applied = true;
    call.outcome = OpType.OK;
    call.output = call.input;
    if (call.f.equals("read")) {
      call.output = register;
    } else if (call.f.equals("write")) {
      register = (Long) call.input;
    } else if (Objects.equals(register, ((List<?>) call.input).get(0))) {
      register = (Long) ((List<?>) call.input).get(1);
    } else {
      call.outcome = OpType.FAIL;
    }
  }

  private void complete(int client, long now) {
    Pending call = pending[client];
    pending[client] = null;
    long process = processes[client];
    if (call.info) {
      events.add(at(Operation.info(events.size(), process, call.f, Keyword.of("timed-out")), now));
      processes[client] = nextProcess++;
      return;
    }
    events.add(at(Operation.of(events.size(), process, call.outcome, call.f, call.output), now));
  }

  private static Operation at(Operation operation, long timeNanos) {
    return operation.withTimeNanos(timeNanos);
  }

  /**
   * {@code history} with the ok read nearest its middle changed to read a value no call ever writes: a
   * non-linearizable history for checking the invalid path.
   */
  public static History corruptRead(History history) {
    List<Operation> operations = new ArrayList<>(history.operations());
    int middle = operations.size() / 2;
    for (int distance = 0; distance < operations.size(); distance++) {
      for (int i : new int[] {middle + distance, middle - distance}) {
        if (i >= 0 && i < operations.size() && isOkRead(operations.get(i))) {
          Operation read = operations.get(i);
          Object wrong = (long) VALUES;
          operations.set(i, new Operation(read.index(), read.process(), read.type(), read.f(), wrong, true,
              read.timeNanos(), read.extra()));
          return History.of(operations);
        }
      }
    }
    throw new IllegalArgumentException("the history has no ok read to corrupt");
  }

  private static boolean isOkRead(Operation operation) {
    return operation.type() == OpType.OK && operation.f().equals("read");
  }

  /**
   * Writes {@code history} in Porcupine's Jepsen etcd log format ({@code INFO  jepsen.util - <process>
   * :<type> :<f> <value>}, one event a line), which {@code --format porcupine-etcd} reads back with the
   * same events (event indexes become line numbers).
   */
  public static void writeEtcdLog(History history, Writer out) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (Operation operation : history.operations()) {
      line.setLength(0);
      line.append("INFO  jepsen.util - ").append(operation.process()).append("\t:")
          .append(operation.type().jepsenName()).append("\t:").append(operation.f()).append('\t');
      appendValue(line, operation.value());
      out.write(line.append('\n').toString());
    }
  }

  private static void appendValue(StringBuilder line, Object value) {
    if (value == null) {
      line.append("nil");
    } else if (value instanceof Keyword keyword) {
      line.append(':').append(keyword.name());
    } else if (value instanceof List<?> pair) {
      line.append('[').append(pair.get(0)).append(' ').append(pair.get(1)).append(']');
    } else {
      line.append(value);
    }
  }

  /** For reports: what the generated workload is. */
  static String describe(int clients) {
    return "single-key etcd register, " + clients + " clients, reads 1/2, writes 1/4, cas 1/4 over "
        + VALUES + " values, ~1% info (1 in " + INFO_ONE_IN + " writes/cas)";
  }
}
