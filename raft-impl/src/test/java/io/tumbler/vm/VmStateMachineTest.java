package io.tumbler.vm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.Digest64;
import io.tumbler.raft.node.StateMachine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VmStateMachineTest {
    private static final List<VmCommand> SETUP = List.of(
            new VmCommand.RegisterHost("h1", new Resources(8, 8192)),
            new VmCommand.RegisterHost("h2", new Resources(4, 4096)),
            new VmCommand.CreateVm("vm1", new Resources(2, 1024)),
            new VmCommand.StartVm("vm1"),
            new VmCommand.CreateVm("vm2", new Resources(1, 512)),
            new VmCommand.PutPath("/cluster/config/x", Bytes.utf8("1")));

    private static VmStateMachine applied(List<VmCommand> commands) {
        VmStateMachine machine = VmStateMachine.withInvariantChecks();
        long index = 0;
        for (VmCommand command : commands) {
            machine.apply(++index, VmCodec.encodeCommand(command));
        }
        return machine;
    }

    @Test
    void itIsTheRaftNodesStateMachinePort() {
        StateMachine port = new VmStateMachine();
        byte[] result = port.apply(1, VmCodec.encodeCommand(new VmCommand.RegisterHost("h1", new Resources(1, 1))));
        assertTrue(VmCodec.decodeResult(result).isOk());
        assertEquals(new VmResult.HostList(List.of(new Host("h1", new Resources(1, 1), Resources.NONE, HostState.ACTIVE))),
                VmCodec.decodeResult(port.query(VmCodec.encodeQuery(new VmQuery.ListHosts()))));
    }

    @Test
    void logIndexesMustIncrease() {
        VmStateMachine machine = applied(SETUP);
        byte[] command = VmCodec.encodeCommand(new VmCommand.StopVm("vm1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> machine.apply(SETUP.size(), command));
        assertEquals("log index 6 applied after 6: the driver applied an entry twice or out of order", e.getMessage());
        assertTrue(VmCodec.decodeResult(machine.apply(SETUP.size() + 5, command)).isOk(), "gaps (NOOP entries) are fine");
    }

    @Test
    void snapshotAndRestoreRoundTripStateDigestAndIndex() {
        VmStateMachine original = applied(SETUP);
        byte[] image = original.snapshot();
        VmStateMachine copy = VmStateMachine.withInvariantChecks();
        copy.restore(image);
        assertEquals(original.digest(), copy.digest());
        assertArrayEquals(image, copy.snapshot(), "equal states have byte-identical snapshots");
        assertEquals(SETUP.size(), copy.lastAppliedIndex());
        assertEquals(original.query(new VmQuery.ListVms(null)), copy.query(new VmQuery.ListVms(null)));
        assertEquals(original.state().paths().revision(), copy.state().paths().revision());
    }

    @Test
    void restoreReplacesRatherThanMerges() {
        VmStateMachine machine = applied(List.of(new VmCommand.RegisterHost("other", new Resources(1, 1))));
        machine.restore(applied(SETUP).snapshot());
        assertTrue(machine.state().host("other").isEmpty());
        assertEquals(applied(SETUP).digest(), machine.digest());
    }

    @Test
    void aCorruptSnapshotIsRefusedAndLeavesTheStateAlone() {
        VmStateMachine machine = applied(SETUP);
        long digest = machine.digest();
        byte[] image = machine.snapshot();
        int flipped = 0;
        for (int at = 0; at < image.length; at++) {
            byte[] damaged = image.clone();
            damaged[at] ^= 0x04;
            assertThrows(VmCodecException.class, () -> machine.restore(damaged), "flip at byte " + at);
            flipped++;
        }
        assertEquals(image.length, flipped);
        assertEquals(digest, machine.digest());
        assertArrayEquals(image, machine.snapshot());
    }

    @Test
    void aDamagedSnapshotIsReportedAsAChecksumMismatch() {
        byte[] image = applied(SETUP).snapshot();
        image[image.length / 2] ^= 1;
        VmCodecException e = assertThrows(VmCodecException.class, () -> VmStateMachine.stateOf(image));
        assertEquals("snapshot at byte 2: checksum mismatch over bytes 0.." + (image.length - 8)
                + " — the snapshot is corrupt or truncated", e.getMessage());
    }

    /** A resealed image whose records disagree with its state digest: what an encoder bug would produce. */
    @Test
    void aSnapshotWhoseRecordsDisagreeWithItsStateDigestIsRefused() {
        byte[] image = applied(SETUP).snapshot();
        int digestAt = image.length - 16;
        image[digestAt] ^= 1;
        long checksum = new Digest64(0x564D534E4150L).addBytes(image, 0, image.length - 8).value();
        for (int i = 0; i < 8; i++) {
            image[image.length - 8 + i] = (byte) (checksum >>> (8 * i));
        }
        VmCodecException e = assertThrows(VmCodecException.class, () -> VmStateMachine.stateOf(image));
        assertTrue(e.getMessage().startsWith("snapshot at byte " + (digestAt + 8) + ": state digest mismatch"),
                e.getMessage());
    }

    @Test
    void theDigestDependsOnTheStateNotOnTheOrderThatBuiltIt() {
        List<VmCommand> hosts = List.of(new VmCommand.RegisterHost("h1", new Resources(8, 8192)),
                new VmCommand.RegisterHost("h2", new Resources(4, 4096)), new VmCommand.RegisterHost("h3", new Resources(2, 2048)));
        long expected = applied(hosts).digest();
        for (List<VmCommand> order : permutations(hosts)) {
            assertEquals(expected, applied(order).digest(), order.toString());
        }
        List<VmCommand> detour = new ArrayList<>(hosts);
        detour.add(new VmCommand.CreateVm("tmp", new Resources(1, 1)));
        detour.add(new VmCommand.DeleteVm("tmp"));
        detour.add(new VmCommand.DrainHost("h2"));
        detour.add(new VmCommand.RecoverHost("h2"));
        assertEquals(expected, applied(detour).digest(), "a created-and-deleted VM and an undone drain leave no trace");
    }

    @Test
    void theDigestSeesEveryKindOfChange() {
        long base = applied(SETUP).digest();
        List<VmCommand> changes = List.of(new VmCommand.StopVm("vm1"), new VmCommand.DrainHost("h2"),
                new VmCommand.MigrateVm("vm2", null), new VmCommand.PutPath("/cluster/config/x", Bytes.utf8("1")),
                new VmCommand.DeletePath("/cluster/config/x", false), new VmCommand.RegisterHost("h3", new Resources(1, 1)));
        List<Long> digests = new ArrayList<>();
        digests.add(base);
        for (VmCommand change : changes) {
            List<VmCommand> commands = new ArrayList<>(SETUP);
            commands.add(change);
            long digest = applied(commands).digest();
            assertNotEquals(base, digest, change.toString());
            assertTrue(!digests.contains(digest), "distinct states, distinct digests: " + change);
            digests.add(digest);
        }
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T first = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                out.add(permutation);
            }
        }
        return out;
    }
}
