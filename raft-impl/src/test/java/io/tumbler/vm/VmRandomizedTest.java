package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.Digest64;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Seeded random command histories (see {@link VmCommandGenerator}) against the real state machine,
 * checking after every apply: the invariants; that a refused command changed nothing and an accepted one
 * changed something; that placement matches a naive best-fit twin and never over-commits; that every
 * command, query and result round-trips through the codec; that a second instance fed the same bytes
 * answers the same bytes with the same digest; and that a copy restored from a snapshot at a random
 * point has the same digest and behaves the same from then on. A failure names the seed and log index.
 */
class VmRandomizedTest {
    private static final int SEEDS = 10;
    private static final int COMMANDS_PER_SEED = 3_000;
    private static final String GOLDEN = "raft-impl/src/test/java/io/tumbler/vm/vm-random-v1.golden.txt";

    /** What a whole campaign saw, to prove the generator reaches every outcome. */
    private final TreeMap<String, Integer> outcomes = new TreeMap<>();
    private final StringBuilder fingerprints = new StringBuilder();

    @Test
    void randomHistoriesKeepEveryPropertyAfterEveryApply() throws IOException {
        for (long seed = 0; seed < SEEDS; seed++) {
            runSeed(seed);
        }
        for (Class<?> type : VmResult.class.getPermittedSubclasses()) {
            if (type != VmResult.Malformed.class) {
                assertTrue(outcomes.containsKey(type.getSimpleName()), "never produced " + type.getSimpleName() + ": " + outcomes);
            }
        }
        for (RejectReason reason : RejectReason.values()) {
            assertTrue(outcomes.containsKey("Rejected." + reason), "never refused with " + reason + ": " + outcomes);
        }
        System.out.println("VmRandomizedTest outcomes over " + SEEDS + " seeds x " + COMMANDS_PER_SEED + " commands: " + outcomes);
        assertMatchesGolden(fingerprints.toString());
    }

    private void runSeed(long seed) {
        VmCommandGenerator generator = new VmCommandGenerator(seed);
        SplitMix64 random = new SplitMix64(~seed);
        VmStateMachine primary = VmStateMachine.withInvariantChecks();
        VmStateMachine twin = new VmStateMachine();
        Digest64 resultStream = new Digest64(seed);
        int restores = 0;
        for (long index = 1; index <= COMMANDS_PER_SEED; index++) {
            String where = "seed " + seed + " index " + index;
            VmCommand command = generator.nextCommand(primary.state());
            byte[] encoded = roundTrip(command, VmCodec::encodeCommand, VmCodec::decodeCommand, where);
            Optional<String> naiveHost = naivePlacement(primary.state(), command);
            long digestBefore = primary.digest();

            byte[] resultBytes = primary.apply(index, encoded);
            VmResult result = VmCodec.decodeResult(resultBytes);
            roundTrip(result, VmCodec::encodeResult, VmCodec::decodeResult, where);
            record(result);
            resultStream.addBytes(resultBytes);

            assertEquals(List.of(), VmInvariants.check(primary.state()), where + " after " + command);
            assertEquals(result.isOk(), primary.digest() != digestBefore, where + ": ok iff changed, " + command + " -> " + result);
            checkPlacement(primary.state(), command, naiveHost, result, where);
            assertArrayEquals(resultBytes, twin.apply(index, encoded), where + ": twin answered differently to " + command);
            assertEquals(primary.digest(), twin.digest(), where + ": twin digest differs after " + command);
            record(compareQuery(generator.nextQuery(), primary, twin, where));
            if (random.percent(2)) {
                twin = restoredCopy(primary, where);
                restores++;
            }
        }
        assertTrue(restores > 20, "seed " + seed + " restored only " + restores + " times");
        fingerprints.append("seed ").append(seed).append(" digest ").append(Long.toHexString(primary.digest()))
                .append(" results ").append(Long.toHexString(resultStream.value())).append('\n');
    }

    private static <T> byte[] roundTrip(T value, Function<T, byte[]> encode, Function<byte[], T> decode, String where) {
        byte[] encoded = encode.apply(value);
        T decoded = decode.apply(encoded);
        assertEquals(value, decoded, where + ": codec round trip");
        assertArrayEquals(encoded, encode.apply(decoded), where + ": canonical encoding of " + value);
        return encoded;
    }

    private static VmResult compareQuery(VmQuery query, VmStateMachine primary, VmStateMachine twin, String where) {
        byte[] encoded = roundTrip(query, VmCodec::encodeQuery, VmCodec::decodeQuery, where);
        byte[] answer = primary.query(encoded);
        VmResult result = VmCodec.decodeResult(answer);
        roundTrip(result, VmCodec::encodeResult, VmCodec::decodeResult, where);
        assertTrue(result.isOk(), where + ": a query always answers, " + query);
        assertArrayEquals(answer, twin.query(encoded), where + ": twin answered " + query + " differently");
        return result;
    }

    /** A fresh machine restored from the primary's snapshot: rebuilt in key order, so equal digests show order-independence. */
    private static VmStateMachine restoredCopy(VmStateMachine primary, String where) {
        byte[] image = primary.snapshot();
        VmStateMachine copy = new VmStateMachine();
        copy.restore(image);
        assertEquals(primary.digest(), copy.digest(), where + ": restored digest");
        assertArrayEquals(image, copy.snapshot(), where + ": snapshot of the restored copy");
        assertEquals(primary.lastAppliedIndex(), copy.lastAppliedIndex(), where);
        return copy;
    }

    /**
     * Where a naive best-fit twin would place a new VM or an auto-migrated one (empty: nowhere); null for
     * any other command, whose outcome the unit tests pin down.
     */
    private static Optional<String> naivePlacement(VmState state, VmCommand command) {
        if (command instanceof VmCommand.CreateVm c && state.vm(c.vmId()).isEmpty()) {
            return naiveBestFit(state, c.size(), null);
        }
        if (command instanceof VmCommand.MigrateVm c && c.targetHostId() == null && state.vm(c.vmId()).isPresent()) {
            Vm vm = state.vm(c.vmId()).get();
            return naiveBestFit(state, vm.size(), vm.hostId());
        }
        return null;
    }

    private static Optional<String> naiveBestFit(VmState state, Resources size, String excluded) {
        return state.hosts().stream()
                .filter(h -> h.state() == HostState.ACTIVE && !h.id().equals(excluded))
                .filter(h -> h.capacity().vcpus() - h.reserved().vcpus() >= size.vcpus()
                        && h.capacity().memoryMib() - h.reserved().memoryMib() >= size.memoryMib())
                .min(Comparator.<Host>comparingLong(h -> h.capacity().memoryMib() - h.reserved().memoryMib())
                        .thenComparingInt(h -> h.capacity().vcpus() - h.reserved().vcpus()).thenComparing(Host::id))
                .map(Host::id);
    }

    private static void checkPlacement(VmState after, VmCommand command, Optional<String> naiveHost, VmResult result,
                                       String where) {
        if (result instanceof VmResult.VmInfo info && !(command instanceof VmCommand.StartVm)
                && !(command instanceof VmCommand.StopVm)) {
            Host host = after.host(info.vm().hostId()).orElseThrow();
            assertTrue(host.reserved().fitsWithin(host.capacity()), where + ": over-committed " + host);
            assertEquals(HostState.ACTIVE, host.state(), where + ": placed on a host that is not active");
        }
        if (naiveHost == null) {
            return;
        }
        Optional<String> placedOn = result instanceof VmResult.VmInfo info ? Optional.of(info.vm().hostId()) : Optional.empty();
        assertEquals(naiveHost, placedOn, where + ": placement of " + command + " -> " + result);
        assertTrue(result instanceof VmResult.VmInfo || result instanceof VmResult.NoCapacity, where + ": " + result);
    }

    private void record(VmResult result) {
        String key = result instanceof VmResult.Rejected r ? "Rejected." + r.reason() : result.getClass().getSimpleName();
        outcomes.merge(key, 1, Integer::sum);
        if (result instanceof VmResult.Rejected) {
            outcomes.merge("Rejected", 1, Integer::sum);
        }
    }

    private static void assertMatchesGolden(String actual) throws IOException {
        Path golden = Path.of(System.getProperty("tumbler.root", ".."), GOLDEN);
        String header = "# Final state digest and a hash of every result, per seed (" + COMMANDS_PER_SEED
                + " commands each). A diff means behaviour changed: review, then -Dtumbler.golden.update=true.\n";
        if (Boolean.getBoolean("tumbler.golden.update")) {
            Files.writeString(golden, header + actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), header + actual,
                "the same seeds no longer give the same results: determinism or semantics changed");
    }
}
