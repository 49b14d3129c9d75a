package io.tumbler.scenario.workload;

import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.Bytes;
import io.tumbler.vm.CasExpectation;
import io.tumbler.vm.VmCodec;
import io.tumbler.vm.VmCommand;
import io.tumbler.vm.VmQuery;
import io.tumbler.vm.VmResult;
import java.util.Arrays;
import java.util.List;

/**
 * {@code kv}: reads, writes and compare-and-sets over a few independent keys, stored in the VM service's
 * path store under {@code /kv/<key>}. History values are Jepsen's independent tuples {@code [key v]}
 * (model {@code kv}); every written value is unique, so a read names the write it saw.
 *
 * <p>Mix: 40% reads, 35% writes, 25% cas whose {@code from} is the last value this client saw or wrote
 * for the key (often stale under contention — that is the point). As {@code kv-readers}, the first half of
 * the clients only read (Jepsen's dedicated readers): a reader keeps asking the node that last answered it,
 * so it stays with a deposed leader while the writers move on to its successor.
 */
public final class KvWorkload implements Workload {
  private final int keyCount;
  private final ReadMode readMode;
  private final int readOnlyClients;
  private final long[][] lastSeen; // [client][key]: a plausible cas "from"
  private long nextValue = 1;

  public KvWorkload(int keyCount, int clientCount, ReadMode readMode) {
    this(keyCount, clientCount, readMode, 0);
  }

  /** A kv workload whose clients {@code 0..readOnlyClients-1} only read. */
  public KvWorkload(int keyCount, int clientCount, ReadMode readMode, int readOnlyClients) {
    if (readOnlyClients < 0 || readOnlyClients > clientCount) {
      throw new IllegalArgumentException("readOnlyClients must be in 0.." + clientCount + ", got " + readOnlyClients);
    }
    this.keyCount = keyCount;
    this.readMode = readMode;
    this.readOnlyClients = readOnlyClients;
    this.lastSeen = new long[clientCount][keyCount];
  }

  @Override
  public String name() {
    return readOnlyClients == 0 ? "kv" : "kv-readers";
  }

  /** Kv commands are retried and echoed too: the session table must answer each of them, whatever the key. */
  @Override
  public boolean forcesRetries() {
    return true;
  }

  @Override
  public String model() {
    return "kv";
  }

  static String path(long key) {
    return "/kv/" + key;
  }

  @Override
  public PlannedOperation next(RandomStream random, int client) {
    long key = random.nextInt(keyCount);
    double roll = random.nextDouble();
    if (roll < 0.40 || client < readOnlyClients) {
      byte[] query = VmCodec.encodeQuery(new VmQuery.GetPath(path(key)));
      return PlannedOperation.read(client, "read", Arrays.asList(key, null), readMode.protocolMode(), query);
    }
    long value = nextValue++;
    if (roll < 0.75) {
      byte[] command = VmCodec.encodeCommand(new VmCommand.PutPath(path(key), encode(value)));
      lastSeen[client][(int) key] = value;
      return PlannedOperation.command(client, "write", List.of(key, value), command);
    }
    long from = lastSeen[client][(int) key];
    byte[] command = VmCodec.encodeCommand(new VmCommand.CompareAndSwapPath(
        path(key), new CasExpectation.Value(encode(from)), encode(value)));
    return PlannedOperation.command(client, "cas", List.of(key, List.of(from, value)), command);
  }

  @Override
  public Completion complete(PlannedOperation operation, byte[] result) {
    VmResult decoded = VmCodec.decodeResult(result);
    @SuppressWarnings("unchecked")
    List<Object> keyValue = (List<Object>) operation.value();
    long key = (Long) keyValue.get(0);
    switch (operation.f()) {
      case "read": {
        Long read = readValue(decoded);
        if (read != null) {
          lastSeen[operation.client()][(int) key] = read;
        }
        return Completion.ok(Arrays.asList(key, read));
      }
      case "write":
        return decoded.isOk() ? Completion.ok(keyValue) : Completion.fail(keyValue, describe(decoded));
      case "cas":
        if (decoded.isOk()) {
          return Completion.ok(keyValue);
        }
        boolean refusedCompare = decoded instanceof VmResult.CasMismatch || decoded instanceof VmResult.Absent;
        return Completion.fail(keyValue, refusedCompare ? "mismatch" : describe(decoded));
      default:
        throw new IllegalStateException("kv workload never plans " + operation.f());
    }
  }

  private static Long readValue(VmResult result) {
    if (result instanceof VmResult.PathValue p) {
      return Long.parseLong(p.entry().value().toUtf8());
    }
    if (result instanceof VmResult.Absent) {
      return null;
    }
    throw new IllegalStateException("a path read returned " + result);
  }

  private static Bytes encode(long value) {
    return Bytes.utf8(Long.toString(value));
  }

  private static String describe(VmResult result) {
    return result.getClass().getSimpleName();
  }
}
