package io.tumbler.raft;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Who is in the cluster at one point of the log (dissertation §4): the voters, whose majority decides elections,
 * commits, ReadIndex and leases, and the learners, which receive the log and snapshots but never vote, never
 * count in any quorum and never campaign. A value: both lists are sorted, distinct and disjoint, and there is at
 * least one voter.
 *
 * <p>A configuration travels in {@link EntryType#CONFIG} entries ({@link #encode()}) and in snapshots
 * ({@link SnapshotMeta#configuration()}). A node always uses the latest configuration in its log, committed or
 * not; the one it starts from, before any such entry, is its {@link RaftConfig#peers()} as voters.
 *
 * @param voters   the voting members, ascending
 * @param learners the non-voting members, ascending
 */
public record Configuration(List<Integer> voters, List<Integer> learners) {
    /** The version byte of {@link #encode()}; a reader rejects any other. */
    private static final int ENCODING_VERSION = 1;

    public Configuration {
        if (voters == null || learners == null) {
            throw new IllegalArgumentException("voters and learners are required");
        }
        voters = sortedDistinct(voters, "voters");
        learners = sortedDistinct(learners, "learners");
        if (voters.isEmpty()) {
            throw new IllegalArgumentException("a configuration needs at least one voter (learners " + learners + ")");
        }
        for (int learner : learners) {
            if (voters.contains(learner)) {
                throw new IllegalArgumentException("node " + learner + " is both a voter and a learner");
            }
        }
    }

    /** A configuration of voters only (how a cluster is bootstrapped from {@link RaftConfig#peers()}). */
    public static Configuration ofVoters(List<Integer> voters) {
        return new Configuration(voters, List.of());
    }

    public boolean isVoter(int id) {
        return voters.contains(id);
    }

    public boolean isLearner(int id) {
        return learners.contains(id);
    }

    /** True for voters and learners alike. */
    public boolean isMember(int id) {
        return isVoter(id) || isLearner(id);
    }

    /** Voters and learners, ascending: everyone a leader replicates to. */
    public List<Integer> members() {
        TreeSet<Integer> all = new TreeSet<>(voters);
        all.addAll(learners);
        return List.copyOf(all);
    }

    /**
     * The configuration after {@code change}, or the reason it does not apply to this one (the node is already a
     * member, is not a learner, is not a member, or is the last voter).
     */
    public Applied apply(ConfigChange change) {
        int node = change.node();
        if (change instanceof ConfigChange.AddLearner) {
            if (isMember(node)) {
                return refusal(ConfigChangeResult.Reason.ALREADY_MEMBER, node, "is already a member");
            }
            return new Applied(new Configuration(voters, plus(learners, node)), null, null);
        }
        if (change instanceof ConfigChange.PromoteLearner) {
            if (!isLearner(node)) {
                return refusal(isVoter(node) ? ConfigChangeResult.Reason.ALREADY_MEMBER
                        : ConfigChangeResult.Reason.UNKNOWN_NODE, node, "is not a learner");
            }
            return new Applied(new Configuration(plus(voters, node), minus(learners, node)), null, null);
        }
        if (!isMember(node)) {
            return refusal(ConfigChangeResult.Reason.UNKNOWN_NODE, node, "is not a member");
        }
        if (voters.equals(List.of(node))) {
            return refusal(ConfigChangeResult.Reason.LAST_VOTER, node, "is the last voter");
        }
        return new Applied(new Configuration(minus(voters, node), minus(learners, node)), null, null);
    }

    /**
     * The outcome of {@link #apply}: the new configuration, or a refusal reason and detail (then
     * {@code configuration} is null).
     */
    public record Applied(Configuration configuration, ConfigChangeResult.Reason refusal, String detail) {
    }

    private Applied refusal(ConfigChangeResult.Reason reason, int node, String what) {
        return new Applied(null, reason, "node " + node + " " + what + " of " + this);
    }

    /** The payload of a CONFIG entry: version, voter count and ids, learner count and ids (varints). */
    public byte[] encode() {
        WireWriter out = new WireWriter(8 + 4 * (voters.size() + learners.size()));
        out.writeByte(ENCODING_VERSION);
        writeIds(voters, out);
        writeIds(learners, out);
        return out.toByteArray();
    }

    /** Decodes {@link #encode()}'s bytes; damage raises {@link CorruptMessageException}. */
    public static Configuration decode(byte[] bytes) {
        WireReader in = new WireReader(bytes, 0, bytes.length, "configuration");
        int version = in.readByte();
        if (version != ENCODING_VERSION) {
            throw in.corrupt("unsupported configuration encoding " + version);
        }
        List<Integer> voters = readIds(in, "voter");
        List<Integer> learners = readIds(in, "learner");
        in.expectEnd();
        try {
            return new Configuration(voters, learners);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "voters=" + voters + (learners.isEmpty() ? "" : " learners=" + learners);
    }

    private static void writeIds(List<Integer> ids, WireWriter out) {
        out.writeVarLong(ids.size());
        for (int id : ids) {
            out.writeVarLong(id);
        }
    }

    private static List<Integer> readIds(WireReader in, String what) {
        int count = in.readCount(what + " count", 1);
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(in.readVarInt(what));
        }
        return ids;
    }

    private static List<Integer> sortedDistinct(List<Integer> ids, String what) {
        TreeSet<Integer> sorted = new TreeSet<>(ids);
        if (sorted.size() != ids.size() || (!sorted.isEmpty() && sorted.first() <= 0)) {
            throw new IllegalArgumentException(what + " must be distinct positive ids: " + ids);
        }
        return List.copyOf(sorted);
    }

    private static List<Integer> plus(List<Integer> ids, int id) {
        List<Integer> out = new ArrayList<>(ids);
        out.add(id);
        return out;
    }

    private static List<Integer> minus(List<Integer> ids, int id) {
        List<Integer> out = new ArrayList<>(ids);
        out.remove(Integer.valueOf(id));
        return out;
    }
}
