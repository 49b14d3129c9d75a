package io.tumbler.raft;

/**
 * The configuration a log is using and where it comes from: the last {@link EntryType#CONFIG} entry at
 * {@code index}, or, with no such entry after the snapshot, the snapshot's configuration ({@code index} is the
 * snapshot index), or the bootstrap configuration of {@link RaftConfig#peers()} ({@code index} 0).
 *
 * @param index         where this configuration took effect (at most; see above)
 * @param configuration the configuration
 */
public record LogConfiguration(long index, Configuration configuration) {
    public LogConfiguration {
        if (index < 0 || configuration == null) {
            throw new IllegalArgumentException("invalid log configuration at " + index + ": " + configuration);
        }
    }
}
