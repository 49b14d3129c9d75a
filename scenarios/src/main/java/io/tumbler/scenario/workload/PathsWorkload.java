package io.tumbler.scenario.workload;

import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.Bytes;
import io.tumbler.vm.CasExpectation;
import io.tumbler.vm.PathEntry;
import io.tumbler.vm.VmCodec;
import io.tumbler.vm.VmCommand;
import io.tumbler.vm.VmQuery;
import io.tumbler.vm.VmResult;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code paths}: cluster-config style use of the path store (model {@code paths}): gets, puts,
 * compare-and-swaps, put-if-absent and deletes over a handful of paths, nested ones included
 * ({@code /cluster/config} and {@code /cluster/config/version} are separate keys; a non-recursive delete of
 * the parent leaves the child).
 *
 * <p>It drives the store's contention edges. One <b>hot path</b>, drawn per run, takes a drawn share of the
 * operations, and a cas there expects the value <em>any</em> client saw or wrote most recently, so several
 * clients race to swap the same value: one wins, the others fail with {@code mismatch}. A delete that
 * answers is followed by put-if-absent races from the next clients and by a cas from the deleting client
 * (expecting absence, or the value it just deleted). The operation mix is a swarm drawn per run.
 * Written values are unique strings.
 *
 * <p>Every answer that shows an entry (a read, a write, a cas refused with the current entry) tells the
 * client the path's per-key version and mod revision too, and version and mod-revision cas expect what this
 * client or, racing, anyone saw last. Gets and writes record the version in their output so the model can
 * check it. A mod-revision cas also records the value seen at that revision, which is how the model checks
 * it per path (unique values: one value, one write, one revision).
 */
public final class PathsWorkload implements Workload {
  private static final String[] PATHS = {
    "/cluster/config", "/cluster/config/leader-hint", "/cluster/config/version", "/services/api/endpoint",
    "/services/api/owner", "/locks/scheduler"
  };
  private static final int FOLLOW_UPS_MAX = 6;

  /** The kinds of operation the swarm weighs. */
  enum Move {
    GET, PUT, CAS_RECENT, CAS_OWN, PUT_IF_ABSENT, DELETE, CAS_VERSION, CAS_REVISION
  }

  /** A path as a client last saw it: its value, version and mod revision; absent is (null, 0, 0). */
  private record Observed(String value, long version, long modRevision) {
    static final Observed ABSENT = new Observed(null, 0, 0);

    static Observed of(PathEntry entry) {
      return entry == null ? ABSENT : new Observed(entry.value().toUtf8(), entry.version(), entry.modRevision());
    }
  }

  private final ReadMode readMode;
  /** What each client last saw or wrote per path: its own, possibly stale, cas expectation. */
  private final Observed[][] lastSeen;
  /** What any client last saw or wrote per path: the shared expectation that makes cas race. */
  private final Observed[] recent = new Observed[PATHS.length];
  /** Per client: a path it deleted and will cas next, or -1; and the value it believed was there. */
  private final int[] casAfterDelete;
  private final String[] deletedValue;
  /** Path indexes whose put-if-absent race is due: whichever clients ask next take them. */
  private final ArrayDeque<Integer> putIfAbsentRaces = new ArrayDeque<>();
  private OperationMix<Move> mix = OperationMix.uniform(Move.class);
  private int hotPath;
  private double hotShare = 0.5;
  private long nextValue = 1;

  public PathsWorkload(int clients, ReadMode readMode) {
    this.readMode = readMode;
    this.lastSeen = new Observed[clients][PATHS.length];
    for (Observed[] row : lastSeen) {
      java.util.Arrays.fill(row, Observed.ABSENT);
    }
    java.util.Arrays.fill(recent, Observed.ABSENT);
    this.casAfterDelete = new int[clients];
    this.deletedValue = new String[clients];
    java.util.Arrays.fill(casAfterDelete, -1);
  }

  @Override
  public String name() {
    return "paths";
  }

  @Override
  public String model() {
    return "paths";
  }

  @Override
  public void begin(RandomStream run) {
    hotPath = run.nextInt(PATHS.length);
    hotShare = 0.3 + 0.6 * run.nextDouble();
    mix = OperationMix.drawn(Move.class, run, EnumSet.of(Move.GET, Move.CAS_RECENT, Move.PUT_IF_ABSENT));
  }

  @Override
  public boolean forcesRetries() {
    return true;
  }

  /** The run's hot path: most contention lands there. */
  String hotPath() {
    return PATHS[hotPath];
  }

  @Override
  public PlannedOperation next(RandomStream random, int client) {
    String fresh = "c" + client + "-" + nextValue++;
    if (casAfterDelete[client] >= 0) {
      int p = casAfterDelete[client];
      casAfterDelete[client] = -1;
      return cas(client, p, random.chance(0.5) ? null : deletedValue[client], fresh);
    }
    if (!putIfAbsentRaces.isEmpty() && random.chance(0.8)) {
      int p = putIfAbsentRaces.poll();
      return command(client, "put-if-absent", value(PATHS[p], fresh, true),
          new VmCommand.PutPathIfAbsent(PATHS[p], Bytes.utf8(fresh)));
    }
    int p = random.chance(hotShare) ? hotPath : random.nextInt(PATHS.length);
    String path = PATHS[p];
    switch (mix.pick(random)) {
      case GET:
        return PlannedOperation.read(client, "get", value(path, null, false), readMode.protocolMode(),
            VmCodec.encodeQuery(new VmQuery.GetPath(path)));
      case PUT:
        return command(client, "put", value(path, fresh, true), new VmCommand.PutPath(path, Bytes.utf8(fresh)));
      case CAS_RECENT:
        return cas(client, p, recent[p].value(), fresh);
      case CAS_OWN:
        return cas(client, p, lastSeen[client][p].value(), fresh);
      case CAS_VERSION:
        return casVersion(client, p, (random.chance(0.5) ? recent : lastSeen[client])[p], fresh);
      case CAS_REVISION:
        return casRevision(client, p, (random.chance(0.5) ? recent : lastSeen[client])[p], fresh);
      case PUT_IF_ABSENT:
        return command(client, "put-if-absent", value(path, fresh, true),
            new VmCommand.PutPathIfAbsent(path, Bytes.utf8(fresh)));
      default:
        return command(client, "delete", value(path, null, false), new VmCommand.DeletePath(path, false));
    }
  }

  /** A cas of path {@code p} expecting {@code expected} (null: absent) to become {@code fresh}. */
  private static PlannedOperation cas(int client, int p, String expected, String fresh) {
    CasExpectation expectation = expected == null ? new CasExpectation.Version(0) : new CasExpectation.Value(Bytes.utf8(expected));
    return casOf(client, p, expectation, fresh, "expected", expected);
  }

  /** A cas of path {@code p} expecting the version in {@code seen} (0: absent). */
  private static PlannedOperation casVersion(int client, int p, Observed seen, String fresh) {
    return casOf(client, p, new CasExpectation.Version(seen.version()), fresh,
        "compare", "version", "expected-version", seen.version());
  }

  /** A cas of path {@code p} expecting the mod revision in {@code seen}, with the value seen at it. */
  private static PlannedOperation casRevision(int client, int p, Observed seen, String fresh) {
    return casOf(client, p, new CasExpectation.ModRevision(seen.modRevision()), fresh,
        "compare", "mod-revision", "expected-mod-revision", seen.modRevision(), "expected", seen.value());
  }

  /** The cas command and its history value: the path, then {@code fields} (name, value pairs), then the new value. */
  private static PlannedOperation casOf(int client, int p, CasExpectation expectation, String fresh, Object... fields) {
    String path = PATHS[p];
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("path", path);
    for (int i = 0; i < fields.length; i += 2) {
      v.put((String) fields[i], fields[i + 1]);
    }
    v.put("value", fresh);
    return command(client, "cas", v, new VmCommand.CompareAndSwapPath(path, expectation, Bytes.utf8(fresh)));
  }

  private static Map<String, Object> value(String path, String value, boolean withValue) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("path", path);
    if (withValue) {
      v.put("value", value);
    }
    return v;
  }

  private static PlannedOperation command(int client, String f, Map<String, Object> value, VmCommand command) {
    return PlannedOperation.command(client, f, value, VmCodec.encodeCommand(command));
  }

  @Override
  public Completion complete(PlannedOperation op, byte[] result) {
    VmResult r = VmCodec.decodeResult(result);
    @SuppressWarnings("unchecked")
    Map<String, Object> invoked = (Map<String, Object>) op.value();
    String path = (String) invoked.get("path");
    int p = indexOf(path);
    if (op.f().equals("get")) {
      if (!(r instanceof VmResult.PathValue) && !(r instanceof VmResult.Absent)) {
        return Completion.fail(invoked, VmRejections.reason(r));
      }
      Observed read = r instanceof VmResult.PathValue v ? Observed.of(v.entry()) : Observed.ABSENT;
      saw(op.client(), p, read);
      return Completion.ok(withVersion(value(path, read.value(), true), read));
    }
    if (!r.isOk()) {
      if (r instanceof VmResult.CasMismatch mismatch) {
        saw(op.client(), p, Observed.of(mismatch.current()));
      }
      return Completion.fail(invoked, op.f().equals("put-if-absent") && r instanceof VmResult.CasMismatch
          ? "exists" : VmRejections.reason(r));
    }
    if (op.f().equals("delete")) {
      deleted(op.client(), p);
      return Completion.ok(invoked);
    }
    if (!(r instanceof VmResult.PathValue written)) {
      throw new IllegalStateException("an ok " + op.f() + " of " + path + " must answer the entry written, got " + r);
    }
    Observed now = Observed.of(written.entry());
    saw(op.client(), p, now);
    return Completion.ok(withVersion(new LinkedHashMap<>(invoked), now));
  }

  private void deleted(int client, int p) {
    deletedValue[client] = lastSeen[client][p].value();
    saw(client, p, Observed.ABSENT);
    casAfterDelete[client] = p;
    for (int i = 0; i < 2 && putIfAbsentRaces.size() < FOLLOW_UPS_MAX; i++) {
      putIfAbsentRaces.add(p);
    }
  }

  private static Map<String, Object> withVersion(Map<String, Object> output, Observed seen) {
    output.put("version", seen.version());
    return output;
  }

  private void saw(int client, int p, Observed seen) {
    lastSeen[client][p] = seen;
    recent[p] = seen;
  }

  private static int indexOf(String path) {
    for (int i = 0; i < PATHS.length; i++) {
      if (PATHS[i].equals(path)) {
        return i;
      }
    }
    throw new IllegalStateException("not a workload path: " + path);
  }
}
