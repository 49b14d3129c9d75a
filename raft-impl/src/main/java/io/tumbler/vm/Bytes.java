package io.tumbler.vm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable byte string: the values held by the path store and carried in commands and results.
 *
 * <p>Why not {@code byte[]}: records compare arrays by identity, and a caller could mutate an array
 * after handing it over. A {@code Bytes} copies once at the edge ({@link #copyOf}, {@link #toByteArray})
 * and then compares, hashes and prints by content.
 */
public final class Bytes implements Comparable<Bytes> {
    /** The empty byte string. */
    public static final Bytes EMPTY = new Bytes(new byte[0]);

    private static final int PRINT_LIMIT_BYTES = 48;

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** A byte string holding a copy of {@code bytes}. */
    public static Bytes copyOf(byte[] bytes) {
        return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
    }

    /** The UTF-8 encoding of {@code text}. */
    public static Bytes utf8(String text) {
        return wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Takes ownership of an array nobody else holds (the codec's freshly decoded arrays). */
    static Bytes wrap(byte[] owned) {
        return owned.length == 0 ? EMPTY : new Bytes(owned);
    }

    /** A fresh copy of the content. */
    public byte[] toByteArray() {
        return data.clone();
    }

    /** The content decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String toUtf8() {
        return new String(data, StandardCharsets.UTF_8);
    }

    /** Length in bytes. */
    public int size() {
        return data.length;
    }

    /** The backing array, for the codec and the digest only: callers must never mutate it. */
    byte[] array() {
        return data;
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(data, other.data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Bytes b && Arrays.equals(data, b.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** Printable ASCII is shown quoted; anything else as hex; long values are cut. */
    @Override
    public String toString() {
        int shown = Math.min(data.length, PRINT_LIMIT_BYTES);
        String suffix = shown < data.length ? "...(" + data.length + "B)" : "";
        return isPrintableAscii(shown) ? "\"" + new String(data, 0, shown, StandardCharsets.US_ASCII) + "\"" + suffix
                : "0x" + hex(shown) + suffix;
    }

    private boolean isPrintableAscii(int length) {
        for (int i = 0; i < length; i++) {
            if (data[i] < 0x20 || data[i] > 0x7E || data[i] == '"') {
                return false;
            }
        }
        return true;
    }

    private String hex(int length) {
        StringBuilder out = new StringBuilder(length * 2);
        for (int i = 0; i < length; i++) {
            out.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
        }
        return out.toString();
    }
}
