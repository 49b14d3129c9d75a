package io.tumbler.lin.model.vm;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.model.FailureMeaning;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code vm}: the client-visible semantics of the VM-orchestration service (DESIGN.md, "The seam").
 *
 * <p>The model checks what a client can observe without replicating the service's placement policy: a
 * {@code create-vm} whose ok result names a host is legal iff that host was active and had room; a
 * {@code no-capacity} refusal is legal iff no active host had room. Every call's {@code value} is a JSON
 * object; the vocabulary (the workload generator emits exactly this; also in the module README):
 *
 * <table>
 *   <caption>vm operations</caption>
 *   <tr><th>f</th><th>invoke value</th><th>ok value</th><th>effect when ok (or indeterminate and it took effect)</th></tr>
 *   <tr><td>register-host</td><td>{"host", "vcpus", "memoryMib"}</td><td>any</td><td>unknown host becomes active</td></tr>
 *   <tr><td>drain-host</td><td>{"host"}</td><td>any</td><td>active -> draining (draining: no change)</td></tr>
 *   <tr><td>fail-host</td><td>{"host"}</td><td>any</td><td>active|draining -> failed, its VMs -> failed and unplaced (failed: no change)</td></tr>
 *   <tr><td>recover-host</td><td>{"host"}</td><td>any</td><td>draining|failed -> active, empty (active: no change)</td></tr>
 *   <tr><td>create-vm</td><td>{"vm", "vcpus", "memoryMib"}</td><td>{"vm", "host", ...}</td><td>new VM stopped on "host", which was active with room; without "host" (indeterminate) any such host</td></tr>
 *   <tr><td>start-vm</td><td>{"vm"}</td><td>any</td><td>stopped -> running (running: no change)</td></tr>
 *   <tr><td>stop-vm</td><td>{"vm"}</td><td>any</td><td>running -> stopped (stopped: no change)</td></tr>
 *   <tr><td>delete-vm</td><td>{"vm"}</td><td>any</td><td>the VM is gone, its reservation freed</td></tr>
 *   <tr><td>migrate-vm</td><td>{"vm", "host"?}</td><td>{"vm", "host", ...}</td><td>VM moves to the target (active, not its current host, with room); failed -> stopped, else status kept</td></tr>
 *   <tr><td>get-vm</td><td>{"vm"}</td><td>{"vm", "status", "host", "vcpus"?, "memoryMib"?}</td><td>none; every field present must match</td></tr>
 *   <tr><td>get-host</td><td>{"host"}</td><td>{"host", "state", "vcpus"?, "memoryMib"?, "reservedVcpus"?, "reservedMemoryMib"?}</td><td>none; every field present must match</td></tr>
 * </table>
 *
 * <p>A {@code fail} whose {@code error} is {@code "exists"}, {@code "not-found"}, {@code "no-capacity"}
 * or {@code "invalid-state"} is a refusal the state machine made; the model requires the reason to hold
 * when it is linearized (idempotent repeats, such as draining a draining host, may be refused with
 * {@code invalid-state} or succeed). Any other {@code fail} means the command did not take effect. Not
 * partitioned: capacity couples every VM to every host.
 */
public final class VmModel implements Model<VmClusterState> {
  /** Commands that name an existing host. */
  static final List<String> HOST_COMMANDS = List.of("drain-host", "fail-host", "recover-host", "get-host");
  /** Commands that name an existing VM (besides migrate-vm). */
  static final List<String> VM_COMMANDS = List.of("start-vm", "stop-vm", "delete-vm", "get-vm");

  @Override
  public String name() {
    return "vm";
  }

  @Override
  public VmClusterState initialState() {
    return VmClusterState.EMPTY;
  }

  @Override
  public FailureMeaning failureMeaning(Call call) {
    Object error = call.error();
    return error != null && VmRejection.REASONS.contains(reasonName(error))
        ? FailureMeaning.DEFINITE_RESPONSE : FailureMeaning.DID_NOT_HAPPEN;
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.isFailed() || call.f().equals("get-vm") || call.f().equals("get-host");
  }

  private static String reasonName(Object error) {
    String text = String.valueOf(error);
    return text.startsWith(":") ? text.substring(1) : text;
  }

  @Override
  public List<VmClusterState> step(VmClusterState state, Call call) {
    VmRequest request = VmRequest.of(call);
    if (call.isFailed()) {
      return VmRejection.holds(state, request, reasonName(call.error())) ? List.of(state) : List.of();
    }
    switch (call.f()) {
      case "register-host":
        return registerHost(state, request);
      case "drain-host":
      case "fail-host":
      case "recover-host":
        return changeHost(state, request);
      case "create-vm":
        return createVm(state, request);
      case "start-vm":
      case "stop-vm":
      case "delete-vm":
        return changeVm(state, request);
      case "migrate-vm":
        return migrateVm(state, request);
      case "get-vm":
        return call.isIndeterminate() || VmReads.vmMatches(state, request) ? List.of(state) : List.of();
      case "get-host":
        return call.isIndeterminate() || VmReads.hostMatches(state, request) ? List.of(state) : List.of();
      default:
        throw new IllegalArgumentException("model vm has no operation '" + call.f() + "' (" + call + ")");
    }
  }

  private static List<VmClusterState> registerHost(VmClusterState state, VmRequest request) {
    String host = request.host();
    if (host == null || state.hosts().containsKey(host)) {
      return List.of();
    }
    HostRecord record = new HostRecord(HostPhase.ACTIVE, request.amount("vcpus"), request.amount("memoryMib"));
    return List.of(state.withHost(host, record));
  }

  /** Whether {@code command} must (or, for an idempotent repeat, may) be refused in {@code phase}. */
  static boolean hostRefusal(String command, HostPhase phase) {
    switch (command) {
      case "drain-host":
        return phase != HostPhase.ACTIVE;
      case "fail-host":
        return phase == HostPhase.FAILED;
      case "recover-host":
        return phase == HostPhase.ACTIVE;
      default:
        throw new IllegalStateException("not a host command: " + command);
    }
  }

  private static List<VmClusterState> changeHost(VmClusterState state, VmRequest request) {
    String host = request.text("host");
    HostRecord record = state.hosts().get(host);
    if (record == null) {
      return List.of();
    }
    String command = request.call().f();
    HostPhase target = command.equals("drain-host") ? HostPhase.DRAINING
        : command.equals("fail-host") ? HostPhase.FAILED : HostPhase.ACTIVE;
    if (record.phase() == target) {
      return List.of(state);
    }
    if (hostRefusal(command, record.phase())) {
      return List.of();
    }
    return List.of(target == HostPhase.FAILED ? state.afterHostFailure(host) : state.withHost(host, record.in(target)));
  }

  private static List<VmClusterState> createVm(VmClusterState state, VmRequest request) {
    String vm = request.vm();
    if (state.vms().containsKey(vm)) {
      return List.of();
    }
    long vcpus = request.amount("vcpus");
    long memoryMib = request.amount("memoryMib");
    List<String> candidates = candidates(state, request.host(), vcpus, memoryMib, null);
    List<VmClusterState> next = new ArrayList<>(candidates.size());
    for (String host : candidates) {
      next.add(state.withVm(vm, new VmRecord(VmPhase.STOPPED, host, vcpus, memoryMib)));
    }
    return next;
  }

  /** The hosts a placement may have chosen: the named one if it fits, else every active host with room. */
  private static List<String> candidates(VmClusterState state, String named, long vcpus, long memoryMib, String current) {
    if (named == null) {
      return state.hostsWithRoom(vcpus, memoryMib, current);
    }
    return !named.equals(current) && state.hasRoom(named, vcpus, memoryMib) ? List.of(named) : List.of();
  }

  private static List<VmClusterState> changeVm(VmClusterState state, VmRequest request) {
    String id = request.vm();
    VmRecord vm = state.vms().get(id);
    if (vm == null) {
      return List.of();
    }
    switch (request.call().f()) {
      case "delete-vm":
        return List.of(state.withVm(id, null));
      case "start-vm":
        return vm.phase() == VmPhase.RUNNING ? List.of(state)
            : vm.phase() == VmPhase.STOPPED ? List.of(state.withVm(id, withPhase(vm, VmPhase.RUNNING))) : List.of();
      default:
        return vm.phase() == VmPhase.STOPPED ? List.of(state)
            : vm.phase() == VmPhase.RUNNING ? List.of(state.withVm(id, withPhase(vm, VmPhase.STOPPED))) : List.of();
    }
  }

  private static VmRecord withPhase(VmRecord vm, VmPhase phase) {
    return new VmRecord(phase, vm.host(), vm.vcpus(), vm.memoryMib());
  }

  private static List<VmClusterState> migrateVm(VmClusterState state, VmRequest request) {
    String id = request.vm();
    VmRecord vm = state.vms().get(id);
    if (vm == null) {
      return List.of();
    }
    VmPhase phase = vm.phase() == VmPhase.FAILED ? VmPhase.STOPPED : vm.phase();
    List<VmClusterState> next = new ArrayList<>();
    for (String host : candidates(state, request.host(), vm.vcpus(), vm.memoryMib(), vm.host())) {
      next.add(state.withVm(id, new VmRecord(phase, host, vm.vcpus(), vm.memoryMib())));
    }
    return next;
  }

  @Override
  public String describeState(VmClusterState state) {
    StringBuilder out = new StringBuilder("hosts{");
    for (Map.Entry<String, HostRecord> host : state.hosts().entrySet()) {
      HostRecord h = host.getValue();
      out.append(' ').append(host.getKey()).append(':').append(h.phase().wireName()).append(' ')
          .append(state.reservedVcpus(host.getKey())).append('/').append(h.vcpus()).append("vcpu ")
          .append(state.reservedMemoryMib(host.getKey())).append('/').append(h.memoryMib()).append("MiB");
    }
    out.append(" } vms{");
    for (Map.Entry<String, VmRecord> vm : state.vms().entrySet()) {
      out.append(' ').append(vm.getKey()).append(':').append(vm.getValue().phase().wireName())
          .append('@').append(Objects.toString(vm.getValue().host(), "-"));
    }
    return out.append(" }").toString();
  }
}
