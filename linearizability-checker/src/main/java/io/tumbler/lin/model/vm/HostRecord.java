package io.tumbler.lin.model.vm;

/**
 * A registered host.
 *
 * @param phase     active, draining or failed
 * @param vcpus     capacity in virtual CPUs
 * @param memoryMib capacity in MiB
 */
public record HostRecord(HostPhase phase, long vcpus, long memoryMib) {
  /** This host in another phase. */
  public HostRecord in(HostPhase newPhase) {
    return new HostRecord(newPhase, vcpus, memoryMib);
  }
}
