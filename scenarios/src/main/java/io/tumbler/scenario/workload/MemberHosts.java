package io.tumbler.scenario.workload;

import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.Resources;
import io.tumbler.vm.Vm;
import io.tumbler.vm.VmCommand;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The hosts of the {@code vm-members} workload: one per cluster member, host {@code h-<node>}, registered when the
 * node joins and retired when it leaves. Retiring a host is three steps, in order: drain it (no new placements),
 * migrate off every VM the {@link VmLedger} believes is on it (the placement policy picks the target; a migration
 * refused for capacity leaves the VM there), then fail it — the node is gone for good, so whatever VM is still on
 * it (one the ledger did not know of, or one nothing had room for) becomes FAILED and unplaced, as the state
 * machine defines. The VM state machine has no deregistration: a failed host is the retired one.
 *
 * <p>Each host's commands go one at a time: the next is sent only after the previous got a definite answer, and
 * one whose client gave up (its fate unknown) is sent again. So a host's drain can never overtake its registration,
 * nor its failure its migrations. Hosts' pipelines run side by side. Capacities come from the stream given to
 * {@link #begin}, one draw pair per host in the order nodes join.
 */
final class MemberHosts implements MembershipAware {
  private static final int[] VCPUS = {4, 8, 16};
  private static final long[] MEMORY_MIB = {4096, 8192, 16384};

  /** One step of a host's life still to take. */
  private sealed interface Step {}

  /** Send this command. */
  private record Send(VmCommand command) implements Step {}

  /** Expands, when it is next, into a migration of each VM then believed to be on the host. */
  private record MigrateOff() implements Step {}

  /** One member's host and its steps, taken one at a time. */
  private static final class Pipeline {
    final String hostId;
    final Resources capacity;
    final ArrayDeque<Step> steps = new ArrayDeque<>();
    PlannedOperation inFlight;
    boolean registered;
    boolean departed;
    boolean retired;

    Pipeline(String hostId, Resources capacity) {
      this.hostId = hostId;
      this.capacity = capacity;
    }

    boolean ready() {
      return inFlight == null && !steps.isEmpty();
    }
  }

  /** By node id, ascending: the order pipelines are served in. */
  private final TreeMap<Integer, Pipeline> hosts = new TreeMap<>();
  private RandomStream capacities;

  /** Takes the stream host capacities are drawn from (a stream of their own, so no other draw shifts). */
  void begin(RandomStream stream) {
    capacities = stream;
  }

  @Override
  public void bootstrapped(int[] nodes) {
    for (int node : nodes) {
      joined(node);
    }
  }

  @Override
  public void joined(int node) {
    if (capacities == null) {
      throw new IllegalStateException("a member joined before the workload began");
    }
    if (hosts.containsKey(node)) {
      return;
    }
    Resources capacity = new Resources(VCPUS[capacities.nextInt(VCPUS.length)],
        MEMORY_MIB[capacities.nextInt(MEMORY_MIB.length)]);
    Pipeline host = new Pipeline(HostMembership.hostOf(node), capacity);
    host.steps.add(new Send(new VmCommand.RegisterHost(host.hostId, capacity)));
    hosts.put(node, host);
  }

  /** A node that never joined (a learner removed before its promotion) had no host: nothing to retire. */
  @Override
  public void left(int node) {
    Pipeline host = hosts.get(node);
    if (host == null || host.departed) {
      return;
    }
    host.departed = true;
    host.steps.add(new Send(new VmCommand.DrainHost(host.hostId)));
    host.steps.add(new MigrateOff());
    host.steps.add(new Send(new VmCommand.FailHost(host.hostId)));
  }

  @Override
  public boolean hasMembershipWork() {
    for (Pipeline host : hosts.values()) {
      if (host.ready()) {
        return true;
      }
    }
    return false;
  }

  /** The first ready host's next command, built into an operation by {@code build} and marked in flight; or null. */
  PlannedOperation next(VmLedger ledger, Function<VmCommand, PlannedOperation> build) {
    for (Pipeline host : hosts.values()) {
      if (host.inFlight != null) {
        continue;
      }
      expandMigrations(host, ledger);
      if (host.steps.peek() instanceof Send send) {
        host.inFlight = build.apply(send.command());
        return host.inFlight;
      }
    }
    return null;
  }

  private static void expandMigrations(Pipeline host, VmLedger ledger) {
    while (host.steps.peek() instanceof MigrateOff) {
      host.steps.poll();
      List<Vm> placed = ledger.vmsOn(host.hostId);
      for (int i = placed.size() - 1; i >= 0; i--) {
        host.steps.addFirst(new Send(new VmCommand.MigrateVm(placed.get(i).id(), null)));
      }
    }
  }

  /** A definite answer to {@code op}: if it was a host's step, the step is done. */
  void answered(PlannedOperation op) {
    for (Pipeline host : hosts.values()) {
      if (host.inFlight == op) {
        Step done = host.steps.poll();
        host.inFlight = null;
        VmCommand command = ((Send) done).command();
        host.registered |= command instanceof VmCommand.RegisterHost;
        host.retired |= command instanceof VmCommand.FailHost;
        return;
      }
    }
  }

  /** The client gave up on {@code op}: if it was a host's step, the step is sent again. */
  void abandoned(PlannedOperation op) {
    for (Pipeline host : hosts.values()) {
      if (host.inFlight == op) {
        host.inFlight = null;
        return;
      }
    }
  }

  @Override
  public boolean membershipSettled() {
    for (Pipeline host : hosts.values()) {
      if (host.inFlight != null || !host.steps.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** Registration of a current member's host, again (mostly refused as existing); null before any member. */
  VmCommand.RegisterHost anyMemberRegistration(RandomStream random) {
    List<Pipeline> current = new ArrayList<>();
    for (Pipeline host : hosts.values()) {
      if (!host.departed) {
        current.add(host);
      }
    }
    if (current.isEmpty()) {
      return null;
    }
    Pipeline host = current.get(random.nextInt(current.size()));
    return new VmCommand.RegisterHost(host.hostId, host.capacity);
  }

  /** Any host a member ever had, departed ones included (a migration onto one must be refused); null before any. */
  String anyHost(RandomStream random) {
    if (hosts.isEmpty()) {
      return null;
    }
    List<Pipeline> all = new ArrayList<>(hosts.values());
    return all.get(random.nextInt(all.size())).hostId;
  }

  @Override
  public HostMembership hostMembership() {
    List<Integer> ever = new ArrayList<>(hosts.keySet());
    List<Integer> registered = new ArrayList<>();
    List<Integer> retired = new ArrayList<>();
    List<Integer> departing = new ArrayList<>();
    hosts.forEach((node, host) -> {
      if (host.registered) {
        registered.add(node);
      }
      if (host.retired) {
        retired.add(node);
      } else if (host.departed) {
        departing.add(node);
      }
    });
    return new HostMembership(ever, registered, retired, departing);
  }
}
