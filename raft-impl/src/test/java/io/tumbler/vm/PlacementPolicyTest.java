package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacementPolicyTest {
    private static Host host(String id, int vcpus, long memoryMib, int usedVcpus, long usedMemoryMib, HostState state) {
        return new Host(id, new Resources(vcpus, memoryMib), new Resources(usedVcpus, usedMemoryMib), state);
    }

    private static Optional<String> choose(List<Host> hosts, Resources size, String excluded) {
        return PlacementPolicy.choose(hosts, size, excluded).map(Host::id);
    }

    @Test
    void picksTheHostLeftWithTheLeastMemory() {
        List<Host> hosts = List.of(host("a", 8, 8192, 0, 0, HostState.ACTIVE), host("b", 8, 8192, 0, 6144, HostState.ACTIVE),
                host("c", 8, 8192, 0, 4096, HostState.ACTIVE));
        assertEquals(Optional.of("b"), choose(hosts, new Resources(1, 1024), null));
    }

    @Test
    void breaksMemoryTiesByLeastVcpusLeftThenBySmallestId() {
        List<Host> byCpu = List.of(host("a", 8, 4096, 0, 0, HostState.ACTIVE), host("b", 4, 4096, 0, 0, HostState.ACTIVE));
        assertEquals(Optional.of("b"), choose(byCpu, new Resources(1, 1024), null));
        List<Host> byId = List.of(host("z", 4, 4096, 0, 0, HostState.ACTIVE), host("m", 4, 4096, 0, 0, HostState.ACTIVE));
        assertEquals(Optional.of("m"), choose(byId, new Resources(1, 1024), null));
    }

    @Test
    void skipsDrainingFailedExcludedAndTooSmallHosts() {
        List<Host> hosts = List.of(host("draining", 8, 2048, 0, 0, HostState.DRAINING),
                host("failed", 8, 2048, 0, 0, HostState.FAILED), host("excluded", 8, 2048, 0, 0, HostState.ACTIVE),
                host("no-cpu", 8, 2048, 8, 0, HostState.ACTIVE), host("no-mem", 8, 2048, 0, 1536, HostState.ACTIVE),
                host("roomy", 64, 65536, 0, 0, HostState.ACTIVE));
        assertEquals(Optional.of("roomy"), choose(hosts, new Resources(1, 1024), "excluded"));
        assertEquals(Optional.empty(), choose(hosts.subList(0, 5), new Resources(1, 1024), "excluded"));
    }

    @Test
    void anExactFitIsAccepted() {
        assertEquals(Optional.of("a"), choose(List.of(host("a", 2, 1024, 1, 512, HostState.ACTIVE)), new Resources(1, 512), null));
    }

    /** Differential: the one-pass policy against a naive twin that sorts every eligible host. */
    @Test
    void agreesWithANaiveSortingTwinOnRandomFleetsWhateverTheCandidateOrder() {
        SplitMix64 random = new SplitMix64(0xF1EE7L);
        for (int round = 0; round < 2000; round++) {
            List<Host> hosts = randomFleet(random);
            Resources size = new Resources(random.between(1, 4), 256L * random.between(1, 8));
            String excluded = random.percent(30) ? "h" + random.nextInt(6) : null;
            Optional<String> expected = naiveChoice(hosts, size, excluded);
            assertEquals(expected, choose(hosts, size, excluded), "round " + round + " hosts " + hosts);
            List<Host> reversed = new ArrayList<>(hosts);
            java.util.Collections.reverse(reversed);
            assertEquals(expected, choose(reversed, size, excluded), "order must not matter, round " + round);
        }
    }

    private static List<Host> randomFleet(SplitMix64 random) {
        List<Host> hosts = new ArrayList<>();
        int count = random.between(0, 6);
        for (int i = 0; i < count; i++) {
            int vcpus = random.between(1, 8);
            long memoryMib = 256L * random.between(1, 16);
            HostState state = random.pick(List.of(HostState.ACTIVE, HostState.ACTIVE, HostState.DRAINING, HostState.FAILED));
            hosts.add(host("h" + i, vcpus, memoryMib, random.between(0, vcpus), 256L * random.between(0, (int) (memoryMib / 256)),
                    state));
        }
        return hosts;
    }

    private static Optional<String> naiveChoice(List<Host> hosts, Resources size, String excluded) {
        return hosts.stream()
                .filter(h -> h.state() == HostState.ACTIVE && !h.id().equals(excluded))
                .filter(h -> h.capacity().vcpus() - h.reserved().vcpus() >= size.vcpus()
                        && h.capacity().memoryMib() - h.reserved().memoryMib() >= size.memoryMib())
                .min(Comparator.<Host>comparingLong(h -> h.capacity().memoryMib() - h.reserved().memoryMib())
                        .thenComparingInt(h -> h.capacity().vcpus() - h.reserved().vcpus())
                        .thenComparing(Host::id))
                .map(Host::id);
    }
}
