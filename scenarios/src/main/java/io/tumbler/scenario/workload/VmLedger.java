package io.tumbler.scenario.workload;

import io.tumbler.vm.Host;
import io.tumbler.vm.HostState;
import io.tumbler.vm.Resources;
import io.tumbler.vm.Vm;
import io.tumbler.vm.VmResult;
import io.tumbler.vm.VmStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the {@code vm} workload believes about the cluster, learned from the replies its clients got:
 * hosts with their capacity and state, VMs with their size, status and placement. It steers the workload
 * to the edges (a VM sized to exactly the room a host has left, a migration onto a host that is full); it
 * is a belief, not the truth — concurrent clients and indeterminate operations make it lag or guess wrong,
 * and that only changes which edge an operation lands on, never what the checker accepts.
 *
 * <p>Reservations are derived from the believed placements, as the {@code vm} model derives them.
 */
final class VmLedger {
  private final TreeMap<String, Host> hosts = new TreeMap<>();
  private final TreeMap<String, Vm> vms = new TreeMap<>();

  /** Takes in what a definite reply says about hosts and VMs. */
  void learn(VmResult result) {
    if (result instanceof VmResult.HostInfo info) {
      hosts.put(info.host().id(), info.host());
    } else if (result instanceof VmResult.VmInfo info) {
      vms.put(info.vm().id(), info.vm());
    } else if (result instanceof VmResult.VmDeleted deleted) {
      vms.remove(deleted.vm().id());
    } else if (result instanceof VmResult.HostFailed failed) {
      hosts.put(failed.host().id(), failed.host());
      for (String id : failed.failedVmIds()) {
        Vm lost = vms.get(id);
        if (lost != null) {
          vms.put(id, new Vm(id, lost.size(), VmStatus.FAILED, null));
        }
      }
    }
  }

  /** Forgets a VM the cluster said does not exist. */
  void forgetVm(String vmId) {
    vms.remove(vmId);
  }

  Optional<Vm> vm(String vmId) {
    return Optional.ofNullable(vms.get(vmId));
  }

  /** The room left on {@code hostId} by the believed placements; none for an unknown or inactive host. */
  Resources free(String hostId) {
    Host host = hosts.get(hostId);
    if (host == null || host.state() != HostState.ACTIVE) {
      return Resources.NONE;
    }
    int vcpus = host.capacity().vcpus();
    long memoryMib = host.capacity().memoryMib();
    for (Vm vm : vms.values()) {
      if (hostId.equals(vm.hostId())) {
        vcpus -= vm.size().vcpus();
        memoryMib -= vm.size().memoryMib();
      }
    }
    return new Resources(Math.max(0, vcpus), Math.max(0, memoryMib));
  }

  /** Active hosts with some room in both resources, in id order. */
  List<String> hostsWithRoom() {
    List<String> out = new ArrayList<>();
    for (String id : hosts.keySet()) {
      if (free(id).isPositive()) {
        out.add(id);
      }
    }
    return out;
  }

  /** Active hosts too full for {@code size} (other than {@code except}), in id order. */
  List<String> activeHostsWithout(Resources size, String except) {
    List<String> out = new ArrayList<>();
    for (Host host : hosts.values()) {
      if (host.state() == HostState.ACTIVE && !host.id().equals(except) && !size.fitsWithin(free(host.id()))) {
        out.add(host.id());
      }
    }
    return out;
  }

  /** Hosts that hold at least one VM, in id order. */
  List<String> hostsHoldingVms() {
    List<String> out = new ArrayList<>();
    for (Vm vm : vms.values()) {
      if (vm.hostId() != null && !out.contains(vm.hostId())) {
        out.add(vm.hostId());
      }
    }
    return out;
  }

  /** VMs believed to be placed on {@code hostId}, in id order. */
  List<Vm> vmsOn(String hostId) {
    List<Vm> out = new ArrayList<>();
    for (Vm vm : vms.values()) {
      if (hostId.equals(vm.hostId())) {
        out.add(vm);
      }
    }
    return out;
  }

  /** VMs believed to be in {@code status}, in id order. */
  List<Vm> vmsIn(VmStatus status) {
    List<Vm> out = new ArrayList<>();
    for (Vm vm : vms.values()) {
      if (vm.status() == status) {
        out.add(vm);
      }
    }
    return out;
  }

  /** Every VM believed to exist, in id order. */
  List<Vm> allVms() {
    return new ArrayList<>(vms.values());
  }
}
