package io.tumbler.raft;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The host identities a {@link Configuration} records, replicated with it (in CONFIG entries and snapshots) so that
 * every leader, not only the one that ran a rejoin handshake, knows them: which host incarnation each member node id
 * runs as, and per host the highest incarnation ever admitted with the node id it was admitted as. The per-host
 * table is monotone: removing a member never lowers or forgets it, so a wiped host's old incarnation stays refused
 * under every later leader. Bootstrap members are absent from both tables; the convention (node {@code i} is host
 * {@code i} in incarnation 0) stands in for them. A value: both maps are sorted and unmodifiable.
 *
 * @param members node id -> the host incarnation it runs as (members admitted by handshake only)
 * @param highest host id -> the highest incarnation admitted for it and the node id it was admitted as
 */
public record Identities(SortedMap<Integer, HostIncarnation> members, SortedMap<Integer, Admitted> highest) {
    /** No identities recorded: the bootstrap configuration and configurations changed only by operators. */
    public static final Identities NONE = new Identities(new TreeMap<>(), new TreeMap<>());

    /** One row of the per-host table: the incarnation admitted and the node id it runs as. */
    public record Admitted(long incarnation, int nodeId) {
        public Admitted {
            if (incarnation < 0 || nodeId <= 0) {
                throw new IllegalArgumentException("invalid admission " + incarnation + " as node " + nodeId);
            }
        }
    }

    public Identities {
        if (members == null || highest == null) {
            throw new IllegalArgumentException("identity tables are required");
        }
        members = Collections.unmodifiableSortedMap(new TreeMap<>(members));
        highest = Collections.unmodifiableSortedMap(new TreeMap<>(highest));
        for (Map.Entry<Integer, HostIncarnation> m : members.entrySet()) {
            Admitted top = highest.get(m.getValue().hostId());
            if (top == null || top.incarnation() < m.getValue().incarnation()) {
                throw new IllegalArgumentException("node " + m.getKey() + " runs as " + m.getValue()
                        + " above the highest incarnation recorded for its host: " + top);
            }
        }
    }

    public boolean isEmpty() {
        return members.isEmpty() && highest.isEmpty();
    }

    /** These identities with node {@code node} admitted as {@code identity}; the host's highest only rises. */
    Identities admit(int node, HostIncarnation identity) {
        TreeMap<Integer, HostIncarnation> m = new TreeMap<>(members);
        m.put(node, identity);
        TreeMap<Integer, Admitted> h = new TreeMap<>(highest);
        Admitted top = h.get(identity.hostId());
        if (top == null || identity.incarnation() > top.incarnation()) {
            h.put(identity.hostId(), new Admitted(identity.incarnation(), node));
        }
        return new Identities(m, h);
    }

    /** These identities without member {@code node}; the per-host table keeps what it had. */
    Identities without(int node) {
        if (!members.containsKey(node)) {
            return this;
        }
        TreeMap<Integer, HostIncarnation> m = new TreeMap<>(members);
        m.remove(node);
        return new Identities(m, highest);
    }

    void write(WireWriter out) {
        out.writeVarLong(members.size());
        for (Map.Entry<Integer, HostIncarnation> m : members.entrySet()) {
            out.writeVarLong(m.getKey()).writeVarLong(m.getValue().hostId()).writeVarLong(m.getValue().incarnation());
        }
        out.writeVarLong(highest.size());
        for (Map.Entry<Integer, Admitted> h : highest.entrySet()) {
            out.writeVarLong(h.getKey()).writeVarLong(h.getValue().incarnation()).writeVarLong(h.getValue().nodeId());
        }
    }

    static Identities read(WireReader in) {
        TreeMap<Integer, HostIncarnation> m = new TreeMap<>();
        int memberCount = in.readCount("identity count", 3);
        for (int i = 0; i < memberCount; i++) {
            int node = in.readVarInt("identity node");
            m.put(node, new HostIncarnation(in.readVarInt("identity host"), in.readVarLong("identity incarnation")));
        }
        TreeMap<Integer, Admitted> h = new TreeMap<>();
        int hostCount = in.readCount("host count", 3);
        for (int i = 0; i < hostCount; i++) {
            int host = in.readVarInt("host");
            h.put(host, new Admitted(in.readVarLong("host incarnation"), in.readVarInt("host node")));
        }
        if (m.size() != memberCount || h.size() != hostCount) {
            throw in.corrupt("duplicate node or host in the identity tables");
        }
        return new Identities(m, h);
    }

    @Override
    public String toString() {
        return "identities=" + members + " highest=" + highest;
    }
}
