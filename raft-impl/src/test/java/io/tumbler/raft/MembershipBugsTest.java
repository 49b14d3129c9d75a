package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The membership known bugs, each on a script where the correct build keeps its rule and the bug breaks it
 * (caught by {@link InteractionCluster}'s checker or a node's own invariant). The simulation hunts for them
 * (scenario "membership") come with the harness increment; until then these are their proof.
 */
class MembershipBugsTest {
    private static String run(InteractionCluster cluster, String... lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            out.append(cluster.run(line)).append('\n');
        }
        return out.toString();
    }

    /** Runs {@code script} on a correct cluster (returned) and expects the buggy one to fail with {@code symptom}. */
    private static InteractionCluster correctPassesBuggyFails(KnownBug bug, String symptom,
                                                             Consumer<InteractionCluster> script) {
        InteractionCluster fresh = new InteractionCluster();
        script.accept(fresh);
        InteractionCluster buggy = new InteractionCluster();
        Throwable failure = assertThrows(Throwable.class, () -> script.accept(buggyCluster(buggy, bug)));
        assertTrue(String.valueOf(failure.getMessage()).contains(symptom), bug.bugName() + ": " + failure);
        return fresh;
    }

    private static InteractionCluster buggyCluster(InteractionCluster cluster, KnownBug bug) {
        cluster.run("bugs " + bug.bugName());
        return cluster;
    }

    @Test
    void learnerCountedInQuorum() {
        InteractionCluster ok = correctPassesBuggyFails(KnownBug.LEARNER_COUNTED_IN_QUORUM, "configuration quorum", c ->
                run(c, "add-nodes 3", "campaign 1", "stabilize", "add-node 4", "add-node 5", "add-learner 1 4",
                        "stabilize", "add-learner 1 5", "stabilize", "partition 1 4 5 | 2 3", "propose 1 x",
                        "stabilize"));
        assertEquals(3, ok.node(1).core.status().commitIndex(), "x waits for a voter");
    }

    @Test
    void removedLeaderCountsItself() {
        InteractionCluster ok = correctPassesBuggyFails(KnownBug.REMOVED_LEADER_COUNTS_ITSELF, "configuration quorum",
                c -> run(c, "add-nodes 4", "campaign 1", "stabilize", "cut 1->3 1->4", "remove 1 1", "stabilize"));
        assertEquals(Role.LEADER, ok.node(1).core.status().role(), "only 2 of voters 2, 3, 4 hold the change");
        assertEquals(1, ok.node(1).core.status().commitIndex());
    }

    /**
     * Ongaro's single-server bug (raft-dev, 2015): leader 1 of {1,2,3,4} promotes 5 on its own and 5 only; leader
     * 2 of term 2, before its no-op commits, removes 1 and commits that with 3 in {2,3,4}; 1 restarts and, as
     * leader of term 3 elected by 1, 4 and 5 in {1..5}, overwrites the committed change on 3.
     */
    @Test
    void configBeforeCurrentTermCommit() {
        String[] prefix = {"add-nodes 4", "campaign 1", "stabilize", "add-node 5", "add-learner 1 5", "stabilize",
                "cut 1->2 1->3 1->4", "promote 1 5", "stabilize", "cut 2->1 3->1 4->1 5->2 5->3 5->4",
                "campaign 2", "deliver 2->*", "deliver *->2", "cut 2->4 2->5"};
        InteractionCluster ok = new InteractionCluster();
        run(ok, prefix);
        String refused = ok.run("remove 2 1");
        assertTrue(refused.contains("NO_CURRENT_TERM_COMMIT"), refused);

        InteractionCluster buggy = new InteractionCluster();
        buggy.run("bugs " + KnownBug.CONFIG_BEFORE_CURRENT_TERM_COMMIT.bugName());
        run(buggy, prefix);
        String accepted = run(buggy, "remove 2 1", "stabilize");
        assertTrue(accepted.contains("Accepted"), accepted);
        assertEquals(4, buggy.node(2).core.status().commitIndex(), "the removal committed on 2 and 3");
        Throwable lost = assertThrows(Throwable.class, () -> run(buggy, "heal", "cut 2->1 3->1 2->4 3->4 2->5 3->5",
                "crash 1", "restart 1", "campaign 1", "campaign 1", "stabilize", "heal", "run x5"));
        assertTrue(String.valueOf(lost.getMessage()).contains("committed"), String.valueOf(lost));
    }

    @Test
    void snapshotDropsConfiguration() {
        InteractionCluster ok = correctPassesBuggyFails(KnownBug.SNAPSHOT_DROPS_CONFIGURATION,
                "configuration agreement", c -> run(c, "add-nodes 3", "campaign 1", "stabilize", "propose 1 a",
                        "stabilize", "crash 3", "add-node 4", "add-learner 1 4", "stabilize", "promote 1 4",
                        "stabilize", "compact 1", "restart 3", "run x3"));
        assertEquals(Configuration.ofVoters(List.of(1, 2, 3, 4)), ok.node(3).core.configuration().configuration());
        assertFalse(ok.node(3).snapshot == null);
    }
}
