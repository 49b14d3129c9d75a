package io.tumbler.vm;

import java.util.List;

/**
 * Draws random commands and queries over small id spaces (so that ids collide and every refusal path is
 * reached) and sometimes peeks at the current state, so that compare-and-swaps and migrations succeed
 * often enough to matter.
 */
final class VmCommandGenerator {
    static final List<String> HOSTS = List.of("h1", "h2", "h3", "h4", "h5");
    static final List<String> VMS = List.of("vm1", "vm2", "vm3", "vm4", "vm5", "vm6", "vm7", "vm8", "vm9", "vm10");
    static final List<String> PATHS = List.of("/cfg", "/cfg/a", "/cfg/a/x", "/cfg/a.b", "/cfg/b", "/cfg/b/y/z",
            "/svc/web", "/svc/web/1", "/svc/db");
    static final List<String> VALUES = List.of("", "v1", "v2", "v3", "leader=n1");

    private final SplitMix64 random;

    VmCommandGenerator(long seed) {
        this.random = new SplitMix64(seed);
    }

    VmCommand nextCommand(VmState state) {
        int roll = random.nextInt(100);
        if (roll < 25) {
            return hostCommand();
        }
        if (roll < 65) {
            return vmCommand();
        }
        return pathCommand(state);
    }

    VmQuery nextQuery() {
        switch (random.nextInt(6)) {
            case 0:
                return new VmQuery.GetHost(host());
            case 1:
                return new VmQuery.ListHosts();
            case 2:
                return new VmQuery.GetVm(vm());
            case 3:
                return new VmQuery.ListVms(random.percent(50) ? null : host());
            case 4:
                return new VmQuery.GetPath(random.pick(PATHS));
            default:
                return new VmQuery.ListChildren(random.percent(20) ? "/" : random.pick(PATHS));
        }
    }

    private VmCommand hostCommand() {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return new VmCommand.RegisterHost(host(), new Resources(random.between(2, 16), 512L * random.between(2, 16)));
        }
        if (roll < 55) {
            return new VmCommand.DrainHost(host());
        }
        if (roll < 75) {
            return new VmCommand.FailHost(host());
        }
        return new VmCommand.RecoverHost(host());
    }

    private VmCommand vmCommand() {
        int roll = random.nextInt(100);
        if (roll < 35) {
            return new VmCommand.CreateVm(vm(), new Resources(random.between(1, 4), 256L * random.between(1, 8)));
        }
        if (roll < 55) {
            return new VmCommand.StartVm(vm());
        }
        if (roll < 70) {
            return new VmCommand.StopVm(vm());
        }
        if (roll < 82) {
            return new VmCommand.DeleteVm(vm());
        }
        String target = random.percent(40) ? null : random.percent(10) ? "h9" : host();
        return new VmCommand.MigrateVm(vm(), target);
    }

    private VmCommand pathCommand(VmState state) {
        String path = random.pick(PATHS);
        int roll = random.nextInt(100);
        if (roll < 30) {
            return new VmCommand.PutPath(path, value());
        }
        if (roll < 45) {
            return new VmCommand.PutPathIfAbsent(path, value());
        }
        if (roll < 85) {
            return new VmCommand.CompareAndSwapPath(path, expectation(state.paths().get(path).orElse(null)), value());
        }
        return new VmCommand.DeletePath(path, random.percent(50));
    }

    /** Right about half the time, by peeking at the current entry. */
    private CasExpectation expectation(PathEntry current) {
        boolean peek = current != null && random.percent(50);
        switch (random.nextInt(3)) {
            case 0:
                return new CasExpectation.Value(peek ? current.value() : value());
            case 1:
                return new CasExpectation.Version(peek ? current.version() : random.nextInt(3));
            default:
                return new CasExpectation.ModRevision(peek ? current.modRevision() : random.nextInt(3));
        }
    }

    private String host() {
        return random.pick(HOSTS);
    }

    private String vm() {
        return random.pick(VMS);
    }

    private Bytes value() {
        return Bytes.utf8(random.pick(VALUES));
    }
}
