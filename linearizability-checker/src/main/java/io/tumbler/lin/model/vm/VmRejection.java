package io.tumbler.lin.model.vm;

import io.tumbler.lin.history.Call;
import java.util.List;

/**
 * When a refusal of a {@code vm} command is justified. A {@code fail} completion whose {@code error} is
 * one of {@link #REASONS} is a definite response: the state machine applied the command and refused it,
 * changing nothing; the checker linearizes it and requires the reason to hold at that point.
 */
final class VmRejection {
  /** The refusal reasons the model checks; any other failure means the command did not take effect. */
  static final List<String> REASONS = List.of("exists", "not-found", "no-capacity", "invalid-state");

  private VmRejection() {}

  /** Whether refusing {@code request} for {@code reason} is justified in {@code state}. */
  static boolean holds(VmClusterState state, VmRequest request, String reason) {
    switch (reason) {
      case "exists":
        return exists(state, request);
      case "not-found":
        return notFound(state, request);
      case "no-capacity":
        return noCapacity(state, request);
      case "invalid-state":
        return invalidState(state, request);
      default:
        throw new IllegalStateException("not a rejection reason: " + reason);
    }
  }

  private static boolean exists(VmClusterState state, VmRequest request) {
    String f = request.call().f();
    if (f.equals("register-host")) {
      return state.hosts().containsKey(request.host());
    }
    return f.equals("create-vm") && state.vms().containsKey(request.vm());
  }

  private static boolean notFound(VmClusterState state, VmRequest request) {
    String f = request.call().f();
    if (VmModel.HOST_COMMANDS.contains(f)) {
      return !state.hosts().containsKey(request.text("host"));
    }
    if (f.equals("migrate-vm")) {
      String target = request.host();
      return !state.vms().containsKey(request.vm()) || (target != null && !state.hosts().containsKey(target));
    }
    return VmModel.VM_COMMANDS.contains(f) && !state.vms().containsKey(request.vm());
  }

  private static boolean noCapacity(VmClusterState state, VmRequest request) {
    String f = request.call().f();
    if (f.equals("create-vm")) {
      return !state.vms().containsKey(request.vm())
          && state.hostsWithRoom(request.amount("vcpus"), request.amount("memoryMib"), null).isEmpty();
    }
    if (!f.equals("migrate-vm") || !state.vms().containsKey(request.vm())) {
      return false;
    }
    VmRecord vm = state.vms().get(request.vm());
    String target = request.host();
    if (target == null) {
      return state.hostsWithRoom(vm.vcpus(), vm.memoryMib(), vm.host()).isEmpty();
    }
    HostRecord host = state.hosts().get(target);
    return host != null && host.phase() == HostPhase.ACTIVE && !target.equals(vm.host())
        && !state.hasRoom(target, vm.vcpus(), vm.memoryMib());
  }

  private static boolean invalidState(VmClusterState state, VmRequest request) {
    String f = request.call().f();
    if (f.equals("register-host") || f.equals("create-vm")) {
      return false;
    }
    if (VmModel.HOST_COMMANDS.contains(f) && !f.equals("get-host")) {
      HostRecord host = state.hosts().get(request.text("host"));
      return host != null && VmModel.hostRefusal(f, host.phase());
    }
    VmRecord vm = state.vms().get(request.vm());
    if (vm == null) {
      return false;
    }
    if (f.equals("migrate-vm")) {
      String target = request.host();
      HostRecord host = target == null ? null : state.hosts().get(target);
      return host != null && (host.phase() != HostPhase.ACTIVE || target.equals(vm.host()));
    }
    return (f.equals("start-vm") && vm.phase() != VmPhase.STOPPED)
        || (f.equals("stop-vm") && vm.phase() != VmPhase.RUNNING);
  }
}
