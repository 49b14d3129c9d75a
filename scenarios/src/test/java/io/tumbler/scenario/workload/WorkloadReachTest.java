package io.tumbler.scenario.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import io.tumbler.raft.node.Observation;
import io.tumbler.scenario.journal.JournalEntry;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunArtifacts;
import io.tumbler.scenario.run.ScenarioCatalog;
import io.tumbler.scenario.run.ScenarioRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code vm} and {@code paths} workloads reach the edges they are built for, read from what real
 * simulated runs recorded (the history and the journal), over a handful of seeds of the catalog scenarios
 * that use them — and the correct cluster passes every check on those runs.
 */
class WorkloadReachTest {
  private static final long[] SEEDS = {1, 2, 3};
  private static final List<RunArtifacts> VM_RUNS = new ArrayList<>();
  private static final List<RunArtifacts> PATHS_RUNS = new ArrayList<>();

  @BeforeAll
  static void run() {
    ScenarioRunner runner = new ScenarioRunner(false, Duration.ofSeconds(60));
    for (long seed : SEEDS) {
      VM_RUNS.add(runner.run(ScenarioCatalog.named("vm-placement"), seed));
      PATHS_RUNS.add(runner.run(ScenarioCatalog.named("path-store"), seed));
    }
  }

  @Test
  void theCorrectClusterPassesEveryRun() {
    for (RunArtifacts run : concat(VM_RUNS, PATHS_RUNS)) {
      assertEquals(Outcome.PASS, run.result().outcome(), () -> run.scenario().name() + " seed " + run.result().seed()
          + ": " + run.result().checks());
    }
  }

  @Test
  void vmWorkloadFillsHostsExactlyAndIsRefusedForCapacity() {
    int fullHostsSeen = 0;
    int refusedThenRetried = 0;
    int migrationsToFullHostRefused = 0;
    for (RunArtifacts run : VM_RUNS) {
      List<Operation> ops = run.history().operations();
      for (int i = 0; i < ops.size(); i++) {
        Operation op = ops.get(i);
        Map<?, ?> v = (Map<?, ?>) op.value();
        if (op.type() == OpType.OK && op.f().equals("get-host")
            && (v.get("reservedVcpus").equals(v.get("vcpus")) || v.get("reservedMemoryMib").equals(v.get("memoryMib")))) {
          fullHostsSeen++;
        }
        if (isFail(op, "create-vm", "no-capacity") && invokedLater(ops, i, "create-vm", v)) {
          refusedThenRetried++;
        }
        if (isFail(op, "migrate-vm", "no-capacity") && v.containsKey("host")) {
          migrationsToFullHostRefused++;
        }
      }
    }
    assertTrue(fullHostsSeen >= 3, "reads of a host at exactly 100% of vCPUs or memory: " + fullHostsSeen);
    assertTrue(refusedThenRetried >= 3, "creates refused for capacity and retried with the same id and size: "
        + refusedThenRetried);
    assertTrue(migrationsToFullHostRefused >= 1, "migrations onto a named full host refused: "
        + migrationsToFullHostRefused);
  }

  @Test
  void vmWorkloadDeletesDuringMigrationsAndUsesUnknownIds() {
    int deletesDuringMigrate = 0;
    int ghostRefusals = 0;
    for (RunArtifacts run : VM_RUNS) {
      List<Operation> ops = run.history().operations();
      Map<Object, Operation> pending = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
      for (Operation op : ops) {
        Map<?, ?> v = (Map<?, ?>) op.value();
        if (op.type() == OpType.INVOKE && op.f().equals("delete-vm")
            && pending.values().stream().anyMatch(m -> m.f().equals("migrate-vm") && v.get("vm").equals(valueOf(m, "vm")))) {
          deletesDuringMigrate++;
        }
        if (op.type() != OpType.INVOKE && "not-found".equals(op.extra().get("error"))
            && (VmWorkload.GHOST_VM.equals(v.get("vm")) || VmWorkload.GHOST_HOST.equals(v.get("host")))) {
          ghostRefusals++;
        }
        if (op.type() == OpType.INVOKE) {
          pending.put(op.process(), op);
        } else {
          pending.remove(op.process());
        }
      }
    }
    assertTrue(deletesDuringMigrate >= 2, "deletes invoked while a migration of the same VM was in flight: "
        + deletesDuringMigrate);
    assertTrue(ghostRefusals >= 3, "operations on ids that never exist, refused as not found: " + ghostRefusals);
  }

  @Test
  void pathsWorkloadRacesCompareAndSwapOnOnePath() {
    int racedPaths = 0;
    int putIfAbsentBothWays = 0;
    for (RunArtifacts run : PATHS_RUNS) {
      List<Operation> ops = run.history().operations();
      Set<Object> casOk = new HashSet<>();
      Set<Object> casMismatch = new HashSet<>();
      Set<Object> pifOk = new HashSet<>();
      Set<Object> pifExists = new HashSet<>();
      for (Operation op : ops) {
        Object path = valueOf(op, "path");
        if (op.f().equals("cas") && op.type() == OpType.OK) {
          casOk.add(path);
        } else if (isFail(op, "cas", "mismatch")) {
          casMismatch.add(path);
        } else if (op.f().equals("put-if-absent") && op.type() == OpType.OK) {
          pifOk.add(path);
        } else if (isFail(op, "put-if-absent", "exists")) {
          pifExists.add(path);
        }
      }
      casOk.retainAll(casMismatch);
      racedPaths += casOk.isEmpty() || overlappingCas(ops) == 0 ? 0 : 1;
      pifOk.retainAll(pifExists);
      putIfAbsentBothWays += pifOk.isEmpty() ? 0 : 1;
    }
    // The mix is a swarm: a run may draw few cas (seed 2 mostly puts), so not every run races.
    assertTrue(racedPaths >= 2, "runs with ok and refused cas on one path, some of them concurrent: " + racedPaths);
    assertTrue(putIfAbsentBothWays >= 2, "runs where put-if-absent on one path both won and lost: "
        + putIfAbsentBothWays);
  }

  @Test
  void forcedRetriesAreAnsweredFromTheSessionTable() {
    int answeredTwice = 0;
    for (RunArtifacts run : concat(VM_RUNS, PATHS_RUNS)) {
      Set<String> acked = new HashSet<>();
      for (JournalEntry event : run.journal()) {
        if (event.payload() instanceof Observation.ClientAcked a && !acked.add(a.clientId() + "/" + a.sequence())) {
          answeredTwice++; // a correct cluster applies a command once: every further ack is a session-table answer
        }
      }
    }
    assertTrue(answeredTwice >= 20, "commands acknowledged again from the session table: " + answeredTwice);
  }

  /** Pairs of cas calls on the same path whose intervals overlap (in history order: invoked before the other completed). */
  private static int overlappingCas(List<Operation> ops) {
    Map<Object, Operation> pending = new java.util.TreeMap<>(java.util.Comparator.comparing(Object::toString));
    int overlaps = 0;
    for (Operation op : ops) {
      if (!op.f().equals("cas")) {
        continue;
      }
      if (op.type() == OpType.INVOKE) {
        Object path = valueOf(op, "path");
        overlaps += (int) pending.values().stream().filter(p -> Objects.equals(valueOf(p, "path"), path)).count();
        pending.put(op.process(), op);
      } else {
        pending.remove(op.process());
      }
    }
    return overlaps;
  }

  private static boolean isFail(Operation op, String f, String error) {
    return op.type() == OpType.FAIL && op.f().equals(f) && error.equals(op.extra().get("error"));
  }

  private static boolean invokedLater(List<Operation> ops, int after, String f, Map<?, ?> value) {
    for (int i = after + 1; i < ops.size(); i++) {
      Operation later = ops.get(i);
      if (later.type() == OpType.INVOKE && later.f().equals(f) && later.value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static Object valueOf(Operation op, String field) {
    return op.value() instanceof Map<?, ?> m ? m.get(field) : null;
  }

  private static List<RunArtifacts> concat(List<RunArtifacts> a, List<RunArtifacts> b) {
    List<RunArtifacts> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
