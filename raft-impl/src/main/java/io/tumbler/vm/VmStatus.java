package io.tumbler.vm;

/**
 * Where a VM is in its life. A deleted VM is gone from the state (its id may be reused).
 * <pre>
 *   create -> STOPPED --start--> RUNNING --stop--> STOPPED
 *   STOPPED | RUNNING --(its host fails)--> FAILED --migrate--> STOPPED (placed again)
 *   any --delete--> (gone)
 * </pre>
 * {@link #code()} is the stable wire value; never renumber.
 */
public enum VmStatus {
    /** Placed, resources reserved, not running. */
    STOPPED(1),
    /** Placed, resources reserved, running. */
    RUNNING(2),
    /** Its host failed: unplaced, nothing reserved, until migrated to a live host or deleted. */
    FAILED(3);

    private final int code;

    VmStatus(int code) {
        this.code = code;
    }

    /** The stable wire value. */
    public int code() {
        return code;
    }

    /** Whether a VM in this status must be placed on a live host (it holds a reservation). */
    public boolean isLive() {
        return this != FAILED;
    }

    /** The status with wire value {@code code}, or null if there is none. */
    static VmStatus fromCode(int code) {
        for (VmStatus status : values()) {
            if (status.code == code) {
                return status;
            }
        }
        return null;
    }
}
