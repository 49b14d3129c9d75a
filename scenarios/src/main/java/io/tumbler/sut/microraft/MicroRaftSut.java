package io.tumbler.sut.microraft;

import io.microraft.RaftConfig;
import io.microraft.RaftEndpoint;
import io.microraft.RaftNode;
import io.microraft.model.RaftModelFactory;
import io.microraft.model.impl.DefaultRaftModelFactory;
import io.tumbler.sut.NodeEnvironment;
import io.tumbler.sut.SutNode;
import io.tumbler.sut.SystemUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * MicroRaft 0.7 as a system under test. Every port MicroRaft's builder takes is bound to the simulation: the
 * executor runs tasks as simulator events ({@link SimExecutor}), the transport sends over the simulated network,
 * the store lives on the simulated disk ({@link SimStore}, {@link StoreRecovery}), the clock is the node's simulated
 * clock ({@link DilatedClock}), the random source is seeded from the node's {@code microraft} stream, and the state
 * machine is Tumbler's VM state machine ({@link KvStateMachine}).
 *
 * <p>Determinism notes (MicroRaft 0.7, read from its bytecode): the builder reads {@code Clock.systemUTC()} and
 * {@code new Random()} only as defaults, replaced here; {@code RaftNodeImpl} shuffles its lifecycle-aware
 * components with the unseeded {@code Collections.shuffle}, which draws nothing here because no component given to
 * it implements {@code RaftNodeLifecycleAware} (fewer than two elements are never shuffled); its hash maps keyed by
 * endpoint iterate in the order of {@link SimEndpoint}'s value-based hash code. Membership changes are not exercised.
 */
public final class MicroRaftSut implements SystemUnderTest {
  private final int snapshotEveryEntries;
  private final int maxEntriesPerAppend;

  /**
   * @param snapshotEveryEntries MicroRaft takes a snapshot every this many committed entries
   * @param maxEntriesPerAppend  the most entries one append request carries
   */
  public MicroRaftSut(int snapshotEveryEntries, int maxEntriesPerAppend) {
    this.snapshotEveryEntries = snapshotEveryEntries;
    this.maxEntriesPerAppend = maxEntriesPerAppend;
  }

  @Override
  public String name() {
    return "microraft";
  }

  /**
   * MicroRaft's timing in its own (dilated, see {@link SimExecutor#TIME_DILATION}) units: elections time out after
   * 1 s and leaders heartbeat every 1 s, followers give up on a silent leader after 3 s — 100, 100 and 300 ms of
   * simulated time, against Tumbler's default 100 ms election timeout.
   */
  RaftConfig config() {
    return RaftConfig.newBuilder().setLeaderElectionTimeoutMillis(1_000).setLeaderHeartbeatPeriodSecs(1)
        .setLeaderHeartbeatTimeoutSecs(3).setCommitCountToTakeSnapshot(snapshotEveryEntries)
        .setAppendEntriesRequestBatchSize(Math.max(1, maxEntriesPerAppend)).build();
  }

  @Override
  public SutNode start(NodeEnvironment env) {
    SimExecutor executor = new SimExecutor(env);
    RaftModelFactory models = new DefaultRaftModelFactory();
    StoreRecovery.Outcome recovered = StoreRecovery.read(env.disk(), models);
    if (recovered instanceof StoreRecovery.Outcome.Damaged damaged) {
      env.halt("refused to start: " + damaged.why());
      return MicroRaftNode.refusing(env.nodeId());
    }
    MicroRaftNode node = new MicroRaftNode(env, executor);
    RaftNode.RaftNodeBuilder builder = RaftNode.newBuilder().setGroupId("tumbler").setConfig(config())
        .setExecutor(executor).setTransport(node.transport()).setStateMachine(node.stateMachineAdapter())
        .setStore(new SimStore(env.disk(), executor, env::halt)).setModelFactory(models)
        .setRaftNodeReportListener(node::onReport).setRandom(new Random(env.random("microraft").nextLong()))
        .setClock(new DilatedClock(env::localNanos));
    if (recovered instanceof StoreRecovery.Outcome.Restored restored) {
      builder.setRestoredState(restored.state());
    } else {
      builder.setLocalEndpoint(new SimEndpoint(env.nodeId())).setInitialGroupMembers(endpoints(env.members()));
    }
    node.start(builder.build());
    return node;
  }

  private static List<RaftEndpoint> endpoints(List<Integer> ids) {
    List<RaftEndpoint> out = new ArrayList<>();
    for (int id : ids) {
      out.add(new SimEndpoint(id));
    }
    return out;
  }
}
