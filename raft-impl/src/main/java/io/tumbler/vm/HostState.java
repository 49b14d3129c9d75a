package io.tumbler.vm;

/**
 * Where a host is in its life. Transitions (anything else is a {@code Rejected} result):
 * <pre>
 *   register -> ACTIVE --drain--> DRAINING --recover--> ACTIVE
 *               ACTIVE | DRAINING --fail--> FAILED --recover--> ACTIVE (empty)
 * </pre>
 * {@link #code()} is the stable wire value; never renumber.
 */
public enum HostState {
    /** Accepts new placements; its VMs run. */
    ACTIVE(1),
    /** Accepts no new placements (create, migrate in); the VMs already there stay and may start and stop. */
    DRAINING(2),
    /** Dead: holds no VMs and no reservations; accepts nothing until recovered. */
    FAILED(3);

    private final int code;

    HostState(int code) {
        this.code = code;
    }

    /** The stable wire value. */
    public int code() {
        return code;
    }

    /** Whether the host is alive (may hold VMs). */
    public boolean isLive() {
        return this != FAILED;
    }

    /** The state with wire value {@code code}, or null if there is none. */
    static HostState fromCode(int code) {
        for (HostState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        return null;
    }
}
