package io.tumbler.vm;

import java.util.Objects;

/**
 * A physical host as the control plane sees it: an immutable value, replaced on every change.
 *
 * <p>The record checks only its own shape. The cross-record rules (reservations within capacity and
 * equal to the placed VMs' sizes, a failed host holding nothing) are state invariants checked by
 * {@link VmInvariants}, so that a broken state can still be represented and reported.
 *
 * @param id       the host's id ({@link IdSyntax})
 * @param capacity what the host offers, positive
 * @param reserved the sum of the sizes of the VMs placed on it
 * @param state    where it is in its life
 */
public record Host(String id, Resources capacity, Resources reserved, HostState state) {
    public Host {
        IdSyntax.require("host id", id);
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(state, "state");
        if (!capacity.isPositive()) {
            throw new IllegalArgumentException("host " + id + " capacity must be positive, got " + capacity);
        }
    }

    /** A newly registered host: active, nothing reserved. */
    static Host registered(String id, Resources capacity) {
        return new Host(id, capacity, Resources.NONE, HostState.ACTIVE);
    }

    /** What is left for new placements (throws if the host is over-committed: callers run on valid states). */
    public Resources free() {
        return capacity.minus(reserved);
    }

    /** Whether new VMs may be placed here: the host is active and {@code size} fits in what is free. */
    public boolean canPlace(Resources size) {
        return state == HostState.ACTIVE && size.fitsWithin(free());
    }

    Host withState(HostState next) {
        return new Host(id, capacity, reserved, next);
    }

    Host withReserved(Resources next) {
        return new Host(id, capacity, next, state);
    }

    /** Mixes every field into a 64-bit value for the state digest. */
    long digest() {
        return StateDigest.start(StateDigest.HOST).add(id).add(capacity).add(reserved).add(state.code()).value();
    }
}
