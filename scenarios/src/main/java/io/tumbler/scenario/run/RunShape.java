package io.tumbler.scenario.run;

import io.tumbler.scenario.client.ClientConfig;
import io.tumbler.scenario.cluster.ClusterConfig;
import io.tumbler.scenario.workload.ReadMode;

/**
 * The deployment one run simulates: the cluster (size, timing, Raft knobs, latency), the workload, its read
 * mode and the clients' timing. Fixed by most scenarios; drawn per seed by the default one
 * ({@link ClusterSwarm}). Recorded in {@code run.json}, so replay and shrink run the same deployment even if
 * the draw changes.
 */
public record RunShape(ClusterConfig cluster, String workload, ReadMode readMode, ClientConfig clientTiming) {
  public RunShape {
    if (cluster == null || workload == null || readMode == null || clientTiming == null) {
      throw new IllegalArgumentException("a run shape needs a cluster, a workload, a read mode and client timing");
    }
  }
}
