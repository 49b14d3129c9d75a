package io.tumbler.scenario.workload;

import io.tumbler.scenario.cluster.Wire.RequestKind;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.Host;
import io.tumbler.vm.Resources;
import io.tumbler.vm.Vm;
import io.tumbler.vm.VmCodec;
import io.tumbler.vm.VmCommand;
import io.tumbler.vm.VmOperationKind;
import io.tumbler.vm.VmQuery;
import io.tumbler.vm.VmResult;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vm}: VM lifecycle and placement contention on few, small hosts (model {@code vm}). Clients
 * register, drain, fail and recover 4 hosts of 8 vCPUs and 8 GiB, and create, start, stop, migrate,
 * delete and read 12 VM ids of 1 to 4 vCPUs and 1 to 4 GiB — so creates and migrations regularly find
 * no room and ids are reused after deletes. Values follow the {@code vm} model's vocabulary.
 */
public final class VmWorkload implements Workload {
  private static final int HOSTS = 4;
  private static final int VMS = 12;

  @Override
  public String name() {
    return "vm";
  }

  @Override
  public String model() {
    return "vm";
  }

  @Override
  public PlannedOperation next(RandomStream random, int client) {
    String host = "h" + random.nextInt(HOSTS);
    String vm = "v" + random.nextInt(VMS);
    double roll = random.nextDouble();
    if (roll < 0.08) {
      return command(client, new VmCommand.RegisterHost(host, new Resources(8, 8192)), Map.of("host", host, "vcpus", 8L, "memoryMib", 8192L));
    }
    if (roll < 0.11) {
      return command(client, new VmCommand.DrainHost(host), Map.of("host", host));
    }
    if (roll < 0.13) {
      return command(client, new VmCommand.FailHost(host), Map.of("host", host));
    }
    if (roll < 0.17) {
      return command(client, new VmCommand.RecoverHost(host), Map.of("host", host));
    }
    return vmOperation(random, client, vm, host, roll);
  }

  private PlannedOperation vmOperation(RandomStream random, int client, String vm, String host, double roll) {
    if (roll < 0.42) {
      long vcpus = 1 + random.nextInt(4);
      long memory = 1024L * (1 + random.nextInt(4));
      return command(client, new VmCommand.CreateVm(vm, new Resources((int) vcpus, memory)),
          Map.of("vm", vm, "vcpus", vcpus, "memoryMib", memory));
    }
    if (roll < 0.54) {
      return command(client, new VmCommand.StartVm(vm), Map.of("vm", vm));
    }
    if (roll < 0.64) {
      return command(client, new VmCommand.StopVm(vm), Map.of("vm", vm));
    }
    if (roll < 0.72) {
      return command(client, new VmCommand.DeleteVm(vm), Map.of("vm", vm));
    }
    if (roll < 0.82) {
      boolean named = random.chance(0.5);
      Map<String, Object> value = named ? Map.of("vm", vm, "host", host) : Map.of("vm", vm);
      return command(client, new VmCommand.MigrateVm(vm, named ? host : null), value);
    }
    if (roll < 0.94) {
      return query(client, new VmQuery.GetVm(vm), "get-vm", Map.of("vm", vm));
    }
    return query(client, new VmQuery.GetHost(host), "get-host", Map.of("host", host));
  }

  private static PlannedOperation command(int client, VmCommand command, Map<String, Object> value) {
    return new PlannedOperation(client, VmOperationKind.of(command).f(), ordered(value), RequestKind.COMMAND,
        VmCodec.encodeCommand(command));
  }

  private static PlannedOperation query(int client, VmQuery query, String f, Map<String, Object> value) {
    // VM reads are linearizable: the vm model has no notion of a stale replica.
    return new PlannedOperation(client, f, ordered(value), RequestKind.READ_LINEARIZABLE, VmCodec.encodeQuery(query));
  }

  private static Map<String, Object> ordered(Map<String, Object> value) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : new String[] {"vm", "host", "vcpus", "memoryMib"}) {
      if (value.containsKey(key)) {
        out.put(key, value.get(key));
      }
    }
    return out;
  }

  @Override
  public Completion complete(PlannedOperation op, byte[] result) {
    VmResult r = VmCodec.decodeResult(result);
    @SuppressWarnings("unchecked")
    Map<String, Object> invoked = (Map<String, Object>) op.value();
    if (!r.isOk() || r instanceof VmResult.Absent) {
      return Completion.fail(invoked, VmRejections.reason(r));
    }
    if (r instanceof VmResult.VmInfo info && !op.f().equals("start-vm") && !op.f().equals("stop-vm")) {
      return Completion.ok(describe(info.vm(), op.f().equals("get-vm")));
    }
    if (r instanceof VmResult.HostInfo info && op.f().equals("get-host")) {
      return Completion.ok(describe(info.host()));
    }
    return Completion.ok(invoked);
  }

  private static Map<String, Object> describe(Vm vm, boolean full) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("vm", vm.id());
    out.put("host", vm.hostId());
    if (full) {
      out.put("status", vm.status().name().toLowerCase(Locale.ROOT));
      out.put("vcpus", (long) vm.size().vcpus());
      out.put("memoryMib", vm.size().memoryMib());
    }
    return out;
  }

  private static Map<String, Object> describe(Host host) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("host", host.id());
    out.put("state", host.state().name().toLowerCase(Locale.ROOT));
    out.put("vcpus", (long) host.capacity().vcpus());
    out.put("memoryMib", host.capacity().memoryMib());
    out.put("reservedVcpus", (long) host.reserved().vcpus());
    out.put("reservedMemoryMib", host.reserved().memoryMib());
    return out;
  }
}
