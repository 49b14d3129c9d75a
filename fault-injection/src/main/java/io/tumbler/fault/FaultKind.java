package io.tumbler.fault;

/**
 * The kinds of fault a {@link FaultPlan} can turn on. Each draws concrete {@link Fault}s with targets and
 * magnitudes from the run's nemesis stream ({@link FaultDraws}); each fault comes with its heal.
 *
 * <p>The membership kinds ({@link #ADD_NODE}, {@link #REMOVE_NODE}, {@link #REPLACE_NODE}) are drawn only by plans
 * that ask for them ({@link FaultPlan#membershipKinds()}): {@link FaultPlan#kindsFor} leaves them out, so the
 * default swarm draws what it drew before they existed.
 *
 * <p>Left out of swarm plans on purpose: {@link Fault.Wipe} (a node that forgets its vote and log breaks
 * Raft's storage assumption — it needs a membership change, not a restart) and {@link Fault.BitFlip} (a
 * flipped bit in the last record is indistinguishable from a torn write, so the node may lawfully drop a
 * synced entry; corruption has its own scenario).
 */
public enum FaultKind {
  /** Two random halves that cannot talk. */
  PARTITION_HALVES,
  /** One random node cut off from all others. */
  PARTITION_ISOLATE_ONE,
  /** Each node sees only its ring neighbours: no majority agrees on who is connected. */
  PARTITION_MAJORITY_RING,
  /** Two halves joined by one bridge node that talks to both. */
  PARTITION_BRIDGE,
  /** One direction of one link blocked. */
  ONE_WAY,
  /** The current leader cut off, or pushed into the minority side. */
  LEADER_PARTITION,
  /** The current leader crashed. */
  KILL_LEADER,
  /** A random node crashed, restarted later. */
  CRASH,
  /** A crash that tears the node's last unsynced write. */
  TORN_WRITE,
  /** A stop-the-world pause of a node. */
  PAUSE,
  /** A node's clock offset and drift changed. */
  CLOCK_SKEW,
  /** A node's clock jumps forward or back. */
  CLOCK_JUMP,
  /** A node's clock jumps back and forth several times in quick succession. */
  CLOCK_STROBE,
  /** Every link drops a fraction of messages. */
  LOSS,
  /** Every link delivers a fraction of messages twice. */
  DUPLICATE,
  /** Wide latency: heavy reordering. */
  DELAY,
  /** A node's messages are held, then released at once. */
  CLOG,
  /** A node's next fsync fails (it halts, fail-stop, and restarts on heal). */
  SYNC_FAIL,
  /** The current leader's links to its peers blocked one way: it hears them, they do not hear it. */
  LEADER_MUTE,
  /**
   * The current leader's messages held (clogged), or the leader cut into the minority with its partner's
   * messages to it held; released at the heal, possibly terms later.
   */
  LEADER_CLOG,
  /**
   * An event-triggered fault ({@link Fault.OnStep}): a crash, pause, isolation, clog or slow network that
   * lands on a drawn protocol step (a vote request arriving, an acknowledgement, a new leader taking office...).
   */
  TRIGGERED,
  /**
   * Raft's Figure 8 from a burst of leader isolations: for up to 0.8 s the newest leader is cut off every 5 to
   * 12 ms, moments after taking office, while its predecessor rejoins.
   */
  LEADER_CASCADE,
  /** The leader killed, then through the election random nodes crash and restart within 1 to 5 ms. */
  ELECTION_BOUNCES,
  /**
   * The leader cut into the minority with a partner whose acknowledgements to it are held, everyone
   * reconnected, the successor isolated: the held acknowledgements arrive terms late.
   */
  STALE_ACKS,
  /** The newest leader cut into the minority with one follower every 0.25 to 0.35 s, without a heal between. */
  MINORITY_CASCADE,
  /**
   * Clocks drift within the lease's bound: every node fast, the leader slow and isolated from its peers while
   * clients still reach it (lease reads are probed at the end of the lease).
   */
  LEADER_DRIFT,
  /** An operator transfers leadership from the current leader to another node (TimeoutNow). */
  TRANSFER_LEADER,
  /** An operator adds a host: a new node joins as a learner and is promoted once caught up ({@link Fault.AddNode}). */
  ADD_NODE,
  /** An operator removes a host through the leader ({@link Fault.RemoveNode}). */
  REMOVE_NODE,
  /** An operator replaces a host whose disk was lost: removed, wiped, added back under a new id. */
  REPLACE_NODE
}
