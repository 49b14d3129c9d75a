package io.tumbler.raft;

/**
 * Decides, at each hit of a {@link FaultPoint}, whether the node takes the rare path there. Production
 * uses {@link #NONE}, which never fires (the builder's default; {@code RaftServer} refuses anything else);
 * a simulation injects a seeded implementation so that every run's choices follow from its seed.
 *
 * <p>Contract: called on the node's thread only, synchronously, at most once per hit; must not block, read
 * a clock or draw unseeded randomness. Any answer is safe: the points are legal paths, not bugs.
 */
@FunctionalInterface
public interface FaultPoints {
    /** Never fires: the production setting. */
    FaultPoints NONE = point -> false;

    /** True if the node should take the rare path at this hit of {@code point}. */
    boolean fires(FaultPoint point);
}
