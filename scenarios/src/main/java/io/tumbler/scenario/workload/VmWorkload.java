package io.tumbler.scenario.workload;

import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.Host;
import io.tumbler.vm.RejectReason;
import io.tumbler.vm.Resources;
import io.tumbler.vm.Vm;
import io.tumbler.vm.VmCodec;
import io.tumbler.vm.VmCommand;
import io.tumbler.vm.VmOperationKind;
import io.tumbler.vm.VmQuery;
import io.tumbler.vm.VmResult;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vm}: VM lifecycle and placement driven to its edges (model {@code vm}). Clients register, drain,
 * fail and recover 4 hosts (each host's capacity drawn per run: 4, 8 or 16 vCPUs and 4, 8 or 16 GiB) and
 * create, start, stop, migrate, delete and read 12 VM ids.
 *
 * <p>Beyond random operations it aims at the boundaries, steered by a {@link VmLedger} of what replies
 * said: VMs sized to exactly the room a host has left (hosts at 100% of vCPUs and/or memory), creates
 * refused for capacity and retried later with the same id and size, migrations onto a host that is full
 * and onto one with exactly enough room, a delete racing a migration of the same VM, start/stop/delete of
 * VMs in every status, drain/fail/recover of hosts that hold VMs, and operations on ids that never exist.
 * Which of these a run does, and how much, is a swarm drawn per run ({@link OperationMix}).
 *
 * <p>{@code vm-members} ({@link #followingMembers()}): the same, except that the hosts are the cluster's members,
 * {@code h-<node>} ({@link MemberHosts}): each registered when its node joins (the bootstrap members first) and
 * drained, emptied and failed when it leaves, by commands that go before any random one. Random operations then
 * never drain, fail or recover a host: a recover whose client gave up could take effect after a departed host's
 * failure and bring it back, and the run could no longer promise that a departed member holds no VM.
 */
public final class VmWorkload implements Workload {
  private static final int HOSTS = 4;
  private static final int VMS = 12;
  private static final int FOLLOW_UPS_MAX = 6;
  private static final int REFUSED_KEPT_MAX = 8;
  /** Ids that are never registered or created: every command on them must be refused as not found. */
  static final String GHOST_VM = "v-ghost";
  static final String GHOST_HOST = "h-ghost";

  /** The kinds of operation the swarm weighs. */
  enum Move {
    REGISTER_HOST, DRAIN_HOST, FAIL_HOST, RECOVER_HOST, CREATE, CREATE_EXACT_FIT, RETRY_REFUSED_CREATE,
    START, STOP, DELETE, MIGRATE, MIGRATE_TO_FULL_HOST, MIGRATE_TO_EXACT_ROOM, GET_VM, GET_HOST, UNKNOWN_ID
  }

  private final VmLedger ledger = new VmLedger();
  private final Resources[] capacities = new Resources[HOSTS];
  /** Commands to send soon, by whichever client asks next: deletes chasing migrations, retried creates. */
  private final ArrayDeque<VmCommand> followUps = new ArrayDeque<>();
  private final List<VmCommand.CreateVm> refusedCreates = new ArrayList<>();
  /** VM ids whose refused create is queued as a follow-up: a second refusal is not queued again. */
  private final java.util.TreeSet<String> retryQueued = new java.util.TreeSet<>();
  private OperationMix<Move> mix = OperationMix.uniform(Move.class);
  /** The member hosts, or null: the 4 fixed hosts {@code h0..h3}. */
  private final MemberHosts members;

  public VmWorkload() {
    this(null);
  }

  private VmWorkload(MemberHosts members) {
    this.members = members;
    java.util.Arrays.fill(capacities, new Resources(8, 8192));
  }

  /** {@code vm-members}: the hosts are the cluster's members, registered as they join and retired as they leave. */
  public static VmWorkload followingMembers() {
    return new VmWorkload(new MemberHosts());
  }

  @Override
  public String name() {
    return members == null ? "vm" : "vm-members";
  }

  @Override
  public String model() {
    return "vm";
  }

  @Override
  public void begin(RandomStream run) {
    if (members != null) {
      members.begin(run.stream("member-hosts"));
      // Registration follows membership: a random register-host only re-registers a member (refused), so it is
      // not always on here.
      mix = OperationMix.drawn(Move.class, run, EnumSet.of(Move.CREATE, Move.CREATE_EXACT_FIT, Move.GET_HOST))
          .without(EnumSet.of(Move.DRAIN_HOST, Move.FAIL_HOST, Move.RECOVER_HOST));
      return;
    }
    int[] vcpus = {4, 8, 16};
    long[] memoryMib = {4096, 8192, 16384};
    for (int i = 0; i < HOSTS; i++) {
      capacities[i] = new Resources(vcpus[run.nextInt(vcpus.length)], memoryMib[run.nextInt(memoryMib.length)]);
    }
    mix = OperationMix.drawn(Move.class, run, EnumSet.of(Move.REGISTER_HOST, Move.RECOVER_HOST, Move.CREATE,
        Move.CREATE_EXACT_FIT, Move.GET_HOST));
  }

  @Override
  public boolean forcesRetries() {
    return true;
  }

  /** The run's operation mix (for tests and reports). */
  OperationMix<Move> mix() {
    return mix;
  }

  @Override
  public PlannedOperation next(RandomStream random, int client) {
    PlannedOperation membership = members == null ? null : members.next(ledger, c -> command(client, c));
    if (membership != null) {
      return membership;
    }
    if (!followUps.isEmpty() && random.chance(0.75)) {
      return command(client, followUps.poll());
    }
    Move move = mix.pick(random);
    boolean creating = move == Move.CREATE || move == Move.CREATE_EXACT_FIT || move == Move.RETRY_REFUSED_CREATE;
    if (creating && ledger.hostsWithRoom().isEmpty() && !ledger.allVms().isEmpty() && random.chance(0.5)) {
      // Believed full: free some room, so that the refused creates' retries can succeed (or just fit).
      List<Vm> all = ledger.allVms();
      return command(client, new VmCommand.DeleteVm(all.get(random.nextInt(all.size())).id()));
    }
    switch (move) {
      case GET_VM:
        return getVm(client, pickVm(random));
      case GET_HOST:
        return getHost(client, pickHost(random));
      case UNKNOWN_ID:
        return unknownId(random, client);
      default:
        return command(client, plan(move, random));
    }
  }

  private VmCommand plan(Move move, RandomStream random) {
    switch (move) {
      case REGISTER_HOST: {
        if (members != null) {
          // Only members' hosts are ever registered; with no member left to re-register, a refused no-op.
          VmCommand.RegisterHost again = members.anyMemberRegistration(random);
          return again != null ? again : new VmCommand.DrainHost(GHOST_HOST);
        }
        int h = random.nextInt(HOSTS);
        return new VmCommand.RegisterHost("h" + h, capacities[h]);
      }
      case DRAIN_HOST:
        return new VmCommand.DrainHost(hostHoldingVms(random));
      case FAIL_HOST:
        return new VmCommand.FailHost(hostHoldingVms(random));
      case RECOVER_HOST:
        return new VmCommand.RecoverHost(pickHost(random));
      case CREATE:
        return new VmCommand.CreateVm(pickVm(random), latticeSize(random));
      case CREATE_EXACT_FIT:
        return createExactFit(random);
      case RETRY_REFUSED_CREATE:
        return retryRefusedCreate(random);
      case START:
        return new VmCommand.StartVm(vmInAnyStatus(random));
      case STOP:
        return new VmCommand.StopVm(vmInAnyStatus(random));
      case DELETE:
        return new VmCommand.DeleteVm(vmInAnyStatus(random));
      default: {
        VmCommand.MigrateVm migrate = VmMigrations.plan(move, random, ledger, pickVm(random), pickHost(random));
        if (random.chance(0.5)) {
          followUp(new VmCommand.DeleteVm(migrate.vmId())); // a delete racing the migration, or right after it
        }
        return migrate;
      }
    }
  }

  /** A size from the 1-4 vCPU x 1-4 GiB lattice, which sums to host capacities exactly. */
  static Resources latticeSize(RandomStream random) {
    return new Resources(1 + random.nextInt(4), 1024L * (1 + random.nextInt(4)));
  }

  /** A new VM sized to exactly the room a host has left, in both resources or in one. */
  private VmCommand createExactFit(RandomStream random) {
    List<String> roomy = ledger.hostsWithRoom();
    if (roomy.isEmpty()) {
      return new VmCommand.CreateVm(absentVm(random), latticeSize(random));
    }
    Resources free = ledger.free(roomy.get(random.nextInt(roomy.size())));
    Resources lattice = latticeSize(random);
    Resources size;
    switch (random.nextInt(3)) {
      case 0:
        size = free;
        break;
      case 1:
        size = new Resources(free.vcpus(), Math.min(free.memoryMib(), lattice.memoryMib()));
        break;
      default:
        size = new Resources(Math.min(free.vcpus(), lattice.vcpus()), free.memoryMib());
        break;
    }
    return new VmCommand.CreateVm(absentVm(random), size);
  }

  /**
   * A create refused for capacity earlier, sent again with the same id and size (room may have been freed
   * since, or not); with none refused yet, a create one lattice step larger than the most room any host
   * is believed to have, so that it is refused and can be retried.
   */
  private VmCommand retryRefusedCreate(RandomStream random) {
    if (!refusedCreates.isEmpty()) {
      return refusedCreates.remove(random.nextInt(refusedCreates.size()));
    }
    if (ledger.hostsWithRoom().isEmpty()) {
      return new VmCommand.CreateVm(absentVm(random), latticeSize(random));
    }
    Resources most = Resources.NONE;
    for (String host : ledger.hostsWithRoom()) {
      Resources free = ledger.free(host);
      most = free.memoryMib() > most.memoryMib() ? free : most;
    }
    Resources size = new Resources(Math.min(16, most.vcpus() + 1), Math.min(16384, most.memoryMib() + 1024));
    return new VmCommand.CreateVm(absentVm(random), size);
  }

  private PlannedOperation unknownId(RandomStream random, int client) {
    switch (random.nextInt(6)) {
      case 0:
        return getVm(client, GHOST_VM);
      case 1:
        return getHost(client, GHOST_HOST);
      case 2:
        return command(client, new VmCommand.MigrateVm(pickVm(random), GHOST_HOST));
      case 3:
        return command(client, random.chance(0.5) ? new VmCommand.StartVm(GHOST_VM) : new VmCommand.DeleteVm(GHOST_VM));
      case 4:
        return command(client, random.chance(0.5) ? new VmCommand.DrainHost(GHOST_HOST) : new VmCommand.RecoverHost(GHOST_HOST));
      default:
        return command(client, random.chance(0.5) ? new VmCommand.FailHost(GHOST_HOST) : new VmCommand.MigrateVm(GHOST_VM, null));
    }
  }

  private String pickVm(RandomStream random) {
    return "v" + random.nextInt(VMS);
  }

  private String pickHost(RandomStream random) {
    String member = members == null ? null : members.anyHost(random);
    return member != null ? member : "h" + random.nextInt(HOSTS);
  }

  /** An id the ledger does not know (a few tries), so that creates mostly create. */
  private String absentVm(RandomStream random) {
    String id = pickVm(random);
    for (int tries = 0; tries < 4 && ledger.vm(id).isPresent(); tries++) {
      id = pickVm(random);
    }
    return id;
  }

  /** Mostly a host believed to hold VMs: draining or failing an empty host tests little. */
  private String hostHoldingVms(RandomStream random) {
    List<String> holding = ledger.hostsHoldingVms();
    return holding.isEmpty() || random.chance(0.3) ? pickHost(random) : holding.get(random.nextInt(holding.size()));
  }

  /** A VM believed stopped, running or failed, or one believed absent: each status equally often. */
  private String vmInAnyStatus(RandomStream random) {
    int bucket = random.nextInt(4);
    List<Vm> candidates = bucket == 3 ? List.of() : ledger.vmsIn(io.tumbler.vm.VmStatus.values()[bucket]);
    return candidates.isEmpty() ? (bucket == 3 ? absentVm(random) : pickVm(random))
        : candidates.get(random.nextInt(candidates.size())).id();
  }

  private static PlannedOperation command(int client, VmCommand command) {
    return PlannedOperation.command(client, VmOperationKind.of(command).f(), historyValue(command),
        VmCodec.encodeCommand(command));
  }

  private static PlannedOperation getVm(int client, String vm) {
    return query(client, new VmQuery.GetVm(vm), "get-vm", Map.of("vm", vm));
  }

  private static PlannedOperation getHost(int client, String host) {
    return query(client, new VmQuery.GetHost(host), "get-host", Map.of("host", host));
  }

  private static PlannedOperation query(int client, VmQuery query, String f, Map<String, Object> value) {
    // VM reads are linearizable: the vm model has no notion of a stale replica.
    return PlannedOperation.read(client, f, new LinkedHashMap<>(value), io.tumbler.raft.node.ReadMode.LINEARIZABLE,
        VmCodec.encodeQuery(query));
  }

  /** The invocation value in the {@code vm} model's vocabulary. */
  static Map<String, Object> historyValue(VmCommand command) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (command instanceof VmCommand.RegisterHost c) {
      out.put("host", c.hostId());
      putSize(out, c.capacity());
    } else if (command instanceof VmCommand.DrainHost c) {
      out.put("host", c.hostId());
    } else if (command instanceof VmCommand.FailHost c) {
      out.put("host", c.hostId());
    } else if (command instanceof VmCommand.RecoverHost c) {
      out.put("host", c.hostId());
    } else if (command instanceof VmCommand.CreateVm c) {
      out.put("vm", c.vmId());
      putSize(out, c.size());
    } else if (command instanceof VmCommand.StartVm c) {
      out.put("vm", c.vmId());
    } else if (command instanceof VmCommand.StopVm c) {
      out.put("vm", c.vmId());
    } else if (command instanceof VmCommand.DeleteVm c) {
      out.put("vm", c.vmId());
    } else if (command instanceof VmCommand.MigrateVm c) {
      out.put("vm", c.vmId());
      if (c.targetHostId() != null) {
        out.put("host", c.targetHostId());
      }
    } else {
      throw new IllegalArgumentException("the vm workload never sends " + command);
    }
    return out;
  }

  private static void putSize(Map<String, Object> out, Resources size) {
    out.put("vcpus", (long) size.vcpus());
    out.put("memoryMib", size.memoryMib());
  }

  @Override
  public Completion complete(PlannedOperation op, byte[] result) {
    VmResult r = VmCodec.decodeResult(result);
    @SuppressWarnings("unchecked")
    Map<String, Object> invoked = (Map<String, Object>) op.value();
    learn(op, invoked, r);
    if (members != null) {
      members.answered(op);
    }
    if (!r.isOk() || r instanceof VmResult.Absent) {
      return Completion.fail(invoked, VmRejections.reason(r));
    }
    if (r instanceof VmResult.VmInfo info && !op.f().equals("start-vm") && !op.f().equals("stop-vm")) {
      return Completion.ok(describe(info.vm(), op.f().equals("get-vm")));
    }
    if (r instanceof VmResult.HostInfo info && op.f().equals("get-host")) {
      return Completion.ok(describe(info.host()));
    }
    return Completion.ok(invoked);
  }

  @Override
  public void abandoned(PlannedOperation op) {
    if (members != null) {
      members.abandoned(op);
    }
  }

  @Override
  public java.util.Optional<MembershipAware> membershipAware() {
    return java.util.Optional.ofNullable(members);
  }

  /** Updates the ledger, and keeps a create refused for capacity to retry it later. */
  private void learn(PlannedOperation op, Map<String, Object> invoked, VmResult r) {
    ledger.learn(r);
    boolean vmGone = r instanceof VmResult.Rejected rejected && rejected.reason() == RejectReason.UNKNOWN_VM
        || r instanceof VmResult.Absent && op.f().equals("get-vm");
    if (vmGone && invoked.get("vm") instanceof String vm) {
      ledger.forgetVm(vm);
    }
    if (op.f().equals("create-vm")) {
      rememberRefusal(invoked, r instanceof VmResult.NoCapacity);
    }
  }

  /**
   * Keeps a create refused for capacity to retry it: soon (a follow-up, once per id) and later (the
   * {@code RETRY_REFUSED_CREATE} move). Without the once-per-id rule a full cluster would spend the run
   * retrying the same refused creates.
   */
  private void rememberRefusal(Map<String, Object> invoked, boolean refusedForCapacity) {
    String vm = (String) invoked.get("vm");
    boolean queuedBefore = retryQueued.remove(vm);
    if (!refusedForCapacity) {
      return;
    }
    VmCommand.CreateVm again = new VmCommand.CreateVm(vm,
        new Resources((int) (long) (Long) invoked.get("vcpus"), (Long) invoked.get("memoryMib")));
    refusedCreates.removeIf(c -> c.vmId().equals(vm));
    if (refusedCreates.size() < REFUSED_KEPT_MAX) {
      refusedCreates.add(again);
    }
    if (!queuedBefore && followUps.size() < FOLLOW_UPS_MAX) {
      retryQueued.add(vm);
      followUps.add(again);
    }
  }

  /** Queues a command for the next client that asks (bounded: beyond the bound it is dropped). */
  void followUp(VmCommand command) {
    if (followUps.size() < FOLLOW_UPS_MAX) {
      followUps.add(command);
    }
  }

  private static Map<String, Object> describe(Vm vm, boolean full) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("vm", vm.id());
    out.put("host", vm.hostId());
    if (full) {
      out.put("status", vm.status().name().toLowerCase(Locale.ROOT));
      out.put("vcpus", (long) vm.size().vcpus());
      out.put("memoryMib", vm.size().memoryMib());
    }
    return out;
  }

  private static Map<String, Object> describe(Host host) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("host", host.id());
    out.put("state", host.state().name().toLowerCase(Locale.ROOT));
    out.put("vcpus", (long) host.capacity().vcpus());
    out.put("memoryMib", host.capacity().memoryMib());
    out.put("reservedVcpus", (long) host.reserved().vcpus());
    out.put("reservedMemoryMib", host.reserved().memoryMib());
    return out;
  }
}
