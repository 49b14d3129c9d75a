package io.tumbler.raft.membership;

import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;

/**
 * Which of {@link JoinAuthority}'s checks are switched off by a known bug. {@link #ALL} (every check on) is the
 * correct implementation; production never runs another.
 */
public record JoinChecks(boolean skipsSecret, boolean reusesNonces, boolean acceptsOldIdentity) {
    /** Every check on. */
    public static final JoinChecks ALL = new JoinChecks(false, false, false);

    /** The checks that {@code bugs} leave on. */
    public static JoinChecks of(KnownBugs bugs) {
        return new JoinChecks(bugs.on(KnownBug.REJOIN_WITHOUT_SECRET_CHECK), bugs.on(KnownBug.HANDSHAKE_NONCE_REUSABLE),
                bugs.on(KnownBug.WIPED_NODE_OLD_IDENTITY));
    }
}
