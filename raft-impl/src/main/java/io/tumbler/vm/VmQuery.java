package io.tumbler.vm;

/**
 * Read-only questions for {@link VmStateMachine#query}: served by linearizable (ReadIndex), lease and
 * local reads alike. A query never changes the state and never fails for an absent object: absence is
 * the answer {@link VmResult.Absent}.
 *
 * <p>Wire form: {@link VmCodec#encodeQuery}; history names: {@link VmOperationKind}.
 */
public sealed interface VmQuery {

    /** One host. Answers {@link VmResult.HostInfo} or {@link VmResult.Absent}. */
    record GetHost(String hostId) implements VmQuery {
        public GetHost {
            IdSyntax.require("host id", hostId);
        }
    }

    /** Every host in id order. Answers {@link VmResult.HostList}. */
    record ListHosts() implements VmQuery {}

    /** One VM. Answers {@link VmResult.VmInfo} or {@link VmResult.Absent}. */
    record GetVm(String vmId) implements VmQuery {
        public GetVm {
            IdSyntax.require("vm id", vmId);
        }
    }

    /** The VMs on {@code hostId}, or every VM when it is null, in id order. Answers {@link VmResult.VmList}. */
    record ListVms(String hostId) implements VmQuery {
        public ListVms {
            if (hostId != null) {
                IdSyntax.require("host id", hostId);
            }
        }
    }

    /** One key. Answers {@link VmResult.PathValue} or {@link VmResult.Absent}. */
    record GetPath(String path) implements VmQuery {
        public GetPath {
            PathSyntax.requireKey(path);
        }
    }

    /**
     * The names of the immediate children of {@code path} (the root allowed): the next segment of every
     * key beneath it, once each, in order. Answers {@link VmResult.PathChildren}.
     */
    record ListChildren(String path) implements VmQuery {
        public ListChildren {
            PathSyntax.requirePath(path);
        }
    }
}
