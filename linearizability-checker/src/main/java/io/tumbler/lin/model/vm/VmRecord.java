package io.tumbler.lin.model.vm;

/**
 * A VM that exists (a deleted VM is gone).
 *
 * @param phase     stopped, running or failed
 * @param host      the host it is placed on; null exactly when FAILED
 * @param vcpus     its size in virtual CPUs
 * @param memoryMib its size in MiB
 */
public record VmRecord(VmPhase phase, String host, long vcpus, long memoryMib) {
  public VmRecord {
    if ((host == null) != (phase == VmPhase.FAILED)) {
      throw new IllegalArgumentException("a VM has a host exactly when it is not failed: " + phase + " on " + host);
    }
  }

  /** Whether it holds a reservation on its host. */
  public boolean isPlaced() {
    return host != null;
  }
}
