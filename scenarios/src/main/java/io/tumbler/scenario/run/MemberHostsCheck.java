package io.tumbler.scenario.run;

import io.tumbler.scenario.workload.HostMembership;
import io.tumbler.vm.Host;
import io.tumbler.vm.HostState;
import io.tumbler.vm.Vm;
import io.tumbler.vm.VmState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code member-hosts} check of a run whose VM hosts are the cluster's members ({@code vm-members}): judged on
 * the final state of the most advanced replica once the run has converged, against what the workload did about
 * membership. Every host registered is a current or former member's; every member's registration that was answered
 * left its host registered; and every member that left and whose host was retired (drained, emptied, failed) holds
 * no VM and is not active, so nothing can be placed there again.
 *
 * <p>The VM invariants cannot say this: they see one state, not which hosts' nodes are gone. A retirement that never
 * finished is reported too: the liveness phase waits for it, so an unfinished one means the cluster or the clients
 * never got it through.
 */
final class MemberHostsCheck {
  private MemberHostsCheck() {}

  /** The breaches; empty when the final state keeps every promise. {@code where} names the replica judged. */
  static List<String> problems(HostMembership membership, VmState finalState, String where) {
    List<String> out = new ArrayList<>();
    for (Host host : finalState.hosts()) {
      if (!isMemberHost(host.id(), membership.everMembers())) {
        out.add(where + ": host " + host.id() + " is registered but no member ever ran it");
      }
    }
    for (int node : membership.registered()) {
      String id = HostMembership.hostOf(node);
      if (finalState.host(id).isEmpty()) {
        out.add(where + ": member n" + node + " joined and its registration was answered, but host " + id
            + " is not registered");
      }
    }
    for (int node : membership.retired()) {
      retiredProblem(finalState, HostMembership.hostOf(node)).ifPresent(p -> out.add(where + ": n" + node
          + " left and its host was retired, but " + p));
    }
    for (int node : membership.departing()) {
      out.add("n" + node + " left but the retirement of host " + HostMembership.hostOf(node) + " never finished");
    }
    return out;
  }

  private static Optional<String> retiredProblem(VmState state, String hostId) {
    Optional<Host> host = state.host(hostId);
    if (host.isEmpty()) {
      return Optional.of("host " + hostId + " is not registered at all");
    }
    List<String> placed = new ArrayList<>();
    for (Vm vm : state.vmsOn(hostId)) {
      placed.add(vm.id());
    }
    if (!placed.isEmpty()) {
      return Optional.of("host " + hostId + " (" + host.get().state() + ") still holds " + placed);
    }
    if (host.get().state() == HostState.ACTIVE) {
      return Optional.of("host " + hostId + " is active again");
    }
    return Optional.empty();
  }

  private static boolean isMemberHost(String hostId, List<Integer> everMembers) {
    for (int node : everMembers) {
      if (HostMembership.hostOf(node).equals(hostId)) {
        return true;
      }
    }
    return false;
  }
}
