package io.tumbler.realcluster;

/** How a real-cluster run ended, in the {@code tumbler} exit-code vocabulary. */
public enum ClusterOutcome {
    /** Every check passed. */
    PASS(0),
    /** The history is not linearizable, or a server process died on its own. */
    VIOLATION(1),
    /** No operation completed after the final heal (or no leader emerged at start). */
    LIVENESS(2),
    /** The linearizability check ran out of its budget: no verdict. */
    UNKNOWN(2);

    private final int exitCode;

    ClusterOutcome(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The more severe of the two: violation over liveness over unknown over pass. */
    ClusterOutcome worse(ClusterOutcome other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(ClusterOutcome o) {
        return switch (o) {
            case PASS -> 0;
            case UNKNOWN -> 1;
            case LIVENESS -> 2;
            case VIOLATION -> 3;
        };
    }
}
