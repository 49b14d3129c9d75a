package io.tumbler.vm;

import java.util.List;
import java.util.Objects;

/**
 * What applying a {@link VmCommand} or answering a {@link VmQuery} produced: the value that goes back to
 * the client. {@link #isOk()} is the history's verdict: {@code false} means the command definitely had no
 * effect (Jepsen's {@code :fail}); the state machine asserts this in its checking mode.
 *
 * <p>Wire form: {@link VmCodec#encodeResult}.
 */
public sealed interface VmResult {

    /** Whether the operation took effect (commands) or observed the state (queries). */
    boolean isOk();

    /** The host after register/drain/recover, or as read by get-host. */
    record HostInfo(Host host) implements VmResult {
        public HostInfo {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** The host after fail-host, and the VMs that failed with it, in id order. */
    record HostFailed(Host host, List<String> failedVmIds) implements VmResult {
        public HostFailed {
            Objects.requireNonNull(host, "host");
            failedVmIds = List.copyOf(failedVmIds);
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** Hosts in id order. */
    record HostList(List<Host> hosts) implements VmResult {
        public HostList {
            hosts = List.copyOf(hosts);
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** The VM after create/start/stop/migrate, or as read by get-vm. */
    record VmInfo(Vm vm) implements VmResult {
        public VmInfo {
            Objects.requireNonNull(vm, "vm");
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** The VM as it was when deleted. */
    record VmDeleted(Vm vm) implements VmResult {
        public VmDeleted {
            Objects.requireNonNull(vm, "vm");
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** VMs in id order. */
    record VmList(List<Vm> vms) implements VmResult {
        public VmList {
            vms = List.copyOf(vms);
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** The key's entry after a successful write, or as read by get-path. */
    record PathValue(PathEntry entry) implements VmResult {
        public PathValue {
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** The immediate child names of {@code path}, in order. */
    record PathChildren(String path, List<String> names) implements VmResult {
        public PathChildren {
            PathSyntax.requirePath(path);
            names = List.copyOf(names);
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** A delete-path removed {@code count} keys (at least one) at store revision {@code revision}. */
    record PathsDeleted(String path, int count, long revision) implements VmResult {
        public PathsDeleted {
            PathSyntax.requireKey(path);
            if (count < 1 || revision < 1) {
                throw new IllegalArgumentException("a delete removes >= 1 key at revision >= 1, got " + count
                        + " at " + revision);
            }
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** A query found nothing with this id or path: an observation, so it is ok. */
    record Absent(String subject) implements VmResult {
        public Absent {
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public boolean isOk() {
            return true;
        }
    }

    /** A compare-and-swap or put-if-absent found {@code current} (null: absent) and wrote nothing. */
    record CasMismatch(String path, PathEntry current) implements VmResult {
        public CasMismatch {
            PathSyntax.requireKey(path);
        }

        @Override
        public boolean isOk() {
            return false;
        }
    }

    /** No eligible host had room for {@code requested}; nothing was placed or moved. */
    record NoCapacity(Resources requested) implements VmResult {
        public NoCapacity {
            Objects.requireNonNull(requested, "requested");
        }

        @Override
        public boolean isOk() {
            return false;
        }
    }

    /** The command is not allowed in the current state; nothing changed. */
    record Rejected(RejectReason reason, String subject) implements VmResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(subject, "subject");
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public String toString() {
            return "Rejected[" + reason + ": " + reason.describe(subject) + "]";
        }
    }

    /** The command or query bytes could not be decoded; nothing changed. */
    record Malformed(String detail) implements VmResult {
        public Malformed {
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public boolean isOk() {
            return false;
        }
    }
}
