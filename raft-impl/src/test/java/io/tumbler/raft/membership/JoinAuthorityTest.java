package io.tumbler.raft.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.Configuration;
import io.tumbler.raft.HostIncarnation;
import io.tumbler.raft.Identities;
import io.tumbler.raft.JoinProof;
import io.tumbler.raft.JoinRequest;
import io.tumbler.raft.KnownBug;
import io.tumbler.raft.KnownBugs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JoinAuthorityTest {
    private static final byte[] SECRET = "cluster-secret".getBytes(StandardCharsets.UTF_8);
    private static final Configuration THREE = Configuration.ofVoters(List.of(1, 2, 3));
    private static final long LIFETIME = 10;

    private final JoinAuthority authority = new JoinAuthority("c1", SECRET, LIFETIME, KnownBugs.NONE);

    private static JoinProof proof(int node, int host, long incarnation, long nonce, byte[] secret) {
        return new JoinProof(node, 1, 3, host, incarnation, nonce, JoinProofs.sign(secret, "c1", host, incarnation, nonce));
    }

    private long challenge(int node, int host, long incarnation, long nonce) {
        JoinDecision d = authority.challenge(new JoinRequest(node, 1, 0, host, incarnation), 0, nonce, THREE);
        assertEquals(new JoinDecision.Challenge(nonce), d);
        return nonce;
    }

    @Test
    void aHostWithTheSecretIsAdmittedOnce() {
        long nonce = challenge(4, 4, 0, 77);
        assertEquals(new JoinDecision.Admit(4, 0, 4), authority.verify(proof(4, 4, 0, nonce, SECRET), 3, THREE));
        assertEquals(new JoinDecision.Reject(JoinRejection.REPLAYED_NONCE),
                authority.verify(proof(4, 4, 0, nonce, SECRET), 4, THREE));
    }

    @Test
    void aWrongSecretAForgedNonceAndALateAnswerAreRefused() {
        long nonce = challenge(4, 4, 0, 77);
        byte[] wrong = "not-the-secret".getBytes(StandardCharsets.UTF_8);
        assertEquals(new JoinDecision.Reject(JoinRejection.BAD_PROOF), authority.verify(proof(4, 4, 0, nonce, wrong), 1, THREE));
        assertEquals(new JoinDecision.Reject(JoinRejection.UNKNOWN_NONCE), authority.verify(proof(4, 4, 0, 78, SECRET), 1, THREE));
        long late = challenge(5, 5, 0, 79);
        assertEquals(new JoinDecision.Reject(JoinRejection.EXPIRED_NONCE),
                authority.verify(proof(5, 5, 0, late, SECRET), LIFETIME + 1, THREE));
    }

    @Test
    void aProofForAnotherIdentityThanTheRequestIsRefused() {
        long nonce = challenge(4, 4, 0, 77);
        assertEquals(new JoinDecision.Reject(JoinRejection.IDENTITY_MISMATCH), authority.verify(proof(4, 4, 1, nonce, SECRET), 1, THREE));
    }

    /** The configuration after the leader appended the learner {@code node} admitted as host {@code host/inc}. */
    private static Configuration admitted(Configuration c, int node, int host, long incarnation) {
        return c.apply(new ConfigChange.AddLearner(node, new HostIncarnation(host, incarnation))).configuration();
    }

    @Test
    void aWipedHostComesBackOnlyUnderAHigherIncarnationAndANewNodeId() {
        authority.verify(proof(4, 9, 0, challenge(4, 9, 0, 1), SECRET), 1, THREE);
        Configuration withFour = admitted(THREE, 4, 9, 0);
        JoinDecision sameNode = authority.challenge(new JoinRequest(4, 1, 0, 9, 1), 2, 2, withFour);
        assertEquals(new JoinDecision.Reject(JoinRejection.IDENTITY_IN_USE), sameNode);
        JoinDecision oldIncarnation = authority.challenge(new JoinRequest(5, 1, 0, 9, 0), 2, 3, withFour);
        assertEquals(new JoinDecision.Reject(JoinRejection.STALE_INCARNATION), oldIncarnation);
        long nonce = challenge(5, 9, 1, 4);
        assertEquals(new JoinDecision.Admit(9, 1, 5), authority.verify(proof(5, 9, 1, nonce, SECRET), 3, withFour));
    }

    @Test
    void aNewLeaderRefusesWhatItsPredecessorAdmittedEvenAfterTheMemberLeft() {
        Configuration admittedByOldLeader = admitted(THREE, 4, 9, 2);
        Configuration removed = admittedByOldLeader.apply(new ConfigChange.Remove(4)).configuration();
        assertEquals(new Identities.Admitted(2, 4), removed.identities().highest().get(9), "the table never shrinks");
        assertFalse(removed.identities().members().containsKey(4));
        JoinAuthority newLeader = new JoinAuthority("c1", SECRET, LIFETIME, KnownBugs.NONE, List.of(1, 2, 3));
        Configuration decoded = Configuration.decode(removed.encode());
        assertEquals(removed, decoded);
        assertEquals(new JoinDecision.Reject(JoinRejection.STALE_INCARNATION),
                newLeader.challenge(new JoinRequest(6, 1, 0, 9, 2), 0, 1, decoded), "its old identity under a new id");
        assertEquals(new JoinDecision.Reject(JoinRejection.STALE_INCARNATION),
                newLeader.challenge(new JoinRequest(4, 1, 0, 9, 2), 0, 2, decoded), "the removed node asking again");
        assertEquals(new JoinDecision.Reject(JoinRejection.IDENTITY_IN_USE),
                newLeader.challenge(new JoinRequest(4, 1, 0, 9, 3), 0, 3, decoded), "node 4 was host 9/2");
        assertEquals(new JoinDecision.Challenge(4), newLeader.challenge(new JoinRequest(6, 1, 0, 9, 3), 0, 4, decoded));
    }

    @Test
    void aBootstrapHostComesBackOnlyUnderIncarnationOneOrLater() {
        JoinAuthority bootstrapped = new JoinAuthority("c1", SECRET, LIFETIME, KnownBugs.NONE, List.of(1, 2, 3));
        Configuration withoutTwo = Configuration.ofVoters(List.of(1, 3));
        assertEquals(new JoinDecision.Reject(JoinRejection.STALE_INCARNATION),
                bootstrapped.challenge(new JoinRequest(7, 1, 0, 2, 0), 0, 1, withoutTwo));
        assertEquals(new JoinDecision.Reject(JoinRejection.IDENTITY_IN_USE),
                bootstrapped.challenge(new JoinRequest(2, 1, 0, 2, 1), 0, 2, withoutTwo), "node id 2 was host 2/0");
        assertEquals(new JoinDecision.Challenge(3), bootstrapped.challenge(new JoinRequest(7, 1, 0, 2, 1), 0, 3, withoutTwo));
    }

    @Test
    void theSameIdentityMayAskAgainUntilItIsAMember() {
        authority.verify(proof(4, 4, 0, challenge(4, 4, 0, 1), SECRET), 1, THREE);
        long again = challenge(4, 4, 0, 2); // its learner proposal was refused; it is not a member yet
        assertEquals(new JoinDecision.Admit(4, 0, 4), authority.verify(proof(4, 4, 0, again, SECRET), 2, THREE));
    }

    @Test
    void eachKnownBugSwitchesOffExactlyItsCheck() {
        JoinAuthority noSecret = new JoinAuthority("c1", SECRET, LIFETIME, KnownBugs.of(KnownBug.REJOIN_WITHOUT_SECRET_CHECK));
        noSecret.challenge(new JoinRequest(4, 1, 0, 4, 0), 0, 5, THREE);
        assertEquals(new JoinDecision.Admit(4, 0, 4), noSecret.verify(new JoinProof(4, 1, 0, 4, 0, 5, new byte[32]), 1, THREE));
        JoinAuthority reusable = new JoinAuthority("c1", SECRET, LIFETIME, KnownBugs.of(KnownBug.HANDSHAKE_NONCE_REUSABLE));
        reusable.challenge(new JoinRequest(4, 1, 0, 4, 0), 0, 5, THREE);
        reusable.verify(proof(4, 4, 0, 5, SECRET), 1, THREE);
        assertTrue(reusable.verify(proof(4, 4, 0, 5, SECRET), 2, THREE) instanceof JoinDecision.Admit);
        JoinAuthority oldIdentity = new JoinAuthority("c1", SECRET, LIFETIME, KnownBugs.of(KnownBug.WIPED_NODE_OLD_IDENTITY),
                List.of(1, 2, 3));
        Configuration withoutThree = Configuration.ofVoters(List.of(1, 2));
        assertTrue(oldIdentity.challenge(new JoinRequest(7, 1, 0, 3, 0), 0, 5, withoutThree) instanceof JoinDecision.Challenge,
                "host 3 under its bootstrap incarnation");
        assertEquals(new JoinDecision.Reject(JoinRejection.IDENTITY_IN_USE),
                oldIdentity.challenge(new JoinRequest(3, 1, 0, 3, 0), 0, 6, THREE), "a member's id is still refused");
    }

    @Test
    void proofsBindEveryField() {
        byte[] base = JoinProofs.sign(SECRET, "c1", 4, 2, 99);
        assertTrue(JoinProofs.matches(base, JoinProofs.sign(SECRET, "c1", 4, 2, 99)));
        assertFalse(JoinProofs.matches(base, JoinProofs.sign(SECRET, "c2", 4, 2, 99)));
        assertFalse(JoinProofs.matches(base, JoinProofs.sign(SECRET, "c1", 5, 2, 99)));
        assertFalse(JoinProofs.matches(base, JoinProofs.sign(SECRET, "c1", 4, 3, 99)));
        assertFalse(JoinProofs.matches(base, JoinProofs.sign(SECRET, "c1", 4, 2, 98)));
    }
}
