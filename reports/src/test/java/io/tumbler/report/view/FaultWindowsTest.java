package io.tumbler.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tumbler.runformat.AppliedFault;
import io.tumbler.runformat.RunFormatJson;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults pair with their own heals, read from the recorded effect and node: network with heal-network, a crash with
 * its node's restart, a clog with its unclog, a pause with its duration or its resume, all with heal-all.
 */
class FaultWindowsTest {
  /** Entries as checks.json holds them, read as run-format records (these are of the format before spec/nodes). */
  private static List<AppliedFault> read(String json) throws Exception {
    return List.of(RunFormatJson.mapper().readValue(json, AppliedFault[].class));
  }

  /** The windows without the applied fault each carries (compared by label, kind, key and times). */
  private static List<FaultWindow> shapes(List<FaultWindow> windows) {
    return windows.stream().map(w -> new FaultWindow(w.startNanos(), w.endNanos(), w.label(), w.kind(), w.key(),
        w.healed())).toList();
  }

  @Test
  void eachFaultClosesWithItsOwnHeal() throws Exception {
    List<AppliedFault> applied = read("["
        + f(100, "crash n2", "process", 2, true, 0) + ","
        + f(200, "isolate the leader (n1)", "network", 1, true, 0) + ","
        + f(250, "kill the leader (no leader: nothing done)", "process", 0, false, 0) + ","
        + f(300, "heal network", "heal-network", 0, true, 0) + ","
        + f(400, "pause n3 for 1ms", "pause", 3, true, 1_000_000) + ","
        + f(500, "restart n2", "restart", 2, true, 0) + ","
        + f(600, "clock n1 offset 5ms drift 10ppm", "clock", 1, true, 0) + ","
        + f(700, "bit flip on n1", "disk", 1, true, 0) + "]");
    List<FaultWindow> w = shapes(FaultWindows.of(applied, 2_000_000));
    assertEquals(List.of(
        new FaultWindow(100, 500, "crash n2", FaultKind.PROCESS, "n2", true),
        new FaultWindow(200, 300, "isolate the leader (n1)", FaultKind.NETWORK, "network", true),
        new FaultWindow(400, 1_000_400, "pause n3 for 1ms", FaultKind.PAUSE, "n3", true),
        new FaultWindow(600, 2_000_000, "clock n1 offset 5ms drift 10ppm", FaultKind.CLOCK, "clock", false),
        new FaultWindow(700, 700, "bit flip on n1", FaultKind.DISK, "n1", true)), w);
    assertFalse(w.get(3).healed(), "a clock fault lasts until heal all, which never came");
  }

  @Test
  void aHeldDiskFaultIsAWindowClosedByItsNodesDiskHeal() throws Exception {
    List<AppliedFault> applied = read("["
        + f(100, "disk full on n2", "disk-held", 2, true, 0) + ","
        + f(150, "read-only data directory on n3", "disk-held", 3, true, 0) + ","
        + f(200, "heal disk of n3", "heal-disk", 3, true, 0) + ","
        + f(250, "heal network", "heal-network", 0, true, 0) + ","
        + f(300, "heal disk of n2", "heal-disk", 2, true, 0) + ","
        + f(400, "read-only data directory on n1", "disk-held", 1, true, 0) + "]");
    assertEquals(List.of(
        new FaultWindow(100, 300, "disk full on n2", FaultKind.DISK, "n2", true),
        new FaultWindow(150, 200, "read-only data directory on n3", FaultKind.DISK, "n3", true),
        new FaultWindow(400, 1_000, "read-only data directory on n1", FaultKind.DISK, "n1", false)),
        shapes(FaultWindows.of(applied, 1_000)));
  }

  @Test
  void windowsComeFromTheRecordedEffectNotFromTheWords() throws Exception {
    List<AppliedFault> applied = read("["
        + f(100, "something new n4", "clog", 4, true, 0) + ","
        + f(150, "a host joins (n6)", "operator", 6, true, 0) + ","
        + f(200, "pause n2 (SIGSTOP pid 77)", "pause", 2, true, 0) + ","
        + f(300, "lift it", "unclog", 4, true, 0) + ","
        + f(400, "heal pause n2", "resume", 2, true, 0) + ","
        + "{\"timeNanos\":500,\"fault\":\"crash n1\",\"applied\":\"crash n1\"}]");
    assertEquals(List.of(
        new FaultWindow(100, 300, "something new n4", FaultKind.NETWORK, "clog n4", true),
        new FaultWindow(150, 150, "a host joins (n6)", FaultKind.OPERATOR, "n6", true),
        new FaultWindow(200, 400, "pause n2 (SIGSTOP pid 77)", FaultKind.PAUSE, "n2", true),
        new FaultWindow(500, 500, "crash n1", FaultKind.OPERATOR, "", true)),
        shapes(FaultWindows.of(applied, 1_000)));
  }

  private static String f(long t, String applied, String effect, int node, boolean done, long durationNanos) {
    return "{\"timeNanos\":" + t + ",\"fault\":\"" + applied + "\",\"applied\":\"" + applied + "\",\"effect\":\""
        + effect + "\",\"node\":" + node + ",\"done\":" + done
        + (durationNanos > 0 ? ",\"durationNanos\":" + durationNanos : "") + "}";
  }
}
