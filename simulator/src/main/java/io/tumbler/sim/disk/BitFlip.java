package io.tumbler.sim.disk;

/**
 * Where a bit was flipped.
 *
 * @param file        file name
 * @param bitPosition bit index from the start of the file (byte = bitPosition / 8, bit = bitPosition % 8)
 */
public record BitFlip(String file, long bitPosition) {
}
