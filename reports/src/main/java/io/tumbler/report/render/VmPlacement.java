package io.tumbler.report.render;

import com.fasterxml.jackson.databind.JsonNode;
import io.tumbler.runformat.HistoryEvent;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the VMs were at the end of a vm-workload run, as the clients last saw it: the last ok {@code get-host}
 * of each host (capacity, reservations, state) and the last ok {@code get-vm} of each VM (host, status, size)
 * in {@code history.jsonl}. These are observations at different times, not one snapshot; a host or VM that was
 * never read does not appear.
 *
 * @param hosts host id to its last observation, in natural order (h2 before h10)
 * @param vms vm id to its last observation, in natural order
 */
record VmPlacement(Map<String, HostSeen> hosts, Map<String, VmSeen> vms) {
  /** Ids compared by length first, so numbered ids sort numerically. */
  static final Comparator<String> NATURAL = Comparator.comparingInt(String::length).thenComparing(s -> s);

  /** A host as one {@code get-host} saw it. */
  record HostSeen(String state, long vcpus, long memoryMib, long reservedVcpus, long reservedMemoryMib) {}

  /** A VM as one {@code get-vm} saw it; {@code host} is empty when unplaced. */
  record VmSeen(String host, String status, long vcpus, long memoryMib) {}

  /** The last observations in {@code history}; both maps empty when it holds no ok get-host or get-vm. */
  static VmPlacement of(List<HistoryEvent> history) {
    Map<String, HostSeen> hosts = new TreeMap<>(NATURAL);
    Map<String, VmSeen> vms = new TreeMap<>(NATURAL);
    for (HistoryEvent line : history) {
      if (!"ok".equals(line.type())) {
        continue;
      }
      JsonNode v = line.valueOrMissing();
      String f = line.f() == null ? "" : line.f();
      if (f.equals("get-host") && v.hasNonNull("host")) {
        hosts.put(v.path("host").asText(), new HostSeen(v.path("state").asText("?"), v.path("vcpus").asLong(),
            v.path("memoryMib").asLong(), v.path("reservedVcpus").asLong(), v.path("reservedMemoryMib").asLong()));
      } else if (f.equals("get-vm") && v.hasNonNull("vm")) {
        vms.put(v.path("vm").asText(), new VmSeen(v.path("host").isNull() ? "" : v.path("host").asText(""),
            v.path("status").asText("?"), v.path("vcpus").asLong(), v.path("memoryMib").asLong()));
      }
    }
    return new VmPlacement(hosts, vms);
  }

  boolean isEmpty() {
    return hosts.isEmpty() && vms.isEmpty();
  }

  /** Every host named by a host or a VM observation, in natural order. */
  List<String> hostIds() {
    TreeMap<String, Boolean> ids = new TreeMap<>(NATURAL);
    hosts.keySet().forEach(h -> ids.put(h, true));
    vms.values().stream().filter(v -> !v.host().isEmpty()).forEach(v -> ids.put(v.host(), true));
    return List.copyOf(ids.keySet());
  }
}
