package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Single-server membership changes with learners (dissertation §4) on real cores wired by
 * {@link InteractionCluster}, whose checker also judges, after every command, that each commit was decided by a
 * majority of the voters of the leader's configuration and that each node uses the configuration its durable log
 * implies.
 */
class MembershipTest {
    private final InteractionCluster cluster = new InteractionCluster();

    private String run(String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(cluster.run(line)).append('\n');
        }
        return out.toString();
    }

    private Configuration configOf(int id) {
        return cluster.node(id).core.configuration().configuration();
    }

    private Status status(int id) {
        return cluster.node(id).core.status();
    }

    /** Three voters with leader 1 and its no-op committed, and entries a, b, c. */
    private void threeVotersLedByOne(String options) {
        run("add-nodes 3 " + options, "campaign 1", "stabilize", "propose 1 a b c", "stabilize");
        assertEquals(Role.LEADER, status(1).role());
        assertEquals(4, status(3).commitIndex());
    }

    @Test
    void aLearnerCatchesUpWithoutVotingThenIsPromoted() {
        threeVotersLedByOne("");
        String added = run("add-node 4", "add-learner 1 4");
        assertTrue(added.contains("Accepted[index=5, term=1, configuration=voters=[1, 2, 3] learners=[4]]"), added);
        run("stabilize");
        assertEquals(5, status(4).commitIndex(), "the learner received the whole log");
        assertEquals(List.of("a", "b", "c"), List.copyOf(cluster.node(4).applied.values()));
        assertEquals(new Configuration(List.of(1, 2, 3), List.of(4)), configOf(4));
        run("tick 4 x60");
        assertEquals(Role.FOLLOWER, status(4).role(), "a learner never campaigns");
        assertEquals(1, status(4).term());

        run("promote 1 4", "stabilize");
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3, 4)), configOf(2));
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3, 4)), configOf(4));
        // Four voters: 1 and 4 are not a majority without one of 2, 3.
        run("partition 1 4 | 2 3", "propose 1 d", "stabilize");
        assertEquals(6, status(1).commitIndex(), "a commit needs 3 of 4 voters");
        run("heal", "run x3");
        assertEquals(7, status(1).commitIndex());
    }

    @Test
    void learnersNeverCountInTheCommitQuorum() {
        threeVotersLedByOne("");
        run("add-node 4", "add-node 5", "add-learner 1 4", "stabilize", "add-learner 1 5", "stabilize");
        run("partition 1 4 5 | 2 3", "propose 1 x", "stabilize");
        assertEquals(6, status(1).commitIndex(), "leader and two learners are no majority of three voters");
        run("heal", "run x3");
        assertEquals(7, status(1).commitIndex());
    }

    @Test
    void aRemovedFollowerStopsCampaigningAndTheRestCommit() {
        threeVotersLedByOne("");
        run("remove 1 3", "stabilize");
        assertEquals(Configuration.ofVoters(List.of(1, 2)), configOf(3), "3 learned of its own removal");
        run("isolate 3", "tick 3 x60");
        assertEquals(1, status(3).term(), "a removed node does not campaign");
        run("propose 1 d", "stabilize");
        assertEquals(6, status(2).commitIndex());
        assertEquals(5, status(3).lastIndex(), "the leader replicates no more to a removed node once it committed");
    }

    @Test
    void aRemovedLeaderStepsDownOnceTheChangeCommitsAndTheRestElect() {
        threeVotersLedByOne("");
        String removed = run("remove 1 1");
        assertTrue(removed.contains("Accepted[index=5"), removed);
        assertEquals(Role.LEADER, status(1).role(), "leads until the change commits");
        run("stabilize");
        assertEquals(Role.FOLLOWER, status(1).role());
        assertEquals(5, status(2).commitIndex(), "the remaining voters learned the commit before the step-down");
        run("run x40");
        int leader = status(2).role() == Role.LEADER ? 2 : 3;
        assertEquals(Role.LEADER, status(leader).role(), "a new leader among the rest");
        assertEquals(Role.FOLLOWER, status(1).role());
        run("propose " + leader + " d", "stabilize");
        assertEquals(status(leader).lastIndex(), status(5 - leader).commitIndex());
    }

    @Test
    void votersGrowFromOneToFiveAndShrinkToThreeThroughEvenSizes() {
        run("add-nodes 1", "campaign 1", "stabilize");
        for (int id = 2; id <= 5; id++) {
            run("add-node " + id, "add-learner 1 " + id, "stabilize", "promote 1 " + id, "stabilize",
                    "propose 1 v" + id, "stabilize");
            assertEquals(id, configOf(1).voters().size());
            assertEquals(status(1).lastIndex(), status(id).commitIndex(), "voter " + id + " is current");
        }
        run("remove 1 5", "stabilize", "remove 1 4", "stabilize", "propose 1 end", "stabilize");
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3)), configOf(2));
        assertEquals(status(1).lastIndex(), status(3).commitIndex());
        // Three voters again: 2 and 3 decide without 1.
        run("isolate 1", "campaign 2", "stabilize");
        assertEquals(Role.LEADER, status(2).role());
    }

    @Test
    void aTruncatedConfigurationEntryRevertsToThePreviousConfiguration() {
        threeVotersLedByOne("");
        run("add-node 4", "isolate 1", "add-learner 1 4", "stabilize");
        assertEquals(new Configuration(List.of(1, 2, 3), List.of(4)), configOf(1), "in effect uncommitted");
        run("campaign 2", "stabilize", "propose 2 y", "stabilize", "heal", "run x5");
        assertEquals(Role.FOLLOWER, status(1).role());
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3)), configOf(1), "the truncated entry is undone");
        assertEquals(status(2).commitIndex(), status(1).commitIndex());
    }

    @Test
    void changesAreRefusedWithTheirReason() {
        run("add-nodes 3", "campaign 1", "deliver", "deliver");
        assertEquals(Role.LEADER, status(1).role());
        assertTrue(run("add-learner 1 4").contains("NO_CURRENT_TERM_COMMIT"));
        run("stabilize");
        assertTrue(run("add-learner 2 4").contains("NotLeader[leaderHint=1]"));
        assertTrue(run("remove 1 9").contains("UNKNOWN_NODE"));
        assertTrue(run("promote 1 2").contains("ALREADY_MEMBER"));
        assertTrue(run("add-learner 1 4").contains("Accepted"));
        assertTrue(run("add-learner 1 5").contains("CHANGE_IN_FLIGHT"), "one uncommitted change at a time");
        run("add-node 4", "stabilize");
        assertTrue(run("add-learner 1 4").contains("ALREADY_MEMBER"));
        run("isolate 2", "transfer 1 2");
        assertTrue(run("remove 1 3").contains("TRANSFER_IN_PROGRESS"));
    }

    @Test
    void theLastVoterCannotBeRemoved() {
        run("add-nodes 1", "campaign 1", "stabilize");
        assertTrue(run("remove 1 1").contains("LAST_VOTER"));
    }

    @Test
    void aSnapshotCarriesTheConfigurationAndInstallingItRestoresIt() {
        String detail = snapshotToALaggingNode("");
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3, 4)), configOf(3), detail);
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3, 4)), cluster.node(3).snapshot.meta().configuration());
    }

    /** Node 3 is down while 4 joins and is promoted; the leader compacts, so 3 gets the change in a snapshot. */
    private String snapshotToALaggingNode(String options) {
        threeVotersLedByOne(options);
        run("crash 3", "add-node 4", "add-learner 1 4", "stabilize", "promote 1 4", "stabilize", "propose 1 d",
                "stabilize", "compact 1");
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3, 4)), cluster.node(1).snapshot.meta().configuration());
        return run("restart 3", "run x3");
    }

    @Test
    void aRestartRecoversTheConfigurationFromLogAndSnapshot() {
        threeVotersLedByOne("");
        run("add-node 4", "add-learner 1 4", "stabilize", "crash 2", "restart 2");
        assertEquals(new Configuration(List.of(1, 2, 3), List.of(4)), configOf(2), "replayed from the log");
        run("run x2", "compact 2", "crash 2", "restart 2");
        assertTrue(cluster.node(2).stored.stream().noneMatch(e -> e.type() == EntryType.CONFIG));
        assertEquals(new Configuration(List.of(1, 2, 3), List.of(4)), configOf(2), "restored from the snapshot");
    }

    @Test
    void aBootstrapSnapshotCarriesNoConfigurationBytes() {
        threeVotersLedByOne("");
        run("compact 1");
        Snapshot snapshot = cluster.node(1).snapshot;
        assertEquals(null, snapshot.meta().configuration(), "the bootstrap configuration is implied");
        Snapshot legacy = new Snapshot(new SnapshotMeta(4, 1), snapshot.data());
        assertEquals(legacy.digest(), snapshot.digest());
        assertEquals(List.of(), diff(MessageCodec.encodeSnapshot(legacy), MessageCodec.encodeSnapshot(snapshot)));
        Snapshot changed = new Snapshot(new SnapshotMeta(4, 1, Configuration.ofVoters(List.of(1, 2))), snapshot.data());
        assertEquals(changed, MessageCodec.decodeSnapshot(MessageCodec.encodeSnapshot(changed)));
        assertFalse(changed.digest() == legacy.digest());
    }

    @Test
    void aConfigurationWithoutIdentitiesKeepsItsVersionOneBytesAndIdentitiesRoundTripInVersionTwo() {
        Configuration plain = new Configuration(List.of(1, 2, 3), List.of(4));
        byte[] v1 = {1, 3, 1, 2, 3, 1, 4};
        assertEquals(List.of(), diff(v1, plain.encode()), "version 1, as before identities existed");
        assertEquals(plain, Configuration.decode(v1));
        Configuration joined = plain.apply(new ConfigChange.AddLearner(5, new HostIncarnation(2, 1))).configuration();
        assertEquals(2, joined.encode()[0]);
        assertEquals(joined, Configuration.decode(joined.encode()));
        Configuration left = joined.apply(new ConfigChange.Remove(5)).configuration();
        assertEquals(new Identities.Admitted(1, 5), left.identities().highest().get(2));
        assertEquals(left, Configuration.decode(left.encode()));
        assertEquals(joined.identities(), joined.apply(new ConfigChange.PromoteLearner(5)).configuration().identities());
        byte[] damaged = joined.encode();
        damaged[damaged.length - 3] = 0; // the per-host row names host 0: the member's host has no row
        assertThrows(CorruptMessageException.class, () -> Configuration.decode(damaged));
    }

    private static List<Integer> diff(byte[] a, byte[] b) {
        return a.length == b.length && java.util.Arrays.equals(a, b) ? List.of() : List.of(a.length, b.length);
    }

    @Test
    void aJoiningNodeWaitsOutsideTheConfiguration() {
        threeVotersLedByOne("");
        run("add-node 4", "tick 4 x60");
        assertEquals(0, status(4).term(), "outside the configuration a node never campaigns");
        assertThrows(IllegalArgumentException.class, () -> cluster.node(4).core.step(new TimeoutNow(4, 4, 1)));
    }
}
