package io.tumbler.scenario.cluster;

import io.tumbler.fault.FaultActuator;
import io.tumbler.raft.RaftConfig;
import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.client.ClientConfig;
import io.tumbler.scenario.client.ClientProcess;
import io.tumbler.scenario.client.ClientShared;
import io.tumbler.scenario.client.HistoryRecorder;
import io.tumbler.scenario.coverage.CoverageCounters;
import io.tumbler.scenario.coverage.CoveragePath;
import io.tumbler.scenario.journal.HarnessEvent;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.wire.Wire;
import io.tumbler.scenario.wire.WireCodec;
import io.tumbler.scenario.workload.Workload;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.net.LinkProfile;
import io.tumbler.sim.net.SimNetwork;
import io.tumbler.sim.process.ProcessHost;
import io.tumbler.sim.process.ProcessState;
import io.tumbler.sim.random.DelayDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * A Raft cluster of nodes ({@link SutProcess}es hosting any {@link io.tumbler.sut.SystemUnderTest}) and a set of
 * {@link ClientProcess}es on one simulation, and the {@link FaultActuator} through which faults reach it. Bootstrap node {@code i} (1-based Raft id, 1..N) is process
 * {@code i - 1}; clients follow the nodes; nodes added later (ids N+1, N+2... never reused) follow the clients, in
 * the order they join. Every node observation becomes a journal event handed to {@code journalSink} (the online
 * checkers and the journal file).
 *
 * <p>Membership: {@link #nodes()} are the members as the operator knows them — every node started and not retired;
 * a removed node is retired (stopped for good) once its removal commits, a replaced one wiped too. Faults, the
 * liveness probe and the clients work over these.
 */
public final class SimCluster implements FaultActuator {
  private final ClusterConfig config;
  private final Simulation simulation;
  private final SimNetwork<Wire> network;
  private final ProcessHost<Wire> host;
  private final LinkProfile baseProfile;
  private final java.util.TreeMap<Integer, TumblerNode> running = new java.util.TreeMap<>();
  /** Every started node incarnation of any system under test, as the harness reads it. */
  private final java.util.TreeMap<Integer, io.tumbler.sut.NodeView> views = new java.util.TreeMap<>();
  /** Which Raft runs on the nodes ({@link #systemUnderTest}); Tumbler's own unless told otherwise. */
  private io.tumbler.sut.SutKind sut = io.tumbler.sut.SutKind.TUMBLER;
  /** Node id -> process id, for every node ever started. */
  private final java.util.TreeMap<Integer, Integer> processes = new java.util.TreeMap<>();
  /** Process id -> node id. */
  private final java.util.TreeMap<Integer, Integer> nodeAtProcess = new java.util.TreeMap<>();
  /** Nodes removed (or replaced) for good: never restarted. */
  private final java.util.TreeSet<Integer> retired = new java.util.TreeSet<>();
  private final List<Integer> bootstrapPeers = new ArrayList<>();
  private final MembershipChanges membership;
  private final Consumer<JournalEntry> journalSink;
  private final NodeEvents nodeEvents;
  private final List<String> notes = new ArrayList<>();
  private final CoverageCounters coverage = new CoverageCounters();
  /** The members, ascending: started and not retired. */
  private int[] nodeIds;
  private ClientShared clients;
  private LinkProfile currentProfile;
  private io.tumbler.raft.KnownBugs bugs = io.tumbler.raft.KnownBugs.NONE;
  private SimFaultPoints buggify = SimFaultPoints.off();
  private final StepTriggers triggers;
  private final WireObserver wire;
  private NodeStateMachines stateMachines = NodeStateMachines.PRODUCTION;
  /** Told of each promotion and removal that commits (a workload whose hosts are the members), or null. */
  private io.tumbler.scenario.workload.MembershipAware membershipFollower;
  /** Who each node is in the rejoin handshake; a node absent here is host {@code id} in incarnation 0. */
  private final RejoinHosts rejoinHosts = new RejoinHosts();
  /** Set by a replay-handshake fault: the next join proof on the wire is replayed too. */
  private boolean replayNextProof;

  /** Hooks for what the harness checks on every node event beyond the journal (VM invariants). */
  public interface NodeEvents {
    void applied(int node, io.tumbler.vm.VmStateMachine stateMachine, long index);
  }

  public SimCluster(Simulation simulation, ClusterConfig config, Consumer<JournalEntry> journalSink,
      NodeEvents nodeEvents) {
    this.simulation = simulation;
    this.config = config;
    this.journalSink = journalSink;
    this.nodeEvents = nodeEvents;
    this.baseProfile = LinkProfile.reliable(new DelayDistribution.Uniform(
        config.latencyMicrosMin() * 1_000, config.latencyMicrosMax() * 1_000));
    this.currentProfile = baseProfile;
    this.network = new SimNetwork<>(simulation, new WireCodec(), baseProfile);
    this.host = ProcessHost.create(simulation, network);
    this.nodeIds = new int[config.nodes()];
    for (int i = 0; i < config.nodes(); i++) {
      int id = i + 1;
      nodeIds[i] = id;
      bootstrapPeers.add(id);
      addProcess(id);
    }
    this.triggers = new StepTriggers(simulation, nodeIds, this::currentLeader,
        fault -> fault.applyTo(this));
    this.wire = new WireObserver(simulation, journalSink, triggers);
    this.membership = new MembershipChanges(simulation, membershipHosts(),
        Math.max(1_000_000L, config.tickNanos() / 4));
  }

  private int addProcess(int id) {
    int process = host.add("n" + id, () -> new SutProcess(this, id, system()));
    processes.put(id, process);
    nodeAtProcess.put(process, id);
    return process;
  }

  /** The factory of the nodes of the kind under test: one hosting path for every kind. */
  private io.tumbler.sut.SystemUnderTest system() {
    switch (sut) {
      case TUMBLER:
        return new TumblerSut(this);
      case MICRORAFT:
      default:
        return new io.tumbler.sut.microraft.MicroRaftSut(config.snapshotEveryEntries(), config.maxEntriesPerAppend());
    }
  }

  /** What {@link MembershipChanges} drives: this cluster's processes, and the coverage of what it did. */
  private MembershipChanges.Hosts membershipHosts() {
    return new MembershipChanges.Hosts() {
      public int currentLeader() {
        return SimCluster.this.currentLeader();
      }

      public TumblerNode running(int node) {
        return SimCluster.this.running(node);
      }

      public void startJoiningNode(int node) {
        SimCluster.this.startJoiningNode(node);
      }

      public void retire(int node, boolean wipe) {
        SimCluster.this.retire(node, wipe);
      }

      public void startImpostor(int node) {
        journalSink.accept(new HarnessEvent.NodeJoined(simulation.nowNanos(), node));
        host.start(processOf(node));
      }

      public void stopImpostor(int node) {
        retired.add(node);
        host.crash(processOf(node), false);
      }

      public void committed(io.tumbler.raft.ConfigChange change) {
        coverage.count(CoveragePath.CONFIG_CHANGES_COMMITTED);
        if (change instanceof io.tumbler.raft.ConfigChange.PromoteLearner) {
          coverage.count(CoveragePath.NODES_ADDED);
          if (membershipFollower != null) {
            membershipFollower.joined(change.node());
          }
        } else if (change instanceof io.tumbler.raft.ConfigChange.Remove) {
          coverage.count(CoveragePath.NODES_REMOVED);
          if (membershipFollower != null) {
            membershipFollower.left(change.node());
          }
        }
      }
    };
  }

  /**
   * The next unused node id, with its (not yet started) process: taken when an addition or replacement is asked
   * for, in the order the faults fire, so a schedule's ids are known before the run ({@code ScheduleCheck}).
   */
  private int reserveNode() {
    int id = processes.lastKey() + 1;
    addProcess(id);
    return id;
  }

  /** Starts reserved node {@code id} as a new host, from the bootstrap peers (which do not name it). */
  private void startJoiningNode(int id) {
    join(id);
    journalSink.accept(new HarnessEvent.NodeJoined(simulation.nowNanos(), id));
    host.start(processOf(id));
  }

  /** Stops {@code node} for good once its removal committed ({@code wipe}: its disk is erased too). */
  private void retire(int node, boolean wipe) {
    if (!retired.add(node)) {
      return;
    }
    if (wipe) {
      wipe(node);
    } else {
      host.crash(processOf(node), false);
    }
    leave(node);
  }

  private void join(int id) {
    java.util.TreeSet<Integer> members = members();
    members.add(id);
    nodeIds = members.stream().mapToInt(Integer::intValue).toArray();
  }

  private void leave(int id) {
    java.util.TreeSet<Integer> members = members();
    members.remove(id);
    nodeIds = members.stream().mapToInt(Integer::intValue).toArray();
  }

  private java.util.TreeSet<Integer> members() {
    java.util.TreeSet<Integer> members = new java.util.TreeSet<>();
    for (int id : nodeIds) {
      members.add(id);
    }
    return members;
  }

  /**
   * Where the reactions of fired {@link io.tumbler.fault.Fault.OnStep} triggers go: the run's fault recorder,
   * which applies them (through this cluster) and records them beside the scheduled faults.
   */
  public void faultSink(Consumer<io.tumbler.fault.Fault> sink) {
    triggers.sink(sink);
  }

  /**
   * Tells {@code follower} of the bootstrap members now, then of each promotion to voter and each removal as the
   * operator's driver sees it commit (call before {@link #start}): how a workload whose hosts are the members
   * learns of hosts joining and leaving. A removed learner that was never promoted is reported too.
   */
  public void followMembership(io.tumbler.scenario.workload.MembershipAware follower) {
    membershipFollower = follower;
    follower.bootstrapped(bootstrapPeers.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Puts {@code kind} on every node started from now on (call before {@link #start}); every kind is hosted the same
   * way, through the {@link io.tumbler.sut.SystemUnderTest} seam in a {@link SutProcess}.
   */
  public void systemUnderTest(io.tumbler.sut.SutKind kind) {
    this.sut = kind;
  }

  /** Which Raft runs on the nodes. */
  public io.tumbler.sut.SutKind systemUnderTest() {
    return sut;
  }

  /** Switches deliberate bugs on in every node started from now on (call before {@link #start}). */
  public void knownBugs(io.tumbler.raft.KnownBugs value) {
    bugs = value;
  }

  /** What every node started from now on applies to (call before {@link #start}); a test seam, see {@link NodeStateMachines}. */
  public void stateMachines(NodeStateMachines value) {
    stateMachines = value;
  }

  /** The state machine node {@code nodeId}'s new incarnation gives its driver around its real {@code vm}. */
  io.tumbler.raft.node.StateMachine stateMachineFor(int nodeId, io.tumbler.vm.VmStateMachine vm) {
    return stateMachines.forNode(nodeId, vm);
  }

  /** Adds the clients (after the nodes, so node process ids stay 0..N-1) and returns their shared state. */
  public ClientShared addClients(Workload workload, HistoryRecorder history, ClientConfig clientConfig,
      long operationLimit) {
    clients = new ClientShared(simulation, workload, history, clientConfig, nodeDirectory(), config.clients(),
        operationLimit);
    for (int c = 0; c < config.clients(); c++) {
      int index = c;
      host.add("c" + c, () -> new ClientProcess(clients, index));
    }
    return clients;
  }

  /** The members and addresses clients use: {@link #nodes()}, and any node ever started for a leader hint. */
  private io.tumbler.scenario.client.NodeDirectory nodeDirectory() {
    return new io.tumbler.scenario.client.NodeDirectory() {
      public int[] members() {
        return nodeIds;
      }

      public int processOf(int nodeId) {
        return processes.getOrDefault(nodeId, -1);
      }

      public int nodeAt(int process) {
        return nodeAtProcess.getOrDefault(process, 0);
      }
    };
  }

  /** Draws this run's buggify points (none with buggify off), then starts every node and client. */
  public void start() {
    drawBuggify();
    for (int p = 0; p < host.size(); p++) {
      host.start(p);
    }
  }

  public Simulation simulation() {
    return simulation;
  }

  public SimNetwork<Wire> network() {
    return network;
  }

  public ProcessHost<Wire> host() {
    return host;
  }

  public ClusterConfig config() {
    return config;
  }

  /** Things worth telling a person that are not violations (a node that halted on a failed fsync...). */
  public List<String> notes() {
    List<String> out = new ArrayList<>(notes);
    if (buggify.anyEnabled()) {
      out.add(buggify.summary());
    }
    if (stateMachines != NodeStateMachines.PRODUCTION) {
      out.add("test seam: nodes apply to a wrapped state machine (" + stateMachines.describe() + ")");
    }
    return List.copyOf(out);
  }

  /**
   * Known bugs run with buggify too: a campaign hunting a bug is the same simulation a user's campaign is,
   * and some bugs only show on the rare paths the points open (slow-backtrack exposes a follower committing
   * past what it verified). The choice is in the trace at t=0 (and so in the fingerprint), so a person
   * replaying a failure sees that buggify was on and which points.
   */
  private void drawBuggify() {
    if (!config.buggify() || sut != io.tumbler.sut.SutKind.TUMBLER) {
      return; // the points are hooks inside Tumbler's Raft; another system under test has none
    }
    buggify = SimFaultPoints.drawn(simulation.streams().stream("buggify"));
    if (buggify.anyEnabled()) {
      simulation.schedule(simulation.nowNanos(), "buggify on: " + String.join(",", buggify.enabledNames()), () -> { });
    }
  }

  /**
   * Which paths the run exercised so far, by counter name (zeros included): node observations, crashes,
   * restarts, pauses, halts, torn writes and failed fsyncs, plus the clients' retries and refusals and the
   * buggify fires; the membership paths only when {@code membershipScheduled} (see {@link CoverageCounters#toMap}).
   */
  public SortedMap<String, Long> coverage(boolean membershipScheduled) {
    return clients == null ? coverage.toMap(0, List.of(), buggify::fired, membershipScheduled)
        : coverage.toMap(clients.retries(), clients.historyOperations(), buggify::fired, membershipScheduled);
  }

  /** The run's fault points: which are enabled and how often they fired. */
  public SimFaultPoints buggify() {
    return buggify;
  }

  // ---- called by TumblerNode ------------------------------------------------------------------

  /** Who node {@code nodeId} is in the rejoin handshake. */
  io.tumbler.raft.membership.HostIdentity hostIdentity(int nodeId) {
    return rejoinHosts.identity(nodeId);
  }

  /**
   * The nemesis sees every join proof on the wire and keeps the latest, to replay it; once a replay-handshake fault
   * armed it, it also resends the next proof it sees a tick later (a man in the middle answering on the heels of the
   * genuine proof, while the host's admission may not be in the leader's configuration yet).
   */
  void joinProofSent(io.tumbler.raft.JoinProof proof) {
    rejoinHosts.captured(proof);
    if (replayNextProof) {
      replayNextProof = false;
      simulation.schedule(simulation.nowNanos() + config.tickNanos(), "replay join proof", this::replayCaptured);
    }
  }

  RaftConfig raftConfig(int nodeId) {
    return RaftConfig.defaults(nodeId, bootstrapPeers).withElectionTimeoutTicks(config.electionTimeoutTicks())
        .withHeartbeatIntervalTicks(config.heartbeatIntervalTicks()).withPreVote(config.preVote())
        .withCheckQuorum(config.checkQuorum()).withMaxEntriesPerAppend(config.maxEntriesPerAppend())
        .withMaxInflightAppends(config.maxInflightAppends()).withKnownBugs(bugs);
  }

  io.tumbler.raft.FaultPoints faultPoints(int nodeId) {
    return buggify.forNode(nodeId);
  }

  /** The process of node {@code nodeId}; a message to a node never started goes to an address nobody holds. */
  int processOf(int nodeId) {
    Integer process = processes.get(nodeId);
    if (process == null) {
      throw new IllegalArgumentException("node " + nodeId + " was never started");
    }
    return process;
  }

  long tickNanos() {
    return config.tickNanos();
  }

  int snapshotEveryEntries() {
    return config.snapshotEveryEntries();
  }

  /** The election-timer witness of a node incarnation that is starting: it journals into this cluster's sink. */
  ElectionTimerWitness electionTimerWitness(int nodeId) {
    return new ElectionTimerWitness(nodeId, raftConfig(nodeId).electionTimeoutTicks(), simulation::nowNanos,
        journalSink);
  }

  /** A node of Tumbler's Raft is starting (its process was counted by {@link #startingSut}). */
  void starting(TumblerNode node) {
    running.put(node.nodeId(), node);
  }

  void observe(TumblerNode process, Observation observation) {
    coverage.observe(observation);
    if (observation instanceof Observation.PathTaken taken) {
      process.timer().pathTaken(taken);
    }
    if (journaled(observation)) {
      journalSink.accept(new JournalEntry.Stamped(simulation.nowNanos(), observation));
    }
    ProtocolSteps.ofObservation(observation, triggers);
    if (observation instanceof Observation.Applied a) {
      nodeEvents.applied(process.nodeId(), process.stateMachine(), a.index());
    }
  }

  /**
   * Whether the journal keeps an observation: all but the protocol paths (counted for coverage, kept in the trace;
   * no check reads them) and appends of nothing.
   */
  private static boolean journaled(Observation observation) {
    return !(observation instanceof Observation.PathTaken)
        && !(observation instanceof Observation.EntriesAppended a && a.entries().isEmpty());
  }

  /** What the harness sees on the simulated wire: journaled for the oracles, and steps for the triggers. */
  WireObserver wire() {
    return wire;
  }

  /** A node process is starting, before its system under test builds the node ({@link SutProcess}). */
  void startingSut(SutProcess process) {
    views.put(process.nodeId(), process);
    if (host.incarnation(processOf(process.nodeId())) > 1) {
      coverage.count(CoveragePath.NODE_RESTARTS);
    }
  }

  /** Node {@code nodeId} of another system under test applied log index {@code index} (the VM invariants). */
  void appliedBySut(int nodeId, io.tumbler.vm.VmStateMachine stateMachine, long index) {
    nodeEvents.applied(nodeId, stateMachine, index);
  }

  /** A note for run.json from another system under test's node, stamped with the simulated time. */
  void note(String note) {
    notes.add(String.format("t=%.3fs %s", simulation.nowNanos() / 1e9, note));
  }

  /** What another system under test's node journals. */
  void journal(JournalEntry event) {
    journalSink.accept(event);
  }

  /** The node at process {@code process} (0 if none). */
  int nodeAtProcess(int process) {
    Integer node = nodeAtProcess.get(process);
    return node == null ? 0 : node;
  }

  /** The bootstrap members, ascending (other systems under test do not change membership). */
  List<Integer> bootstrapMembers() {
    return List.copyOf(bootstrapPeers);
  }

  void crashed(int nodeId) {
    running.remove(nodeId);
    views.remove(nodeId);
    coverage.count(CoveragePath.NODE_CRASHES);
    journalSink.accept(new HarnessEvent.Crashed(simulation.nowNanos(), nodeId));
  }

  /** Fail-stop: a node that halts (failed fsync, corrupt log) is crashed; a heal restarts it. */
  void halted(int nodeId, String reason) {
    coverage.count(CoveragePath.NODE_HALTS);
    notes.add(String.format("t=%.3fs n%d halted: %s", simulation.nowNanos() / 1e9, nodeId, reason));
    simulation.schedule(simulation.nowNanos(), "halt n" + nodeId, () -> host.crash(processOf(nodeId)));
  }

  /** A node's storage reported a failed fsync (the node halts on it: fail-stop). */
  void syncFailed() {
    coverage.count(CoveragePath.FSYNC_FAILURES);
  }

  // ---- state the harness reads ------------------------------------------------------------------

  /** The live node of Tumbler's Raft {@code nodeId}, or null if it is down (or another kind runs). */
  public TumblerNode running(int nodeId) {
    TumblerNode p = running.get(nodeId);
    return p != null && host.state(processOf(nodeId)) != ProcessState.DOWN ? p : null;
  }

  /** The live node {@code nodeId} of whichever system is under test, as the harness reads it, or null if down. */
  public io.tumbler.sut.NodeView live(int nodeId) {
    io.tumbler.sut.NodeView v = views.get(nodeId);
    return v != null && host.state(processOf(nodeId)) != ProcessState.DOWN ? v : null;
  }

  /** The live leader with the highest term, or 0. */
  @Override
  public int currentLeader() {
    int leader = 0;
    long term = -1;
    for (int id : nodeIds) {
      io.tumbler.sut.NodeView p = live(id);
      if (p == null || !p.isLeader()) {
        continue;
      }
      long leaderTerm = p.term();
      if (leaderTerm > term) {
        leader = id;
        term = leaderTerm;
      }
    }
    return leader;
  }

  // ---- FaultActuator ----------------------------------------------------------------------------

  @Override
  public int[] nodes() {
    return nodeIds.clone();
  }

  /**
   * Blocks node-to-node links across groups (a node in no group is cut off from all). Clients keep reaching
   * every node, as in Jepsen — unless {@link ClusterConfig#clientsHomed}: then each client is in its home
   * node's group and its links to nodes of other groups are blocked both ways too.
   */
  @Override
  public void partition(int[][] groups) {
    int[] groupOf = new int[processes.lastKey() + 1];
    java.util.Arrays.fill(groupOf, -1);
    for (int g = 0; g < groups.length; g++) {
      for (int node : groups[g]) {
        groupOf[node] = g;
      }
    }
    network.heal();
    for (int a : nodeIds) {
      for (int b : nodeIds) {
        if (a != b && (groupOf[a] < 0 || groupOf[a] != groupOf[b])) {
          network.block(processOf(a), processOf(b));
        }
      }
    }
    if (config.clientsHomed() && clients != null) {
      partitionClients(groupOf);
    }
  }

  /**
   * Puts client {@code c} (process {@code nodes + c}, see {@link #addClients}) with its home node
   * {@code c % nodes + 1}, the replica {@link ClientProcess} serves its local reads from: it loses every node
   * of another group (every node but its home, if its home is in no group). A heal restores these links with
   * all the others.
   */
  private void partitionClients(int[] groupOf) {
    for (int c = 0; c < config.clients(); c++) {
      int clientProcess = config.nodes() + c;
      int home = c % config.nodes() + 1;
      for (int node : nodeIds) {
        if (node != home && (groupOf[home] < 0 || groupOf[home] != groupOf[node])) {
          network.block(clientProcess, processOf(node));
          network.block(processOf(node), clientProcess);
        }
      }
    }
  }

  @Override
  public void blockOneWay(int from, int to) {
    network.block(processOf(from), processOf(to));
  }

  @Override
  public void healNetwork() {
    network.heal();
    network.unclogAll();
    currentProfile = baseProfile;
    network.setDefaultProfile(baseProfile);
  }

  @Override
  public void setLoss(double rate) {
    currentProfile = currentProfile.withLossRate(rate);
    network.setDefaultProfile(currentProfile);
  }

  @Override
  public void setDuplication(double rate) {
    currentProfile = currentProfile.withDuplicationRate(rate);
    network.setDefaultProfile(currentProfile);
  }

  @Override
  public void setDelay(long minMicros, long maxMicros) {
    currentProfile = currentProfile.withLatency(new DelayDistribution.Uniform(minMicros * 1_000, maxMicros * 1_000));
    network.setDefaultProfile(currentProfile);
  }

  @Override
  public void clog(int node) {
    network.clogNode(processOf(node));
  }

  @Override
  public void unclog(int node) {
    network.unclogNode(processOf(node));
  }

  @Override
  public void clogLink(int from, int to) {
    network.clogLink(processOf(from), processOf(to));
  }

  @Override
  public void crash(int node, boolean tornWrite) {
    if (host.crash(processOf(node), tornWrite) && tornWrite) {
      coverage.count(CoveragePath.TORN_WRITES);
    }
  }

  @Override
  public void restart(int node) {
    if (isMember(node)) { // a retired node never comes back; a reserved one starts when it joins
      host.start(processOf(node));
    }
  }

  @Override
  public void pause(int node, long durationNanos) {
    if (host.pause(processOf(node), durationNanos)) {
      coverage.count(CoveragePath.NODE_PAUSES);
      long now = simulation.nowNanos();
      journalSink.accept(new HarnessEvent.Paused(now, node, now + durationNanos));
    }
  }

  @Override
  public void wipe(int node) {
    host.wipe(processOf(node));
    journalSink.accept(new HarnessEvent.Wiped(simulation.nowNanos(), node));
  }

  @Override
  public void setClock(int node, long offsetNanos, long driftPpm) {
    host.clock(processOf(node)).skew(offsetNanos, driftPpm / 1e6);
  }

  @Override
  public void setDrift(int node, long driftPpm) {
    host.clock(processOf(node)).setDrift(driftPpm / 1e6);
  }

  @Override
  public void jumpClock(int node, long deltaNanos) {
    host.clock(processOf(node)).jump(deltaNanos);
  }

  @Override
  public void flipBit(int node) {
    host.disk(processOf(node)).flipRandomBit();
  }

  @Override
  public void failNextSync(int node) {
    host.disk(processOf(node)).failNextSync();
  }

  @Override
  public void transferLeadership(int leader, int to) {
    io.tumbler.sut.NodeView v = live(leader);
    if (v instanceof SutProcess p) {
      p.transferLeadership(to);
    }
  }

  @Override
  public int addNode() {
    int id = reserveNode();
    membership.add(id);
    return id;
  }

  @Override
  public boolean removeNode(int node) {
    if (!isMember(node) || !keepsIntactMajorityWithout(node)) {
      return false;
    }
    membership.remove(node, 0);
    return true;
  }

  @Override
  public int joinNode() {
    int id = reserveNode();
    journalHandshakeHost(id, rejoinHosts.newHost(id));
    membership.join(id);
    return id;
  }

  /**
   * The host of {@code node} comes back wiped, as a new id under its next incarnation; the old id is removed. Half
   * the time (stream {@code rejoin-stale-record}) the host first asks under the identity its stale record still
   * names — its old incarnation, as a host restored from an old backup or configuration would — is refused a few
   * times, and only then moves to the next incarnation (the same new id, restarted).
   */
  @Override
  public int rejoin(int node) {
    int id = reserveNode();
    if (!isMember(node) || !survivesAnotherLostDisk(node)) {
      return 0;
    }
    boolean staleFirst = simulation.streams().stream("rejoin-stale-record").chance(0.5);
    journalHandshakeHost(id, staleFirst ? rejoinHosts.staleRecord(node, id) : rejoinHosts.nextIncarnation(node, id));
    retire(node, true);
    membership.remove(node, 0);
    if (staleFirst) {
      membership.joinFromStaleRecord(id, () -> {
        journalHandshakeHost(id, rejoinHosts.nextIncarnation(node, id));
        host.crash(processOf(id), false);
        host.start(processOf(id));
      });
    } else {
      membership.join(id);
    }
    return id;
  }

  /**
   * True if wiping {@code node} leaves a majority of the latest configuration's voters with their disks: Raft
   * survives losing a minority of disks, not more, so a disk loss is injected only while the cluster can survive it
   * (as a Jepsen nemesis keeps to minorities). The configuration is the latest any running node holds; voters
   * already wiped and not yet removed count as lost.
   */
  private boolean survivesAnotherLostDisk(int node) {
    io.tumbler.raft.LogConfiguration latest = latestConfiguration();
    if (latest == null) {
      return false;
    }
    List<Integer> voters = latest.configuration().voters();
    long intact = voters.stream().filter(v -> v != node && !retired.contains(v)).count();
    return intact >= voters.size() / 2 + 1;
  }

  /**
   * True if the voters left after removing {@code node} still hold a majority with their disks (voters wiped and
   * not yet removed count as lost), as an operator would check before removing a host: removing a healthy voter
   * while a wiped one still counts can leave a configuration no Raft recovers from (rejoin seed 8058: voters
   * {3, 4} with node 3's disk gone). Removing a learner or a non-member changes no quorum.
   */
  private boolean keepsIntactMajorityWithout(int node) {
    io.tumbler.raft.LogConfiguration latest = latestConfiguration();
    if (latest == null || !latest.configuration().isVoter(node)) {
      return true;
    }
    List<Integer> remaining = latest.configuration().voters().stream().filter(v -> v != node).toList();
    long intact = remaining.stream().filter(v -> !retired.contains(v)).count();
    return intact >= remaining.size() / 2 + 1;
  }

  /** The latest configuration any started node holds (by log index), or null before any started. */
  private io.tumbler.raft.LogConfiguration latestConfiguration() {
    io.tumbler.raft.LogConfiguration latest = null;
    for (TumblerNode p : running.values()) {
      if (!p.started()) {
        continue;
      }
      io.tumbler.raft.LogConfiguration c = p.node().configuration();
      if (latest == null || c.index() > latest.index()) {
        latest = c;
      }
    }
    return latest;
  }

  @Override
  public int joinWithBadSecret() {
    int id = reserveNode();
    journalHandshakeHost(id, rejoinHosts.impostor(id));
    membership.joinImpostor(id);
    return id;
  }

  /** Replays the latest proof captured now, and arms the nemesis to replay the next one too. */
  @Override
  public boolean replayHandshake() {
    replayNextProof = true;
    return replayCaptured();
  }

  private boolean replayCaptured() {
    TumblerNode leader = running(currentLeader());
    io.tumbler.raft.JoinProof proof = rejoinHosts.lastCaptured();
    if (leader == null || proof == null) {
      return false;
    }
    io.tumbler.raft.JoinProof readdressed = new io.tumbler.raft.JoinProof(proof.from(), leader.nodeId(), proof.term(),
        proof.hostId(), proof.incarnation(), proof.nonce(), proof.mac());
    journalSink.accept(new HarnessEvent.HandshakeReplayed(simulation.nowNanos(), leader.nodeId(), proof.from(),
        proof.nonce()));
    leader.deliver(proof.from(), readdressed);
    return true;
  }

  private void journalHandshakeHost(int id, io.tumbler.raft.membership.HostIdentity identity) {
    journalSink.accept(new HarnessEvent.HandshakeHost(simulation.nowNanos(), id, identity.hostId(),
        identity.incarnation(), rejoinHosts.authentic(identity)));
  }

  /** Reserves the replacement's id even when {@code node} is no member, so later ids do not shift. */
  @Override
  public int replaceNode(int node) {
    int replacement = reserveNode();
    if (!isMember(node)) {
      return 0;
    }
    membership.remove(node, replacement);
    return replacement;
  }

  private boolean isMember(int node) {
    for (int id : nodeIds) {
      if (id == node) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void arm(io.tumbler.fault.Fault.OnStep trigger) {
    triggers.arm(trigger);
  }

  @Override
  public void disarmAll() {
    triggers.disarmAll();
  }

  @Override
  public void healProcesses() {
    for (int id : nodeIds) {
      host.clock(processOf(id)).skew(0, 0);
      host.disk(processOf(id)).cancelSyncFailure();
      host.resume(processOf(id));
      host.start(processOf(id));
    }
  }
}
