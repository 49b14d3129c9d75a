/**
 * The VM-orchestration state machine: the control plane a Flintlock/Blixard host cluster replicates
 * with Raft.
 *
 * <p>Pieces: hosts ({@link io.tumbler.vm.Host}, {@link io.tumbler.vm.HostState}) and VMs
 * ({@link io.tumbler.vm.Vm}, {@link io.tumbler.vm.VmStatus}) placed by a deterministic
 * {@link io.tumbler.vm.PlacementPolicy} with resource reservations; a hierarchical
 * {@link io.tumbler.vm.PathStore}; the command, query and result vocabularies
 * ({@link io.tumbler.vm.VmCommand}, {@link io.tumbler.vm.VmQuery}, {@link io.tumbler.vm.VmResult}) and
 * their binary {@link io.tumbler.vm.VmCodec}; the invariants ({@link io.tumbler.vm.VmInvariants}); the
 * history names ({@link io.tumbler.vm.VmOperationKind}); and {@link io.tumbler.vm.VmStateMachine}, which
 * implements the Raft node's {@code StateMachine} port.
 *
 * <p>Everything here is pure: no clock, no randomness, no threads, no I/O, and only ordered collections,
 * so every replica and every replay computes the same results, snapshots and digests.
 */
package io.tumbler.vm;
