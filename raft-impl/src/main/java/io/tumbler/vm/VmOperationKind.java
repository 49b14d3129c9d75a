package io.tumbler.vm;

import java.util.Optional;

/**
 * The history vocabulary of the VM service: one constant per command and query type, carrying the
 * {@code f} name that workloads write into {@code history.jsonl} (Jepsen's {@code :f}). Keeping the
 * names here, next to the records, is what keeps the history and command vocabularies aligned; a test
 * checks that every {@link VmCommand} and {@link VmQuery} type has exactly one kind.
 *
 * <p>How a workload uses it: build a record ({@code new VmCommand.CreateVm("vm-1", new Resources(2, 512))}),
 * record an invoke with {@code f = VmOperationKind.of(command).f()}, send
 * {@link VmCodec#encodeCommand} as the proposal (or {@link VmCodec#encodeQuery} as a read), and record the
 * completion from {@link VmCodec#decodeResult} of the reply: {@code ok} when {@link VmResult#isOk()},
 * else {@code fail}; no reply at all is {@code info}.
 */
public enum VmOperationKind {
    /** {@link VmCommand.RegisterHost}. */
    REGISTER_HOST("register-host", VmCommand.RegisterHost.class),
    /** {@link VmCommand.DrainHost}. */
    DRAIN_HOST("drain-host", VmCommand.DrainHost.class),
    /** {@link VmCommand.FailHost}. */
    FAIL_HOST("fail-host", VmCommand.FailHost.class),
    /** {@link VmCommand.RecoverHost}. */
    RECOVER_HOST("recover-host", VmCommand.RecoverHost.class),
    /** {@link VmCommand.CreateVm}. */
    CREATE_VM("create-vm", VmCommand.CreateVm.class),
    /** {@link VmCommand.StartVm}. */
    START_VM("start-vm", VmCommand.StartVm.class),
    /** {@link VmCommand.StopVm}. */
    STOP_VM("stop-vm", VmCommand.StopVm.class),
    /** {@link VmCommand.DeleteVm}. */
    DELETE_VM("delete-vm", VmCommand.DeleteVm.class),
    /** {@link VmCommand.MigrateVm}. */
    MIGRATE_VM("migrate-vm", VmCommand.MigrateVm.class),
    /** {@link VmCommand.PutPath}. */
    PUT_PATH("put-path", VmCommand.PutPath.class),
    /** {@link VmCommand.PutPathIfAbsent}. */
    PUT_PATH_IF_ABSENT("put-if-absent-path", VmCommand.PutPathIfAbsent.class),
    /** {@link VmCommand.CompareAndSwapPath}. */
    CAS_PATH("cas-path", VmCommand.CompareAndSwapPath.class),
    /** {@link VmCommand.DeletePath}. */
    DELETE_PATH("delete-path", VmCommand.DeletePath.class),
    /** {@link VmQuery.GetHost}. */
    GET_HOST("get-host", VmQuery.GetHost.class),
    /** {@link VmQuery.ListHosts}. */
    LIST_HOSTS("list-hosts", VmQuery.ListHosts.class),
    /** {@link VmQuery.GetVm}. */
    GET_VM("get-vm", VmQuery.GetVm.class),
    /** {@link VmQuery.ListVms}. */
    LIST_VMS("list-vms", VmQuery.ListVms.class),
    /** {@link VmQuery.GetPath}. */
    GET_PATH("get-path", VmQuery.GetPath.class),
    /** {@link VmQuery.ListChildren}. */
    LIST_PATH_CHILDREN("list-path-children", VmQuery.ListChildren.class);

    private final String f;
    private final Class<?> operationType;

    VmOperationKind(String f, Class<?> operationType) {
        this.f = f;
        this.operationType = operationType;
    }

    /** The history {@code f} name, e.g. {@code "create-vm"}. */
    public String f() {
        return f;
    }

    /** The record type of this operation: a {@link VmCommand} or {@link VmQuery} implementation. */
    public Class<?> operationType() {
        return operationType;
    }

    /** Whether this is a read (a {@link VmQuery}), served without going through the log. */
    public boolean isRead() {
        return VmQuery.class.isAssignableFrom(operationType);
    }

    /** The kind of {@code command}. */
    public static VmOperationKind of(VmCommand command) {
        return ofType(command.getClass());
    }

    /** The kind of {@code query}. */
    public static VmOperationKind of(VmQuery query) {
        return ofType(query.getClass());
    }

    /** The kind named {@code f} in a history, if any. */
    public static Optional<VmOperationKind> fromF(String f) {
        for (VmOperationKind kind : values()) {
            if (kind.f.equals(f)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    private static VmOperationKind ofType(Class<?> type) {
        for (VmOperationKind kind : values()) {
            if (kind.operationType == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no history name for " + type.getName());
    }
}
