package io.tumbler.vm;

import java.util.Objects;

/**
 * The commands the VM-orchestration state machine applies, in the order of the Raft log. Each is a value;
 * its constructor rejects malformed fields (bad ids or paths, non-positive sizes) with an
 * {@link IllegalArgumentException}, so a command that exists is well formed and only its effect on the
 * state is left to decide. Outcomes, including refusals, are {@link VmResult} values.
 *
 * <p>Wire form: {@link VmCodec#encodeCommand}; history names: {@link VmOperationKind}.
 */
public sealed interface VmCommand {

    /** Adds an {@link HostState#ACTIVE} host. Refused: {@code HOST_EXISTS}. Answers {@link VmResult.HostInfo}. */
    record RegisterHost(String hostId, Resources capacity) implements VmCommand {
        public RegisterHost {
            IdSyntax.require("host id", hostId);
            Objects.requireNonNull(capacity, "capacity");
            if (!capacity.isPositive()) {
                throw new IllegalArgumentException("host " + hostId + " capacity must be positive, got " + capacity);
            }
        }
    }

    /**
     * Stops new placements on an active host; its VMs stay. Refused: {@code UNKNOWN_HOST},
     * {@code HOST_DRAINING}, {@code HOST_FAILED}. Answers {@link VmResult.HostInfo}.
     */
    record DrainHost(String hostId) implements VmCommand {
        public DrainHost {
            IdSyntax.require("host id", hostId);
        }
    }

    /**
     * Declares a host dead. Every VM on it becomes {@link VmStatus#FAILED} and unplaced, and the host's
     * reservations drop to none. Refused: {@code UNKNOWN_HOST}, {@code HOST_FAILED}. Answers
     * {@link VmResult.HostFailed}.
     */
    record FailHost(String hostId) implements VmCommand {
        public FailHost {
            IdSyntax.require("host id", hostId);
        }
    }

    /**
     * Makes a draining or failed host active again (a failed one comes back empty; its former VMs stay
     * failed until migrated). Refused: {@code UNKNOWN_HOST}, {@code HOST_ACTIVE}. Answers {@link VmResult.HostInfo}.
     */
    record RecoverHost(String hostId) implements VmCommand {
        public RecoverHost {
            IdSyntax.require("host id", hostId);
        }
    }

    /**
     * Creates a {@link VmStatus#STOPPED} VM placed by {@link PlacementPolicy} with its size reserved.
     * Refused: {@code VM_EXISTS}; {@link VmResult.NoCapacity} when no active host fits. Answers
     * {@link VmResult.VmInfo}.
     */
    record CreateVm(String vmId, Resources size) implements VmCommand {
        public CreateVm {
            IdSyntax.require("vm id", vmId);
            Objects.requireNonNull(size, "size");
            if (!size.isPositive()) {
                throw new IllegalArgumentException("vm " + vmId + " size must be positive, got " + size);
            }
        }
    }

    /** STOPPED to RUNNING. Refused: {@code UNKNOWN_VM}, {@code VM_RUNNING}, {@code VM_FAILED}. Answers {@link VmResult.VmInfo}. */
    record StartVm(String vmId) implements VmCommand {
        public StartVm {
            IdSyntax.require("vm id", vmId);
        }
    }

    /** RUNNING to STOPPED. Refused: {@code UNKNOWN_VM}, {@code VM_STOPPED}, {@code VM_FAILED}. Answers {@link VmResult.VmInfo}. */
    record StopVm(String vmId) implements VmCommand {
        public StopVm {
            IdSyntax.require("vm id", vmId);
        }
    }

    /**
     * Removes a VM in any status (running ones too: the control plane's delete is forceful) and releases
     * its reservation. Refused: {@code UNKNOWN_VM}. Answers {@link VmResult.VmDeleted}.
     */
    record DeleteVm(String vmId) implements VmCommand {
        public DeleteVm {
            IdSyntax.require("vm id", vmId);
        }
    }

    /**
     * Moves a VM to {@code targetHostId}, or, when that is null, to the host {@link PlacementPolicy} picks
     * among the others; the reservation moves in the same step. A running VM keeps running (live
     * migration); a failed VM is placed again as STOPPED. Refused: {@code UNKNOWN_VM}, {@code UNKNOWN_HOST},
     * {@code SAME_HOST}, {@code HOST_DRAINING}, {@code HOST_FAILED}; {@link VmResult.NoCapacity} when the
     * target (or every candidate) lacks room. Answers {@link VmResult.VmInfo}.
     */
    record MigrateVm(String vmId, String targetHostId) implements VmCommand {
        public MigrateVm {
            IdSyntax.require("vm id", vmId);
            if (targetHostId != null) {
                IdSyntax.require("target host id", targetHostId);
            }
        }
    }

    /** Writes a key unconditionally. Answers {@link VmResult.PathValue}. */
    record PutPath(String path, Bytes value) implements VmCommand {
        public PutPath {
            PathSyntax.requireKey(path);
            Objects.requireNonNull(value, "value");
        }
    }

    /** Creates a key if it is absent. Refused: {@link VmResult.CasMismatch}. Answers {@link VmResult.PathValue}. */
    record PutPathIfAbsent(String path, Bytes value) implements VmCommand {
        public PutPathIfAbsent {
            PathSyntax.requireKey(path);
            Objects.requireNonNull(value, "value");
        }
    }

    /** Writes a key if {@code expected} holds. Refused: {@link VmResult.CasMismatch}. Answers {@link VmResult.PathValue}. */
    record CompareAndSwapPath(String path, CasExpectation expected, Bytes value) implements VmCommand {
        public CompareAndSwapPath {
            PathSyntax.requireKey(path);
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Deletes a key; when {@code recursive}, also every key beneath it. Keys are flat names (as in etcd):
     * a non-recursive delete leaves the descendants in place. Refused: {@code PATH_NOT_FOUND} when nothing
     * was deleted. Answers {@link VmResult.PathsDeleted}.
     */
    record DeletePath(String path, boolean recursive) implements VmCommand {
        public DeletePath {
            PathSyntax.requireKey(path);
        }
    }
}
