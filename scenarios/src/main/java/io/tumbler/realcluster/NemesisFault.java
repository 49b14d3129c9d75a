package io.tumbler.realcluster;

import io.tumbler.fault.Fault;
import java.util.List;
import java.util.Locale;

/**
 * One fault a real-cluster nemesis applies, packaged with the words of its heal. Labels use the fault
 * vocabulary the report reads ("kill n2" closed by "restart n2", "partition [[1], [2, 3]]" and the other network
 * faults closed by "heal network", "pause n2 for 2000ms" closing itself), so a real run's timeline and
 * connectivity diagrams are drawn like a simulated one's.
 */
sealed interface NemesisFault {
    /** What is done, as recorded in schedule.json and checks.json. */
    String label();

    /** What undoes it. */
    String healLabel();

    /** Which {@code --nemesis} kind this belongs to. */
    NemesisKind kind();

    /** The node it lands on, once resolved (0: the network). */
    default int target() {
        return 0;
    }

    /** The nodes it hits once resolved, target first: a partition's groups in order, a cut's two ends. */
    default List<Integer> nodesHit() {
        return target() == 0 ? List.of() : List.of(target());
    }

    /**
     * The simulator's fault of the same shape, recorded as the applied fault's {@code spec} so a report draws the
     * network as it draws a simulated run's; null where no simulated fault has its shape or none is needed.
     */
    default Fault asSimulatedShape() {
        return null;
    }

    /** The fault against concrete nodes, once {@code leader} (0: none known) is known; most faults name theirs. */
    default NemesisFault resolve(int leader, List<Integer> nodes) {
        return this;
    }

    /** {@link Kill} of whichever node leads when it is applied (a random node when none is known). */
    record KillLeader() implements NemesisFault {
        public String label() {
            return "kill the leader";
        }

        public String healLabel() {
            return "restart the leader";
        }

        public NemesisKind kind() {
            return NemesisKind.KILL;
        }

        @Override
        public NemesisFault resolve(int leader, List<Integer> nodes) {
            return new Kill(leader > 0 ? leader : nodes.get(0));
        }
    }

    /** {@link Pause} of whichever node leads when it is applied. */
    record PauseLeader(long millis) implements NemesisFault {
        public String label() {
            return "pause the leader for " + millis + "ms";
        }

        public String healLabel() {
            return "heal pause of the leader";
        }

        public NemesisKind kind() {
            return NemesisKind.PAUSE;
        }

        @Override
        public NemesisFault resolve(int leader, List<Integer> nodes) {
            return new Pause(leader > 0 ? leader : nodes.get(0), millis);
        }
    }

    /** A {@link Partition} that puts whichever node leads alone on the minority side. */
    record IsolateLeader() implements NemesisFault {
        public String label() {
            return "isolate the leader";
        }

        public String healLabel() {
            return "heal network";
        }

        public NemesisKind kind() {
            return NemesisKind.PARTITION;
        }

        @Override
        public NemesisFault resolve(int leader, List<Integer> nodes) {
            int alone = leader > 0 ? leader : nodes.get(0);
            return new Partition(List.of(List.of(alone), nodes.stream().filter(n -> n != alone).toList()));
        }
    }

    /** SIGKILL the node's JVM; its heal starts it again on the same data directory. */
    record Kill(int node) implements NemesisFault {
        @Override
        public int target() {
            return node;
        }

        public String label() {
            return "kill n" + node;
        }

        public String healLabel() {
            return "restart n" + node;
        }

        public NemesisKind kind() {
            return NemesisKind.KILL;
        }
    }

    /** SIGSTOP the node's JVM for {@code millis}; its heal is SIGCONT. */
    record Pause(int node, long millis) implements NemesisFault {
        @Override
        public int target() {
            return node;
        }

        public String label() {
            return "pause n" + node + " for " + millis + "ms";
        }

        public String healLabel() {
            return "heal pause n" + node;
        }

        public NemesisKind kind() {
            return NemesisKind.PAUSE;
        }
    }

    /** Cut every peer link between the groups, both ways (a node alone in a group is isolated). */
    record Partition(List<List<Integer>> groups) implements NemesisFault {
        public Partition {
            groups = groups.stream().map(List::copyOf).toList();
        }

        public String label() {
            return "partition " + groups;
        }

        @Override
        public List<Integer> nodesHit() {
            return groups.stream().flatMap(List::stream).toList();
        }

        @Override
        public Fault asSimulatedShape() {
            return new Fault.Partition(groups);
        }

        public String healLabel() {
            return "heal network";
        }

        public NemesisKind kind() {
            return NemesisKind.PARTITION;
        }
    }

    /** Cut the link {@code from -> to} only. */
    record OneWay(int from, int to) implements NemesisFault {
        public String label() {
            return "one-way block " + from + "->" + to;
        }

        @Override
        public List<Integer> nodesHit() {
            return List.of(from, to);
        }

        @Override
        public Fault asSimulatedShape() {
            return new Fault.OneWay(from, to);
        }

        public String healLabel() {
            return "heal network";
        }

        public NemesisKind kind() {
            return NemesisKind.ONEWAY;
        }
    }

    /** Hold every forwarded chunk on every peer link for {@code millis}. */
    record Delay(long millis) implements NemesisFault {
        public String label() {
            return "delay " + millis + "ms on every link";
        }

        public String healLabel() {
            return "heal network";
        }

        public NemesisKind kind() {
            return NemesisKind.DELAY;
        }
    }

    /** Drop peer connections after a forwarded chunk with probability {@code rate}, on every link. */
    record Loss(double rate) implements NemesisFault {
        public String label() {
            return String.format(Locale.ROOT, "loss %.0f%% on every link (connections dropped)", rate * 100);
        }

        public String healLabel() {
            return "heal network";
        }

        public NemesisKind kind() {
            return NemesisKind.LOSS;
        }
    }

    /** {@link RemoveNode} of whichever node leads when it is applied: the leader steps down once it commits. */
    record RemoveLeader() implements NemesisFault {
        public String label() {
            return "remove the leader";
        }

        public String healLabel() {
            return "heal membership: add the leader back";
        }

        public NemesisKind kind() {
            return NemesisKind.MEMBERSHIP;
        }

        @Override
        public NemesisFault resolve(int leader, List<Integer> nodes) {
            return new RemoveNode(leader > 0 ? leader : nodes.get(0));
        }
    }

    /**
     * Remove voter {@code node} from the configuration ({@code RaftAdmin remove}); its process keeps running, out of
     * the cluster. The heal adds it back as a learner, with its disk, and promotes it once it caught up (a rejoin).
     */
    record RemoveNode(int node) implements NemesisFault {
        @Override
        public int target() {
            return node;
        }

        public String label() {
            return "remove n" + node;
        }

        public String healLabel() {
            return "heal membership: add n" + node + " back";
        }

        public NemesisKind kind() {
            return NemesisKind.MEMBERSHIP;
        }
    }

    /**
     * A disk fault ({@link NemesisKind#DISK_FULL} or {@link NemesisKind#DISK_READONLY}) on node {@code node}'s data
     * file system, held until its heal; {@code node} 0 means whichever node leads when it is applied.
     */
    record DiskFault(NemesisKind kind, int node) implements NemesisFault {
        public DiskFault {
            if (!kind.needsVolumes()) {
                throw new IllegalArgumentException(kind + " is not a disk fault");
            }
        }

        @Override
        public int target() {
            return node;
        }

        public String label() {
            return what() + " on " + (node == 0 ? "the leader" : "n" + node);
        }

        public String healLabel() {
            return "heal disk of " + (node == 0 ? "the leader" : "n" + node);
        }

        private String what() {
            return kind == NemesisKind.DISK_FULL ? "disk full" : "read-only data directory";
        }

        @Override
        public NemesisFault resolve(int leader, List<Integer> nodes) {
            return node != 0 ? this : new DiskFault(kind, leader > 0 ? leader : nodes.get(0));
        }
    }
}
