package io.tumbler.realcluster;

/**
 * How real-cluster clients pace themselves.
 *
 * @param attemptTimeoutMillis how long one attempt waits for a node (connect, then answer) before trying another
 * @param operationDeadlineMillis how long an operation is retried before the client gives up on it ({@code info}
 *     for a command that may have taken effect, {@code fail} otherwise)
 * @param retryBackoffMillis the pause before a retry, doubled per failed attempt up to 16 times
 * @param thinkMillisMax each client waits a random time up to this between operations
 */
record ClientTiming(int attemptTimeoutMillis, long operationDeadlineMillis, long retryBackoffMillis,
        long thinkMillisMax) {
    ClientTiming {
        if (attemptTimeoutMillis <= 0 || operationDeadlineMillis < attemptTimeoutMillis || retryBackoffMillis <= 0
                || thinkMillisMax <= 0) {
            throw new IllegalArgumentException("client timing must be positive, with the deadline at least one attempt: "
                    + attemptTimeoutMillis + ", " + operationDeadlineMillis + ", " + retryBackoffMillis + ", "
                    + thinkMillisMax);
        }
    }

    static final ClientTiming DEFAULT = new ClientTiming(1_000, 5_000, 25, 20);
}
