package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One seeded randomized run of a cluster of real cores: messages are delivered in random order,
 * duplicated and lost; links are cut and healed; nodes crash, restart and compact; clients propose,
 * read (ReadIndex and lease) and transfer leadership. Safety is checked at every step; a liveness
 * phase then heals everything and requires every node to converge on one log. All nodes tick
 * together, as lease reads assume clocks that advance at the same rate.
 */
final class ChaosRun {
    private final long seed;
    private final JitterSource random;
    private final TreeMap<Integer, TestNode> nodes = new TreeMap<>();
    private final List<Message> network = new ArrayList<>();
    private final TreeSet<String> cutLinks = new TreeSet<>();
    private final SafetyChecker checker = new SafetyChecker();
    private final TreeMap<String, Long> readFloors = new TreeMap<>(); // "node/request" -> commit known when asked
    /** Readies taken but not yet executed: persistence in progress, as with an asynchronous fsync. */
    private final TreeMap<Integer, Ready> held = new TreeMap<>();
    private final Digest64 trace = new Digest64(0x5452414345L);
    /** Configuration changes are interleaved (and spare nodes wait to join) when set. */
    private final boolean membership;
    private long nextRequestId = 1;
    private int configChanges;
    private int proposals;
    private int readsServed;

    ChaosRun(long seed) {
        this(seed, false);
    }

    /**
     * With {@code membership}, nodes up to {@link #POOL_SIZE} exist from the start, those beyond the bootstrap
     * voters outside the configuration, and leaders are asked for random single-server changes; PreVote and
     * CheckQuorum are on, so that removed nodes that never learned of their removal cannot disrupt the rest.
     */
    ChaosRun(long seed, boolean membership) {
        this.seed = seed;
        this.membership = membership;
        this.random = JitterSource.seeded(seed);
        int size = random.nextInt(2) == 0 ? 3 : 5;
        List<Integer> peers = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            peers.add(id);
        }
        boolean preVote = random.nextInt(2) == 0;
        boolean checkQuorum = random.nextInt(3) > 0;
        for (int id : peers) {
            RaftConfig config = new RaftConfig(id, peers, 10, 1 + random.nextInt(3), preVote, checkQuorum,
                    1 + random.nextInt(4), 1 << 20, 1 + random.nextInt(4), 0, 2);
            nodes.put(id, new TestNode(membership ? config.withPreVote(true).withCheckQuorum(true) : config,
                    seed * 10 + id));
        }
        for (int id = size + 1; membership && id <= POOL_SIZE; id++) {
            nodes.put(id, new TestNode(joining(nodes.get(1).config, id), seed * 10 + id));
        }
    }

    private static final int POOL_SIZE = 7;

    /** The configuration of node {@code id}, outside the bootstrap voters of {@code base}. */
    private static RaftConfig joining(RaftConfig base, int id) {
        return new RaftConfig(id, base.peers(), base.electionTimeoutTicks(), base.heartbeatIntervalTicks(), base.preVote(),
                base.checkQuorum(), base.maxEntriesPerAppend(), base.maxAppendBytes(), base.maxInflightAppends(),
                base.maxUncommittedEntries(), base.leaseDriftBoundTicks());
    }

    /** Runs the safety phase then the liveness phase; returns a fingerprint of everything sent. */
    long run(int steps) {
        for (int step = 0; step < steps; step++) {
            boolean calm = step % 400 >= 300; // let the cluster recover between bursts of faults
            chaosStep(calm);
            processReadies(!calm);
            checkReads();
        }
        converge();
        return trace.value();
    }

    String describe() {
        long commit = highestKnownCommit();
        long term = nodes.values().stream().mapToLong(n -> n.hardState.term()).max().orElse(0);
        return "seed=" + seed + " nodes=" + nodes.size() + " config=" + nodes.get(1).config + " configChanges="
                + configChanges + " proposals=" + proposals
                + " committed=" + commit + " terms=" + term + " readsServed=" + readsServed + " inFlight=" + network.size();
    }

    long readsServed() {
        return readsServed;
    }

    long committed() {
        return highestKnownCommit();
    }

    long configChanges() {
        return configChanges;
    }

    private void chaosStep(boolean calm) {
        if (membership && random.nextInt(30) == 0) {
            changeMembership();
            return;
        }
        int roll = random.nextInt(100);
        if (calm && roll >= 85) {
            roll = random.nextInt(85);
        }
        if (roll < 5) {
            completeHeldReady();
        } else if (roll < 45) {
            deliverSome(calm); // messages are fast next to ticks, as on a real network
        } else if (roll < 50) {
            dropOne(calm);
        } else if (roll < 60) {
            tickAll();
        } else if (roll < 75) {
            propose(random.nextInt(2) == 0 ? believedLeader() : randomLiveNode());
        } else if (roll < 85) {
            read(random.nextInt(2) == 0 ? believedLeader() : randomLiveNode(), roll < 80);
        } else if (roll < 88) {
            crashOne();
        } else if (roll < 92) {
            restartOne();
        } else if (roll < 93) {
            cutRandomLink();
        } else if (roll < 94) {
            isolateOne();
        } else if (roll < 97) {
            cutLinks.clear();
        } else if (roll < 99) {
            compact(randomLiveNode());
        } else {
            transfer();
        }
    }

    /** A believed leader is asked to add, promote or remove a random node of the pool, whatever it is now. */
    private void changeMembership() {
        TestNode leader = believedLeader();
        if (leader == null) {
            return;
        }
        int node = 1 + random.nextInt(nodes.size());
        Configuration c = leader.core.configuration().configuration();
        checker.checkCommitQuorums(nodes); // judge commits under the configuration they were decided in
        ConfigChange change = c.isLearner(node) ? new ConfigChange.PromoteLearner(node)
                : c.isVoter(node) ? new ConfigChange.Remove(node) : new ConfigChange.AddLearner(node);
        if (leader.core.proposeConfigChange(change) instanceof ConfigChangeResult.Accepted) {
            configChanges++;
        }
    }

    /** A burst of deliveries in random order (reordering); some are duplicated. */
    private void deliverSome(boolean calm) {
        int count = 1 + random.nextInt(8);
        for (int i = 0; i < count && !network.isEmpty(); i++) {
            int index = random.nextInt(network.size());
            boolean duplicate = !calm && random.nextInt(20) == 0;
            Message m = duplicate ? network.get(index) : network.remove(index);
            TestNode target = nodes.get(m.to());
            if (!target.crashed && !cutLinks.contains(m.from() + "->" + m.to())) {
                target.core.step(m);
                checker.checkCommitQuorums(nodes); // at the decision, before a removed leader's step-down
            }
        }
    }

    private void dropOne(boolean calm) {
        if (!calm && !network.isEmpty()) {
            network.remove(random.nextInt(network.size()));
        }
    }

    private void tickAll() {
        nodes.values().stream().filter(n -> !n.crashed).forEach(n -> n.core.tick());
    }

    private void propose(TestNode n) {
        if (n != null) {
            proposals++;
            n.core.propose(("v" + proposals).getBytes(StandardCharsets.UTF_8));
        }
    }

    private void read(TestNode n, boolean linearizable) {
        if (n == null) {
            return;
        }
        long requestId = nextRequestId++;
        readFloors.put(n.id + "/" + requestId, highestKnownCommit());
        if (linearizable) {
            n.core.readIndex(requestId);
        } else {
            n.core.leaseRead(requestId);
        }
    }

    /** Anything any node knows is committed must be visible to a read that starts now. */
    private long highestKnownCommit() {
        return nodes.values().stream()
                .mapToLong(n -> n.crashed ? n.hardState.commitIndex() : n.core.status().commitIndex()).max().orElse(0);
    }

    private void checkReads() {
        for (TestNode n : nodes.values()) {
            for (ReadState read : n.servedReads) {
                Long floor = readFloors.remove(n.id + "/" + read.requestId());
                if (floor == null || read.readIndex() < floor) {
                    throw new AssertionError("stale read " + read + " on node " + n.id + ": commit " + floor
                            + " was known when it was asked (" + describe() + ")");
                }
                readsServed++;
            }
            n.servedReads.clear();
        }
    }

    /** A crash loses whatever a held Ready had not yet made durable or sent. */
    private void crashOne() {
        long crashed = nodes.values().stream().filter(n -> n.crashed).count();
        TestNode n = randomLiveNode();
        if (n != null && crashed < (nodes.size() - 1) / 2) {
            n.crash();
            held.remove(n.id);
        }
    }

    private void completeHeldReady() {
        if (!held.isEmpty()) {
            List<Integer> ids = List.copyOf(held.keySet());
            int id = ids.get(random.nextInt(ids.size()));
            execute(nodes.get(id), held.remove(id));
        }
    }

    private void restartOne() {
        List<TestNode> down = nodes.values().stream().filter(n -> n.crashed).toList();
        if (!down.isEmpty()) {
            down.get(random.nextInt(down.size())).restart();
        }
    }

    private void isolateOne() {
        int id = 1 + random.nextInt(nodes.size());
        for (int other : nodes.keySet()) {
            if (other != id) {
                cutLinks.add(id + "->" + other);
                cutLinks.add(other + "->" + id);
            }
        }
    }

    /** Some node that thinks it leads (it may have been deposed without knowing). */
    private TestNode believedLeader() {
        List<TestNode> leaders = nodes.values().stream()
                .filter(n -> !n.crashed && n.core.status().role() == Role.LEADER).toList();
        return leaders.isEmpty() ? randomLiveNode() : leaders.get(random.nextInt(leaders.size()));
    }

    private void cutRandomLink() {
        int from = 1 + random.nextInt(nodes.size());
        int to = 1 + random.nextInt(nodes.size());
        if (from != to) {
            cutLinks.add(from + "->" + to);
        }
    }

    private void compact(TestNode n) {
        if (n != null && n.appliedIndex > (n.snapshot == null ? 0 : n.snapshot.meta().index()) + 2) {
            n.compact(n.appliedIndex - random.nextInt(2));
        }
    }

    private void transfer() {
        nodes.values().stream().filter(n -> !n.crashed && n.core.status().role() == Role.LEADER).findFirst()
                .ifPresent(leader -> leader.core.transferLeadership(1 + random.nextInt(nodes.size())));
    }

    private TestNode randomLiveNode() {
        List<TestNode> live = nodes.values().stream().filter(n -> !n.crashed).toList();
        return live.isEmpty() ? null : live.get(random.nextInt(live.size()));
    }

    /** Runs Readies until quiet; some are held back (persisting) if {@code mayHold}. */
    private void processReadies(boolean mayHold) {
        boolean any = true;
        while (any) {
            any = false;
            for (TestNode n : nodes.values()) {
                if (!n.crashed && n.core.hasReady()) {
                    Ready ready = n.core.ready();
                    if (mayHold && random.nextInt(5) == 0) {
                        held.put(n.id, ready);
                    } else {
                        execute(n, ready);
                        any = true;
                    }
                }
            }
        }
        for (TestNode n : nodes.values()) {
            if (!n.crashed) {
                checker.observeRole(n.id, n.core.status());
            }
            if (!n.crashed && !held.containsKey(n.id) && !n.core.hasReady()) {
                checker.checkConfigurationMatchesLog(n);
            }
        }
    }

    private void execute(TestNode n, Ready ready) {
        ready.messages().forEach(m -> trace.addBytes(MessageCodec.encode(m)));
        n.execute(ready, network, checker, new ArrayList<>(), true);
    }

    /** Liveness: with every fault healed the cluster elects a leader and all nodes converge. */
    private void converge() {
        List.copyOf(held.keySet()).forEach(id -> execute(nodes.get(id), held.remove(id)));
        nodes.values().stream().filter(n -> n.crashed).forEach(TestNode::restart);
        cutLinks.clear();
        String marker = "final-" + seed;
        long proposedInTerm = -1; // a proposal accepted by a leader that is then deposed may be lost
        for (int round = 0; round < 2_000; round++) {
            tickAll();
            processReadies(false);
            while (!network.isEmpty()) {
                Message m = network.remove(0);
                nodes.get(m.to()).core.step(m);
                processReadies(false);
            }
            checkReads();
            TestNode leader = nodes.values().stream().filter(n -> n.core.status().role() == Role.LEADER).findFirst().orElse(null);
            if (leader != null && leader.core.status().term() > proposedInTerm && !leader.applied.containsValue(marker)) {
                ProposeResult result = leader.core.propose(marker.getBytes(StandardCharsets.UTF_8));
                if (result instanceof ProposeResult.Accepted accepted) {
                    proposedInTerm = accepted.term();
                }
            }
            if (leader != null && members(leader).stream().allMatch(n -> n.applied.containsValue(marker))) {
                assertConverged(members(leader));
                return;
            }
        }
        StringBuilder state = new StringBuilder();
        for (TestNode n : nodes.values()) {
            state.append("\n  ").append(n.core.status()).append(" appliedHere=").append(n.appliedIndex);
        }
        throw new AssertionError("no convergence after healing: " + describe() + state);
    }

    /** The nodes that must converge: all of them, or with membership changes the leader's members. */
    private List<TestNode> members(TestNode leader) {
        if (!membership) {
            return List.copyOf(nodes.values());
        }
        Configuration c = leader.core.configuration().configuration();
        return nodes.values().stream().filter(n -> c.isMember(n.id)).toList();
    }

    private void assertConverged(List<TestNode> members) {
        TestNode first = members.get(0);
        for (TestNode n : members) {
            assertEquals(first.applied, n.applied, "state of node " + n.id + " vs node " + first.id + " (" + describe() + ")");
        }
    }
}
