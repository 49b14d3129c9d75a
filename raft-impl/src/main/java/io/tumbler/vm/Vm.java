package io.tumbler.vm;

import java.util.Objects;

/**
 * A virtual machine as the control plane sees it: an immutable value, replaced on every change.
 *
 * <p>As with {@link Host}, only the record's shape is checked here; "a live VM sits on a live host" and
 * "a failed VM is unplaced" are state invariants ({@link VmInvariants}).
 *
 * @param id        the VM's id ({@link IdSyntax})
 * @param size      the resources it reserves on its host, positive
 * @param status    where it is in its life
 * @param hostId    the host it is placed on, or null when unplaced (only a {@link VmStatus#FAILED} VM)
 */
public record Vm(String id, Resources size, VmStatus status, String hostId) {
    public Vm {
        IdSyntax.require("vm id", id);
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(status, "status");
        if (!size.isPositive()) {
            throw new IllegalArgumentException("vm " + id + " size must be positive, got " + size);
        }
        if (hostId != null) {
            IdSyntax.require("host id of vm " + id, hostId);
        }
    }

    /** Whether the VM is placed on a host (holds a reservation there). */
    public boolean isPlaced() {
        return hostId != null;
    }

    Vm withStatus(VmStatus next) {
        return new Vm(id, size, next, hostId);
    }

    Vm placedOn(String host, VmStatus next) {
        return new Vm(id, size, next, host);
    }

    Vm unplacedAs(VmStatus next) {
        return new Vm(id, size, next, null);
    }

    /** Mixes every field into a 64-bit value for the state digest. */
    long digest() {
        return StateDigest.start(StateDigest.VM).add(id).add(size).add(status.code())
                .add(hostId == null ? "" : hostId).value();
    }
}
