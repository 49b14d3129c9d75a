package io.tumbler.scenario.workload;

import io.tumbler.scenario.cluster.Wire.RequestKind;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.Bytes;
import io.tumbler.vm.CasExpectation;
import io.tumbler.vm.VmCodec;
import io.tumbler.vm.VmCommand;
import io.tumbler.vm.VmQuery;
import io.tumbler.vm.VmResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code paths}: cluster-config style use of the path store (model {@code paths}): gets, puts,
 * compare-and-swaps, put-if-absent and deletes over a handful of paths such as
 * {@code /cluster/config/leader-hint}. Written values are unique strings; a cas expects the last value the
 * client saw for that path (or absence).
 */
public final class PathsWorkload implements Workload {
  private static final String[] PATHS = {
    "/cluster/config/leader-hint", "/cluster/config/version", "/services/api/endpoint",
    "/services/api/owner", "/locks/scheduler"
  };
  private final ReadMode readMode;
  private final String[][] lastSeen;
  private long nextValue = 1;

  public PathsWorkload(int clients, ReadMode readMode) {
    this.readMode = readMode;
    this.lastSeen = new String[clients][PATHS.length];
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
  public PlannedOperation next(RandomStream random, int client) {
    int p = random.nextInt(PATHS.length);
    String path = PATHS[p];
    double roll = random.nextDouble();
    if (roll < 0.35) {
      return new PlannedOperation(client, "get", value(path, null, false), readMode.requestKind(),
          VmCodec.encodeQuery(new VmQuery.GetPath(path)));
    }
    String fresh = "c" + client + "-" + nextValue++;
    if (roll < 0.55) {
      return command(client, "put", value(path, fresh, true), new VmCommand.PutPath(path, Bytes.utf8(fresh)));
    }
    if (roll < 0.80) {
      String expected = lastSeen[client][p];
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("path", path);
      v.put("expected", expected);
      v.put("value", fresh);
      CasExpectation expectation = expected == null ? new CasExpectation.Version(0) : new CasExpectation.Value(Bytes.utf8(expected));
      return command(client, "cas", v, new VmCommand.CompareAndSwapPath(path, expectation, Bytes.utf8(fresh)));
    }
    if (roll < 0.92) {
      return command(client, "put-if-absent", value(path, fresh, true), new VmCommand.PutPathIfAbsent(path, Bytes.utf8(fresh)));
    }
    return command(client, "delete", value(path, null, false), new VmCommand.DeletePath(path, false));
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
    return new PlannedOperation(client, f, value, RequestKind.COMMAND, VmCodec.encodeCommand(command));
  }

  @Override
  public Completion complete(PlannedOperation op, byte[] result) {
    VmResult r = VmCodec.decodeResult(result);
    @SuppressWarnings("unchecked")
    Map<String, Object> invoked = (Map<String, Object>) op.value();
    String path = (String) invoked.get("path");
    int p = indexOf(path);
    if (op.f().equals("get")) {
      String read = r instanceof VmResult.PathValue v ? v.entry().value().toUtf8() : null;
      if (!(r instanceof VmResult.PathValue) && !(r instanceof VmResult.Absent)) {
        return Completion.fail(invoked, VmRejections.reason(r));
      }
      lastSeen[op.client()][p] = read;
      return Completion.ok(value(path, read, true));
    }
    if (!r.isOk()) {
      return Completion.fail(invoked, op.f().equals("put-if-absent") && r instanceof VmResult.CasMismatch
          ? "exists" : VmRejections.reason(r));
    }
    if (invoked.containsKey("value")) {
      lastSeen[op.client()][p] = (String) invoked.get("value");
    }
    return Completion.ok(invoked);
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
