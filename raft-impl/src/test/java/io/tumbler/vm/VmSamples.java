package io.tumbler.vm;

import java.util.List;

/** At least one value of every command, query and result type, for codec and golden tests. */
final class VmSamples {
    private VmSamples() {}

    static final Host HOST = new Host("h1", new Resources(16, 65536), new Resources(2, 3072), HostState.DRAINING);
    static final Vm PLACED = new Vm("vm-1", new Resources(2, 3072), VmStatus.RUNNING, "h1");
    static final Vm UNPLACED = new Vm("vm-2", new Resources(1, 512), VmStatus.FAILED, null);
    static final PathEntry ENTRY = new PathEntry("/cluster/config/x", Bytes.utf8("on"), 3, 300);

    static List<VmCommand> commands() {
        return List.of(
                new VmCommand.RegisterHost("h1", new Resources(16, 65536)),
                new VmCommand.DrainHost("h1"),
                new VmCommand.FailHost("h1"),
                new VmCommand.RecoverHost("h1"),
                new VmCommand.CreateVm("vm-1", new Resources(2, 3072)),
                new VmCommand.StartVm("vm-1"),
                new VmCommand.StopVm("vm-1"),
                new VmCommand.DeleteVm("vm-1"),
                new VmCommand.MigrateVm("vm-1", "h2"),
                new VmCommand.MigrateVm("vm-1", null),
                new VmCommand.PutPath("/cluster/config/x", Bytes.utf8("on")),
                new VmCommand.PutPathIfAbsent("/locks/leader", Bytes.copyOf(new byte[] {0, (byte) 0xFF})),
                new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Value(Bytes.utf8("a")), Bytes.utf8("b")),
                new VmCommand.CompareAndSwapPath("/k", new CasExpectation.Version(0), Bytes.EMPTY),
                new VmCommand.CompareAndSwapPath("/k", new CasExpectation.ModRevision(1L << 40), Bytes.utf8("c")),
                new VmCommand.DeletePath("/cluster", true),
                new VmCommand.DeletePath("/cluster/config/x", false));
    }

    static List<VmQuery> queries() {
        return List.of(
                new VmQuery.GetHost("h1"),
                new VmQuery.ListHosts(),
                new VmQuery.GetVm("vm-1"),
                new VmQuery.ListVms(null),
                new VmQuery.ListVms("h1"),
                new VmQuery.GetPath("/cluster/config/x"),
                new VmQuery.ListChildren("/"),
                new VmQuery.ListChildren("/cluster"));
    }

    static List<VmResult> results() {
        return List.of(
                new VmResult.HostInfo(HOST),
                new VmResult.HostFailed(HOST, List.of("vm-1", "vm-2")),
                new VmResult.HostList(List.of(HOST, new Host("h2", new Resources(1, 1), Resources.NONE, HostState.FAILED))),
                new VmResult.HostList(List.of()),
                new VmResult.VmInfo(PLACED),
                new VmResult.VmDeleted(UNPLACED),
                new VmResult.VmList(List.of(PLACED, UNPLACED)),
                new VmResult.PathValue(ENTRY),
                new VmResult.PathChildren("/cluster", List.of("config", "nodes")),
                new VmResult.PathsDeleted("/cluster", 7, 301),
                new VmResult.Absent("vm-9"),
                new VmResult.CasMismatch("/k", ENTRY),
                new VmResult.CasMismatch("/k", null),
                new VmResult.NoCapacity(new Resources(64, 1L << 20)),
                new VmResult.Rejected(RejectReason.SAME_HOST, "h1"),
                new VmResult.Malformed("command at byte 3: unknown command tag 99"));
    }
}
