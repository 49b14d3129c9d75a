package io.tumbler.sim.disk;

/** A change made to a file but not yet durable, in issue order (by {@code sequence}, unique per disk). */
sealed interface PendingChange permits PendingChange.Write, PendingChange.Truncate {
    long sequence();

    /** Applies the change to {@code image}. */
    void applyTo(FileImage image);

    /** Bytes written at a position; {@code bytes} is a private copy. */
    record Write(long sequence, int position, byte[] bytes) implements PendingChange {
        @Override
        public void applyTo(FileImage image) {
            image.write(position, bytes, bytes.length);
        }
    }

    /** The file cut (or zero-extended) to a length. */
    record Truncate(long sequence, int length) implements PendingChange {
        @Override
        public void applyTo(FileImage image) {
            image.truncate(length);
        }
    }
}
