package io.tumbler.raft.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Length-prefixed frames on a TCP stream: {@code [length u32][bytes]}. The bytes carry their own
 * checksum where it matters ({@code MessageCodec} frames); the length bound stops a garbage length from
 * allocating gigabytes.
 */
final class StreamFrames {
    /** Largest frame accepted (a snapshot travels in one InstallSnapshot message). */
    static final int MAX_FRAME_BYTES = 256 << 20;

    private StreamFrames() {}

    static void write(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
    }

    /** The next frame, or null at a clean end of stream (between frames). */
    static byte[] read(DataInputStream in) throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int length = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length < 0 || length > MAX_FRAME_BYTES) {
            throw new IOException("impossible frame length " + Integer.toUnsignedString(length));
        }
        byte[] frame = new byte[length];
        try {
            in.readFully(frame);
        } catch (EOFException e) {
            throw new IOException("stream ended inside a frame of " + length + " bytes", e);
        }
        return frame;
    }
}
