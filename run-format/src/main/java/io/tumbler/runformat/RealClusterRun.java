package io.tumbler.runformat;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code run.json} says of a real-cluster run ({@code tumbler cluster}, {@link RunRecord#REAL_CLUSTER}) beyond a
 * simulated run's fields: the processes, their ports and final status, the clients, the nemesis and the run's wall
 * durations. A real run has no fingerprint or simulated time and cannot be replayed; these facts are what a reader
 * of its report needs instead. A version-1 real-cluster {@code run.json} held these fields at its top level; it
 * reads into this record unchanged ({@link RunDirectoryFiles#run}).
 *
 * @param nodes how many server processes ran
 * @param clients how many client threads ran
 * @param durationMillis how long the clients ran, wall-clock
 * @param quietMillis the last part of it, after every fault was healed
 * @param maxRequests the most requests the clients issue
 * @param nemesis the fault kinds switched on, as {@code --nemesis} spells them
 * @param retries client requests retried
 * @param healMillis when everything was healed, wall-clock from the workload's start
 * @param ports the ports the run used, by kind then by name ("n1", or a proxy's link)
 * @param servers each server process, by id
 */
public record RealClusterRun(int nodes, int clients, long durationMillis, long quietMillis, long maxRequests,
    List<String> nemesis, long retries, long healMillis, SortedMap<String, SortedMap<String, Integer>> ports,
    List<Server> servers) {
  public RealClusterRun {
    nemesis = nemesis == null ? List.of() : List.copyOf(nemesis);
    servers = servers == null ? List.of() : List.copyOf(servers);
    TreeMap<String, SortedMap<String, Integer>> copy = new TreeMap<>();
    if (ports != null) {
      for (Map.Entry<String, SortedMap<String, Integer>> e : ports.entrySet()) {
        copy.put(e.getKey(), java.util.Collections.unmodifiableSortedMap(new TreeMap<>(e.getValue())));
      }
    }
    ports = java.util.Collections.unmodifiableSortedMap(copy);
  }

  /**
   * One server process of the run.
   *
   * @param id the node id
   * @param clientPort its client port
   * @param log its server log, relative to the run directory
   * @param command the command line that started it
   * @param unexpectedExits exit codes of its runs that ended without the harness ending them
   * @param finalStatus its status just before the harness stopped it, or null when it did not answer
   */
  public record Server(int id, int clientPort, String log, List<String> command, List<Integer> unexpectedExits,
      FinalStatus finalStatus) {
    public Server {
      command = command == null ? List.of() : List.copyOf(command);
      unexpectedExits = unexpectedExits == null ? List.of() : List.copyOf(unexpectedExits);
    }
  }

  /**
   * A server's last answered status.
   *
   * @param role LEADER, FOLLOWER, CANDIDATE...
   * @param term its term
   * @param leader the leader it knew, 0 for none
   * @param commitIndex its commit index
   * @param appliedIndex its applied index
   * @param haltReason why it halted (fail-stop), or null
   */
  public record FinalStatus(String role, long term, int leader, long commitIndex, long appliedIndex,
      String haltReason) {}
}
