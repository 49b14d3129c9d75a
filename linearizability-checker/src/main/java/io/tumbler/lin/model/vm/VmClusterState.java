package io.tumbler.lin.model.vm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The client-visible state of the VM-orchestration service: hosts and VMs by name. Immutable; every
 * change returns a new state. Reservations are derived from placements, so they cannot disagree.
 *
 * @param hosts registered hosts by name
 * @param vms   existing VMs by id
 */
public record VmClusterState(SortedMap<String, HostRecord> hosts, SortedMap<String, VmRecord> vms) {
  /** No hosts, no VMs. */
  public static final VmClusterState EMPTY = new VmClusterState(new TreeMap<>(), new TreeMap<>());

  public VmClusterState {
    hosts = Collections.unmodifiableSortedMap(new TreeMap<>(hosts));
    vms = Collections.unmodifiableSortedMap(new TreeMap<>(vms));
  }

  /** This state with {@code name} set to {@code host}. */
  public VmClusterState withHost(String name, HostRecord host) {
    TreeMap<String, HostRecord> copy = new TreeMap<>(hosts);
    copy.put(name, host);
    return new VmClusterState(copy, vms);
  }

  /** This state with VM {@code id} set to {@code vm}, or removed when {@code vm} is null. */
  public VmClusterState withVm(String id, VmRecord vm) {
    TreeMap<String, VmRecord> copy = new TreeMap<>(vms);
    if (vm == null) {
      copy.remove(id);
    } else {
      copy.put(id, vm);
    }
    return new VmClusterState(hosts, copy);
  }

  /** vCPUs reserved on {@code host} by the VMs placed there. */
  public long reservedVcpus(String host) {
    long sum = 0;
    for (VmRecord vm : vms.values()) {
      sum += host.equals(vm.host()) ? vm.vcpus() : 0;
    }
    return sum;
  }

  /** MiB reserved on {@code host} by the VMs placed there. */
  public long reservedMemoryMib(String host) {
    long sum = 0;
    for (VmRecord vm : vms.values()) {
      sum += host.equals(vm.host()) ? vm.memoryMib() : 0;
    }
    return sum;
  }

  /** Whether {@code host} is active and has room for a VM of the given size. */
  public boolean hasRoom(String host, long vcpus, long memoryMib) {
    HostRecord record = hosts.get(host);
    return record != null && record.phase() == HostPhase.ACTIVE
        && reservedVcpus(host) + vcpus <= record.vcpus()
        && reservedMemoryMib(host) + memoryMib <= record.memoryMib();
  }

  /** The active hosts other than {@code excluded} (may be null) with room for the size, by name. */
  public List<String> hostsWithRoom(long vcpus, long memoryMib, String excluded) {
    List<String> fitting = new ArrayList<>();
    for (Map.Entry<String, HostRecord> host : hosts.entrySet()) {
      if (!host.getKey().equals(excluded) && hasRoom(host.getKey(), vcpus, memoryMib)) {
        fitting.add(host.getKey());
      }
    }
    return fitting;
  }

  /** This state after {@code host} failed: it is FAILED and its VMs lost their placement. */
  public VmClusterState afterHostFailure(String host) {
    TreeMap<String, VmRecord> copy = new TreeMap<>(vms);
    for (Map.Entry<String, VmRecord> vm : vms.entrySet()) {
      if (host.equals(vm.getValue().host())) {
        VmRecord lost = vm.getValue();
        copy.put(vm.getKey(), new VmRecord(VmPhase.FAILED, null, lost.vcpus(), lost.memoryMib()));
      }
    }
    TreeMap<String, HostRecord> hostsCopy = new TreeMap<>(hosts);
    hostsCopy.put(host, hosts.get(host).in(HostPhase.FAILED));
    return new VmClusterState(hostsCopy, copy);
  }
}
