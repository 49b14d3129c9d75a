package io.tumbler.scenario.workload;

import java.util.List;

/** The workload catalog: names as {@code --workload} and scenarios spell them. */
public final class Workloads {
  private Workloads() {}

  public static List<String> names() {
    return List.of("kv", "kv-readers", "vm", "vm-members", "paths");
  }

  /** A fresh workload for one run; an unknown name raises {@link IllegalArgumentException} listing the known ones. */
  public static Workload create(String name, int clients, ReadMode readMode) {
    return switch (name) {
      case "kv" -> new KvWorkload(5, clients, readMode);
      case "kv-readers" -> new KvWorkload(5, clients, readMode, clients / 2);
      case "vm" -> new VmWorkload();
      case "vm-members" -> VmWorkload.followingMembers();
      case "paths" -> new PathsWorkload(clients, readMode);
      default -> throw new IllegalArgumentException("unknown workload '" + name + "' (known: " + names() + ")");
    };
  }
}
