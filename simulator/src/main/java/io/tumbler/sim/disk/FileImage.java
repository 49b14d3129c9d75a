package io.tumbler.sim.disk;

import java.util.Arrays;

/** The bytes of one version of a file (what the process sees, or what is durable), growable. */
final class FileImage {
    private byte[] bytes;
    private int length;

    FileImage() {
        this.bytes = new byte[64];
    }

    private FileImage(byte[] bytes, int length) {
        this.bytes = bytes;
        this.length = length;
    }

    int length() {
        return length;
    }

    FileImage copy() {
        return new FileImage(Arrays.copyOf(bytes, Math.max(64, length)), length);
    }

    /** Writes {@code count} bytes of {@code data} at {@code position}; a gap past the end reads as zeros. */
    void write(int position, byte[] data, int count) {
        int end = Math.addExact(position, count);
        ensureCapacity(end);
        System.arraycopy(data, 0, bytes, position, count);
        length = Math.max(length, end);
    }

    /** Cuts the file to {@code newLength}, or extends it with zeros. */
    void truncate(int newLength) {
        ensureCapacity(newLength);
        if (newLength < length) {
            Arrays.fill(bytes, newLength, length, (byte) 0);
        }
        length = newLength;
    }

    byte[] read(int position, int count) {
        if (position >= length) {
            return new byte[0];
        }
        return Arrays.copyOfRange(bytes, position, position + Math.min(count, length - position));
    }

    /** Flips a bit if it lies inside the file; returns whether it did. */
    boolean flipBit(long bitPosition) {
        if (bitPosition < 0 || bitPosition >= 8L * length) {
            return false;
        }
        bytes[(int) (bitPosition >>> 3)] ^= (byte) (1 << (bitPosition & 7));
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
    }
}
