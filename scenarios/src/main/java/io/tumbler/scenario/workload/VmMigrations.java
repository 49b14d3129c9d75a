package io.tumbler.scenario.workload;

import io.tumbler.sim.random.RandomStream;
import io.tumbler.vm.Resources;
import io.tumbler.vm.Vm;
import io.tumbler.vm.VmCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code vm} workload's migrations: anywhere (the placement policy picks), onto a host believed full
 * (must be refused for capacity), and onto a host believed to have exactly enough room in at least one
 * resource (must succeed and fill it). Beliefs come from the {@link VmLedger}; when it knows no such pair
 * the migration falls back to the given random VM and host.
 */
final class VmMigrations {
  private VmMigrations() {}

  static VmCommand.MigrateVm plan(VmWorkload.Move move, RandomStream random, VmLedger ledger, String anyVm,
      String anyHost) {
    switch (move) {
      case MIGRATE:
        return new VmCommand.MigrateVm(anyVm, random.chance(0.5) ? anyHost : null);
      case MIGRATE_TO_FULL_HOST:
        return toFullHost(random, ledger, anyVm, anyHost);
      case MIGRATE_TO_EXACT_ROOM:
        return toExactRoom(random, ledger, anyVm, anyHost);
      default:
        throw new IllegalArgumentException("not a migration: " + move);
    }
  }

  private static VmCommand.MigrateVm toFullHost(RandomStream random, VmLedger ledger, String anyVm, String anyHost) {
    List<Vm> vms = ledger.allVms();
    if (vms.isEmpty()) {
      return new VmCommand.MigrateVm(anyVm, anyHost);
    }
    Vm vm = vms.get(random.nextInt(vms.size()));
    List<String> full = ledger.activeHostsWithout(vm.size(), vm.hostId());
    return new VmCommand.MigrateVm(vm.id(), full.isEmpty() ? anyHost : full.get(random.nextInt(full.size())));
  }

  private static VmCommand.MigrateVm toExactRoom(RandomStream random, VmLedger ledger, String anyVm, String anyHost) {
    List<VmCommand.MigrateVm> exact = new ArrayList<>();
    for (Vm vm : ledger.allVms()) {
      for (String host : ledger.hostsWithRoom()) {
        Resources free = ledger.free(host);
        boolean fits = vm.size().fitsWithin(free) && !host.equals(vm.hostId());
        if (fits && (vm.size().vcpus() == free.vcpus() || vm.size().memoryMib() == free.memoryMib())) {
          exact.add(new VmCommand.MigrateVm(vm.id(), host));
        }
      }
    }
    return exact.isEmpty() ? new VmCommand.MigrateVm(anyVm, anyHost) : exact.get(random.nextInt(exact.size()));
  }
}
