package io.tumbler.scenario.cluster;

import io.tumbler.raft.JoinProof;
import io.tumbler.raft.membership.HostIdentity;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * The hosts behind a simulated cluster's node ids, as the rejoin handshake sees them: bootstrap node {@code i} is
 * host {@code i} in incarnation 0; a host joining by handshake is a new host under its new id; a host that lost its
 * disk comes back under a new id in its next incarnation (perhaps asking first under its old one, from a stale
 * record); an impostor holds another secret. Also the nemesis's
 * capture of the latest join proof seen on the wire.
 */
final class RejoinHosts {
  static final String CLUSTER_ID = "tumbler-sim";
  private static final byte[] SECRET = "tumbler-sim-cluster-secret".getBytes(StandardCharsets.UTF_8);
  private static final byte[] WRONG_SECRET = "not-the-cluster-secret".getBytes(StandardCharsets.UTF_8);

  private final TreeMap<Integer, HostIdentity> identities = new TreeMap<>();
  private JoinProof captured;

  HostIdentity identity(int nodeId) {
    HostIdentity identity = identities.get(nodeId);
    return identity != null ? identity : new HostIdentity(CLUSTER_ID, nodeId, 0, SECRET);
  }

  /** A new host, id {@code nodeId}, in its first incarnation. */
  HostIdentity newHost(int nodeId) {
    return record(nodeId, new HostIdentity(CLUSTER_ID, nodeId, 0, SECRET));
  }

  /** The host of {@code oldNode}, wiped, as node {@code nodeId} in its next incarnation. */
  HostIdentity nextIncarnation(int oldNode, int nodeId) {
    HostIdentity old = identity(oldNode);
    return record(nodeId, new HostIdentity(CLUSTER_ID, old.hostId(), old.incarnation() + 1, SECRET));
  }

  /** The host of {@code oldNode}, wiped, as node {@code nodeId} under the old incarnation its stale record names. */
  HostIdentity staleRecord(int oldNode, int nodeId) {
    return record(nodeId, identity(oldNode));
  }

  /** A host without the cluster secret, as node {@code nodeId}. */
  HostIdentity impostor(int nodeId) {
    return record(nodeId, new HostIdentity(CLUSTER_ID, nodeId, 0, WRONG_SECRET));
  }

  boolean authentic(HostIdentity identity) {
    return Arrays.equals(identity.secret(), SECRET);
  }

  void captured(JoinProof proof) {
    captured = proof;
  }

  /** The latest join proof seen on the wire, or null. */
  JoinProof lastCaptured() {
    return captured;
  }

  private HostIdentity record(int nodeId, HostIdentity identity) {
    identities.put(nodeId, identity);
    return identity;
  }
}
