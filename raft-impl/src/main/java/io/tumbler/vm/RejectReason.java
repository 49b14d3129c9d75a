package io.tumbler.vm;

/**
 * Why a command was refused. A refused command changed nothing. The {@code subject} of a
 * {@link VmResult.Rejected} is the id or path the reason is about. {@link #code()} is the stable wire
 * value; never renumber.
 */
public enum RejectReason {
    /** register-host: a host with this id is already registered. */
    HOST_EXISTS(1, "host %s is already registered"),
    /** No host with this id. */
    UNKNOWN_HOST(2, "no host %s"),
    /** drain-host of a draining host, or a migration onto a draining host. */
    HOST_DRAINING(3, "host %s is draining"),
    /** drain-host or fail-host of a failed host, or a migration onto a failed host. */
    HOST_FAILED(4, "host %s has failed"),
    /** recover-host of a host that is already active. */
    HOST_ACTIVE(5, "host %s is already active"),
    /** create-vm with the id of an existing VM. */
    VM_EXISTS(6, "vm %s already exists"),
    /** No VM with this id (never created, or deleted). */
    UNKNOWN_VM(7, "no vm %s"),
    /** start-vm of a running VM. */
    VM_RUNNING(8, "vm %s is already running"),
    /** stop-vm of a stopped VM. */
    VM_STOPPED(9, "vm %s is already stopped"),
    /** start-vm or stop-vm of a VM whose host failed; migrate it first. */
    VM_FAILED(10, "vm %s has failed with its host; migrate it first"),
    /** migrate-vm onto the host the VM already runs on. */
    SAME_HOST(11, "vm is already on host %s"),
    /** delete-path of a key (or, recursively, a subtree) that holds nothing. */
    PATH_NOT_FOUND(12, "nothing at path %s");

    private final int code;
    private final String template;

    RejectReason(int code, String template) {
        this.code = code;
        this.template = template;
    }

    /** The stable wire value. */
    public int code() {
        return code;
    }

    /** A sentence a person can read, naming {@code subject}. */
    public String describe(String subject) {
        return String.format(template, subject);
    }

    /** The reason with wire value {@code code}, or null if there is none. */
    static RejectReason fromCode(int code) {
        for (RejectReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return null;
    }
}
