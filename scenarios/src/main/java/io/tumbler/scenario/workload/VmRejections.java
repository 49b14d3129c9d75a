package io.tumbler.scenario.workload;

import io.tumbler.vm.VmResult;

/**
 * Maps the state machine's refusals to the history's {@code error} vocabulary, which the {@code vm} and
 * {@code paths} models read as definite responses: {@code exists}, {@code not-found}, {@code no-capacity},
 * {@code invalid-state}, {@code mismatch}. Anything else ({@code malformed}) means "did not happen".
 */
final class VmRejections {
  private VmRejections() {}

  static String reason(VmResult result) {
    if (result instanceof VmResult.NoCapacity) {
      return "no-capacity";
    }
    if (result instanceof VmResult.Absent) {
      return "not-found";
    }
    if (result instanceof VmResult.CasMismatch) {
      return "mismatch";
    }
    if (result instanceof VmResult.Rejected rejected) {
      return switch (rejected.reason()) {
        case HOST_EXISTS, VM_EXISTS -> "exists";
        case UNKNOWN_HOST, UNKNOWN_VM, PATH_NOT_FOUND -> "not-found";
        default -> "invalid-state";
      };
    }
    return "malformed";
  }
}
