package io.tumbler.scenario.cluster;

import io.tumbler.sut.NodeEnvironment;
import io.tumbler.sut.SutNode;
import io.tumbler.sut.SystemUnderTest;

/**
 * Tumbler's own Raft (raft-impl) as a system under test: every node incarnation is a {@link TumblerNode}, hosted
 * like any other kind's node. It is built with its cluster because Tumbler's Raft supports more than the seam asks
 * of every kind — known bugs, buggify fault points, observations from inside the node, the join handshake and
 * membership changes — and the cluster is what configures and watches those.
 */
final class TumblerSut implements SystemUnderTest {
  private final SimCluster cluster;

  TumblerSut(SimCluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return io.tumbler.sut.SutKind.TUMBLER.cliName();
  }

  @Override
  public SutNode start(NodeEnvironment env) {
    return new TumblerNode(cluster, env).start();
  }
}
