package io.tumbler.runformat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A run's {@code run.json}: what ran, its fingerprint, outcome and timings (DESIGN.md "Formats"); also each line of a
 * campaign's {@code results.jsonl} (without {@code version}, with the campaign's own fields beside it). Version 1
 * files read as this record unchanged (version 2 only moved the field names here); a missing number reads as 0, a
 * missing list as empty. A real-cluster run ({@code mode} {@link #REAL_CLUSTER}) adds {@code realCluster}.
 *
 * @param version the format version; {@link #VERSION} when written by this code
 * @param scenario the scenario name
 * @param seed the seed
 * @param bugs the known-bug flags that were on
 * @param commit the commit of the code that ran
 * @param fingerprint the trace fingerprint, 16 hex digits
 * @param outcome PASS, VIOLATION, LIVENESS or ERROR
 * @param violated the checks that failed
 * @param model the linearizability model
 * @param safetyMillis the safety phase's length
 * @param operationLimit the most client operations the workload issues
 * @param expectation what the scenario expects (CORRECT, a violation it demonstrates, ...)
 * @param workload the workload name
 * @param readMode the read mode
 * @param sut the system under test
 * @param cluster the cluster configuration, as the scenario wrote it
 * @param clientTiming the clients' timing, as the scenario wrote it
 * @param events simulator events processed
 * @param simulatedMillis simulated time covered
 * @param wallMillis wall-clock time the run took
 * @param operations client operations recorded
 * @param faults faults applied
 * @param replay the command that reproduces the run
 * @param notes what the run itself noted
 * @param coverage protocol paths counted, by name
 * @param faultTypes how many times each fault kind was applied with effect, by schedule name
 * @param mode null for a simulated run; {@link #REAL_CLUSTER} for a run of {@code tumbler cluster}
 * @param realCluster a real-cluster run's own facts (processes, ports, nemesis, durations); null for a simulated run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRecord(int version, String scenario, long seed, List<String> bugs, String commit, String fingerprint,
    String outcome, List<String> violated, String model, long safetyMillis, long operationLimit, String expectation,
    String workload, String readMode, String sut, JsonNode cluster, JsonNode clientTiming, long events,
    long simulatedMillis, long wallMillis, long operations, long faults, String replay, List<String> notes,
    SortedMap<String, Long> coverage, SortedMap<String, Long> faultTypes, String mode,
    RealClusterRun realCluster) {
  /**
   * The version this code writes (3: a real cluster's facts as {@link RealClusterRun}, where version 1 had them at
   * the top level); it reads every version up to it.
   */
  public static final int VERSION = 3;
  /** {@code mode} of a real-cluster run. */
  public static final String REAL_CLUSTER = "real-cluster";

  public RunRecord {
    bugs = bugs == null ? List.of() : List.copyOf(bugs);
    violated = violated == null ? List.of() : List.copyOf(violated);
    notes = notes == null ? List.of() : List.copyOf(notes);
    coverage = sorted(coverage);
    faultTypes = sorted(faultTypes);
  }

  private static SortedMap<String, Long> sorted(Map<String, Long> counts) {
    return java.util.Collections.unmodifiableSortedMap(counts == null ? new TreeMap<>() : new TreeMap<>(counts));
  }

  /** The record of a run directory without a readable run.json: nothing known, seed -1. */
  public static RunRecord absent() {
    return new RunRecord(0, null, -1, null, null, null, null, null, null, 0, 0, null, null, null, null, null, null, 0,
        0, 0, 0, 0, null, null, null, null, null, null);
  }

  /** This record with {@code replay} as its reproduce line and {@code more} appended to its notes. */
  public RunRecord withReplay(String newReplay, List<String> more) {
    List<String> all = new java.util.ArrayList<>(notes);
    all.addAll(more);
    return new RunRecord(version, scenario, seed, bugs, commit, fingerprint, outcome, violated, model, safetyMillis,
        operationLimit, expectation, workload, readMode, sut, cluster, clientTiming, events, simulatedMillis,
        wallMillis, operations, faults, newReplay, all, coverage, faultTypes, mode, realCluster);
  }
}
