package io.tumbler.scenario.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.lin.Checker;
import io.tumbler.lin.Verdict;
import io.tumbler.lin.model.paths.PathsModel;
import io.tumbler.lin.model.vm.VmModel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a broken session dedup looks like in a history, and that the checker rejects it. A forced retry
 * (an echo of a command that was already answered) that the cluster applies a second time changes the
 * state after the operation completed, outside its interval; the history still holds one invocation and
 * one completion for it (the recorder's contract), so only a later observation betrays the second
 * application. Production code has no wrong dedup to switch on, so the histories are built by hand with
 * the recorder the clients use, each next to its correct twin.
 */
class RetriedCommandAppliedTwiceTest {
  private static final Checker CHECKER = Checker.withDefaults();

  @Test
  void aPutAppliedAgainAfterALaterPutIsCaught() {
    assertEquals(Verdict.INVALID, CHECKER.check(new PathsModel(), putHistory("c0-1").toHistory()).verdict());
    assertEquals(Verdict.VALID, CHECKER.check(new PathsModel(), putHistory("c1-2").toHistory()).verdict());
  }

  /** c0 puts v1; c1 then puts v2; c2 then reads {@code read} (v1 only if c0's echo was applied again). */
  private static HistoryRecorder putHistory(String read) {
    HistoryRecorder h = new HistoryRecorder();
    h.invoke(0, "put", path("c0-1"), 10);
    h.ok(0, "put", path("c0-1"), 20);
    h.invoke(1, "put", path("c1-2"), 30);
    h.ok(1, "put", path("c1-2"), 40);
    h.invoke(2, "get", path(null), 50);
    h.ok(2, "get", path(read), 60);
    return h;
  }

  @Test
  void aCreateAppliedAgainAfterItsDeleteIsCaught() {
    assertEquals(Verdict.INVALID, CHECKER.check(new VmModel(), createHistory(true).toHistory()).verdict());
    assertEquals(Verdict.VALID, CHECKER.check(new VmModel(), createHistory(false).toHistory()).verdict());
  }

  /**
   * A host of 4 vCPUs gets v1 (4 vCPUs, exactly full); v1 is deleted; v2 (4 vCPUs) is then refused for
   * capacity when the echo of v1's create was applied again (the host is full again), or placed when not.
   */
  private static HistoryRecorder createHistory(boolean duplicateApplied) {
    HistoryRecorder h = new HistoryRecorder();
    h.invoke(0, "register-host", vm(null, "h0", 4), 10);
    h.ok(0, "register-host", vm(null, "h0", 4), 20);
    h.invoke(0, "create-vm", vm("v1", null, 4), 30);
    h.ok(0, "create-vm", vm("v1", "h0", 0), 40);
    h.invoke(1, "delete-vm", vm("v1", null, 0), 50);
    h.ok(1, "delete-vm", vm("v1", null, 0), 60);
    h.invoke(2, "create-vm", vm("v2", null, 4), 70);
    if (duplicateApplied) {
      h.fail(2, "create-vm", vm("v2", null, 4), 80, "no-capacity");
    } else {
      h.ok(2, "create-vm", vm("v2", "h0", 0), 80);
    }
    return h;
  }

  private static Map<String, Object> path(String value) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("path", "/cluster/config/version");
    if (value != null) {
      v.put("value", value);
    }
    return v;
  }

  private static Map<String, Object> vm(String vm, String host, long vcpus) {
    Map<String, Object> v = new LinkedHashMap<>();
    if (vm != null) {
      v.put("vm", vm);
    }
    if (host != null) {
      v.put("host", host);
    }
    if (vcpus > 0) {
      v.put("vcpus", vcpus);
      v.put("memoryMib", 1024L * vcpus);
    }
    return v;
  }
}
