package io.tumbler.vm;

import java.util.ArrayList;

/** Answers {@link VmQuery} values from a {@link VmState}; never changes it. */
final class QueryEvaluator {
    private QueryEvaluator() {}

    static VmResult answer(VmState state, VmQuery query) {
        if (query instanceof VmQuery.GetHost q) {
            return state.host(q.hostId()).<VmResult>map(VmResult.HostInfo::new).orElse(new VmResult.Absent(q.hostId()));
        } else if (query instanceof VmQuery.ListHosts) {
            return new VmResult.HostList(new ArrayList<>(state.hosts()));
        } else if (query instanceof VmQuery.GetVm q) {
            return state.vm(q.vmId()).<VmResult>map(VmResult.VmInfo::new).orElse(new VmResult.Absent(q.vmId()));
        } else if (query instanceof VmQuery.ListVms q) {
            return new VmResult.VmList(q.hostId() == null ? new ArrayList<>(state.vms()) : state.vmsOn(q.hostId()));
        } else if (query instanceof VmQuery.GetPath q) {
            return state.paths().get(q.path()).<VmResult>map(VmResult.PathValue::new)
                    .orElse(new VmResult.Absent(q.path()));
        } else if (query instanceof VmQuery.ListChildren q) {
            return new VmResult.PathChildren(q.path(), state.paths().children(q.path()));
        }
        throw new IllegalArgumentException("unknown query " + query);
    }
}
