package io.tumbler.lin.model.vm;

import java.util.Objects;

/**
 * Whether a {@code get-vm} or {@code get-host} ok result agrees with a state. Fields absent from the
 * result are not checked; a field present with a different value makes the read illegal.
 */
final class VmReads {
  private VmReads() {}

  static boolean vmMatches(VmClusterState state, VmRequest request) {
    VmRecord vm = state.vms().get(request.vm());
    if (vm == null) {
      return false;
    }
    return agrees(request, "status", vm.phase().wireName())
        && (!request.reports("host") || Objects.equals(request.reported("host"), vm.host()))
        && agrees(request, "vcpus", vm.vcpus())
        && agrees(request, "memoryMib", vm.memoryMib());
  }

  static boolean hostMatches(VmClusterState state, VmRequest request) {
    String name = request.text("host");
    HostRecord host = state.hosts().get(name);
    if (host == null) {
      return false;
    }
    return agrees(request, "state", host.phase().wireName())
        && agrees(request, "vcpus", host.vcpus())
        && agrees(request, "memoryMib", host.memoryMib())
        && agrees(request, "reservedVcpus", state.reservedVcpus(name))
        && agrees(request, "reservedMemoryMib", state.reservedMemoryMib(name));
  }

  private static boolean agrees(VmRequest request, String field, Object actual) {
    Object reported = request.reported(field);
    return reported == null || reported.equals(actual);
  }
}
