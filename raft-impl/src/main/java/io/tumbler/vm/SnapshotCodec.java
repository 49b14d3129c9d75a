package io.tumbler.vm;

import io.tumbler.raft.Digest64;

/**
 * The snapshot image of a {@link VmState}: header {@code 'S' 1}; the last applied log index; the hosts,
 * the VMs and the path entries, each as a varint count and the records in strictly increasing key order
 * (so equal states have byte-identical snapshots); the store revision; the 8-byte state digest; and, last,
 * an 8-byte {@link Digest64} checksum of every byte before it.
 *
 * <p>The decoder verifies the checksum before parsing (so any damage in storage or transit is reported
 * as such, not as some odd field value) and, after parsing, recomputes the state digest from the decoded
 * records and compares (so an encoder or decoder bug cannot install a different state unnoticed).
 */
final class SnapshotCodec {
    private static final long CHECKSUM_DOMAIN = 0x564D534E4150L; // "VMSNAP"

    private SnapshotCodec() {}

    /** A decoded snapshot: the state and the index of the last command applied to it. */
    record Image(VmState state, long lastAppliedIndex) {}

    static byte[] encode(VmState state, long lastAppliedIndex) {
        WireWriter out = new WireWriter().header(VmCodec.SNAPSHOT, VmCodec.FORMAT_VERSION);
        out.varLong(lastAppliedIndex);
        out.varLong(state.hosts().size());
        state.hosts().forEach(host -> ValueCodec.writeHost(out, host));
        out.varLong(state.vms().size());
        state.vms().forEach(vm -> ValueCodec.writeVm(out, vm));
        PathStore paths = state.paths();
        out.varLong(paths.revision());
        out.varLong(paths.entries().size());
        paths.entries().forEach(entry -> ValueCodec.writePathEntry(out, entry));
        out.fixedLong(state.digest());
        return out.fixedLong(checksum(out.buffer(), out.size())).toByteArray();
    }

    static Image decode(byte[] bytes) {
        return VmCodec.decode(bytes, "snapshot", VmCodec.SNAPSHOT, in -> readChecked(in, bytes));
    }

    private static long checksum(byte[] bytes, int length) {
        return new Digest64(CHECKSUM_DOMAIN).addBytes(bytes, 0, length).value();
    }

    private static Image readChecked(WireReader in, byte[] bytes) {
        int checksumAt = bytes.length - Long.BYTES;
        if (checksumAt < in.position()) {
            throw in.error("truncated: shorter than a header and a checksum");
        }
        long stored = WireReader.littleEndianLong(bytes, checksumAt);
        if (stored != checksum(bytes, checksumAt)) {
            throw in.error("checksum mismatch over bytes 0.." + checksumAt + " — the snapshot is corrupt or truncated");
        }
        Image image = readBody(in);
        in.fixedLong("checksum");
        return image;
    }

    private static Image readBody(WireReader in) {
        long lastAppliedIndex = in.varLong("lastAppliedIndex");
        VmState state = new VmState();
        readHosts(in, state);
        readVms(in, state);
        readPaths(in, state.paths());
        long expected = in.fixedLong("state digest");
        if (expected != state.digest()) {
            throw in.error("state digest mismatch: snapshot says " + Long.toHexString(expected)
                    + ", content hashes to " + Long.toHexString(state.digest()) + " — the snapshot is corrupt");
        }
        return new Image(state, lastAppliedIndex);
    }

    private static void readHosts(WireReader in, VmState state) {
        int count = in.count("host count");
        String previous = null;
        for (int i = 0; i < count; i++) {
            Host host = ValueCodec.readHost(in);
            previous = requireIncreasing(in, "host id", previous, host.id());
            state.putHost(host);
        }
    }

    private static void readVms(WireReader in, VmState state) {
        int count = in.count("vm count");
        String previous = null;
        for (int i = 0; i < count; i++) {
            Vm vm = ValueCodec.readVm(in);
            previous = requireIncreasing(in, "vm id", previous, vm.id());
            state.putVm(vm);
        }
    }

    private static void readPaths(WireReader in, PathStore paths) {
        long revision = in.varLong("store revision");
        paths.restoreRevision(revision);
        int count = in.count("path count");
        String previous = null;
        for (int i = 0; i < count; i++) {
            PathEntry entry = ValueCodec.readPathEntry(in);
            previous = requireIncreasing(in, "path", previous, entry.path());
            if (entry.modRevision() > revision) {
                throw in.error("path " + entry.path() + " modRevision " + entry.modRevision()
                        + " is beyond the store revision " + revision);
            }
            paths.restoreEntry(entry);
        }
    }

    private static String requireIncreasing(WireReader in, String what, String previous, String next) {
        if (previous != null && previous.compareTo(next) >= 0) {
            throw in.error(what + "s out of order or repeated: " + previous + " then " + next);
        }
        return next;
    }
}
