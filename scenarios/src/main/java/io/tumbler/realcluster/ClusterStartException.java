package io.tumbler.realcluster;

/**
 * The cluster could not be started: a server exited or never served. {@link #refused()} says the server itself
 * refused its configuration (a known bug, bad flags): bad input, not a harness failure.
 */
public final class ClusterStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean refused;

    ClusterStartException(String message, boolean refused, Throwable cause) {
        super(message, cause);
        this.refused = refused;
    }

    public boolean refused() {
        return refused;
    }
}
