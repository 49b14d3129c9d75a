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
 * <p>It also records the {@link Identities host identities} of members admitted by the rejoin handshake, and per
 * host the highest incarnation ever admitted, so that every leader decides a rejoin from replicated state
 * ({@link io.tumbler.raft.membership.JoinAuthority}). Identities change only by {@link ConfigChange.AddLearner}
 * with an identity (a member's row is added, its host's highest raised) and by removal (the member's row goes, the
 * host's highest stays).
 *
 * @param voters     the voting members, ascending
 * @param learners   the non-voting members, ascending
 * @param identities the host identities of members admitted by handshake, and the per-host highest incarnations
 */
public record Configuration(List<Integer> voters, List<Integer> learners, Identities identities) {
    /**
     * The version byte of {@link #encode()}: 1 is voters and learners only (and what a configuration without
     * identities still writes, so the bootstrap configuration and old logs keep their bytes); 2 adds the identity
     * tables. A reader accepts both and rejects any other.
     */
    private static final int ENCODING_VERSION = 1;
    private static final int ENCODING_VERSION_WITH_IDENTITIES = 2;

    public Configuration {
        if (voters == null || learners == null || identities == null) {
            throw new IllegalArgumentException("voters, learners and identities are required");
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
        for (int node : identities.members().keySet()) {
            if (!voters.contains(node) && !learners.contains(node)) {
                throw new IllegalArgumentException("node " + node + " has an identity but is no member");
            }
        }
    }

    /** A configuration without recorded identities. */
    public Configuration(List<Integer> voters, List<Integer> learners) {
        this(voters, learners, Identities.NONE);
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
        if (change instanceof ConfigChange.AddLearner add) {
            if (isMember(node)) {
                return refusal(ConfigChangeResult.Reason.ALREADY_MEMBER, node, "is already a member");
            }
            Identities admitted = add.identity() == null ? identities : identities.admit(node, add.identity());
            return new Applied(new Configuration(voters, plus(learners, node), admitted), null, null);
        }
        if (change instanceof ConfigChange.PromoteLearner) {
            if (!isLearner(node)) {
                return refusal(isVoter(node) ? ConfigChangeResult.Reason.ALREADY_MEMBER
                        : ConfigChangeResult.Reason.UNKNOWN_NODE, node, "is not a learner");
            }
            return new Applied(new Configuration(plus(voters, node), minus(learners, node), identities), null, null);
        }
        if (!isMember(node)) {
            return refusal(ConfigChangeResult.Reason.UNKNOWN_NODE, node, "is not a member");
        }
        if (voters.equals(List.of(node))) {
            return refusal(ConfigChangeResult.Reason.LAST_VOTER, node, "is the last voter");
        }
        return new Applied(new Configuration(minus(voters, node), minus(learners, node), identities.without(node)),
                null, null);
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

    /**
     * The payload of a CONFIG entry: version, voter count and ids, learner count and ids (varints); with version 2,
     * then the identity tables ({@link Identities}). Without identities it is version 1, byte for byte as before
     * identities existed.
     */
    public byte[] encode() {
        WireWriter out = new WireWriter(8 + 4 * (voters.size() + learners.size()));
        out.writeByte(identities.isEmpty() ? ENCODING_VERSION : ENCODING_VERSION_WITH_IDENTITIES);
        writeIds(voters, out);
        writeIds(learners, out);
        if (!identities.isEmpty()) {
            identities.write(out);
        }
        return out.toByteArray();
    }

    /** Decodes {@link #encode()}'s bytes; damage raises {@link CorruptMessageException}. */
    public static Configuration decode(byte[] bytes) {
        WireReader in = new WireReader(bytes, 0, bytes.length, "configuration");
        int version = in.readByte();
        if (version != ENCODING_VERSION && version != ENCODING_VERSION_WITH_IDENTITIES) {
            throw in.corrupt("unsupported configuration encoding " + version);
        }
        List<Integer> voters = readIds(in, "voter");
        List<Integer> learners = readIds(in, "learner");
        try {
            Identities identities = version == ENCODING_VERSION ? Identities.NONE : Identities.read(in);
            in.expectEnd();
            return new Configuration(voters, learners, identities);
        } catch (IllegalArgumentException e) {
            throw in.corrupt(e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "voters=" + voters + (learners.isEmpty() ? "" : " learners=" + learners)
                + (identities.isEmpty() ? "" : " " + identities);
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
