package io.tumbler.realcluster;

import io.tumbler.raft.runtime.ServerStatus;
import java.util.List;

/**
 * One server of a finished run, for run.json.
 *
 * @param id the node id
 * @param clientPort its real port (clients connect here; peers reach it only through proxies)
 * @param metricsPort where it served {@code /metrics}
 * @param command the command line that started it
 * @param log its server log, relative to the run directory
 * @param finalStatus its status just before the harness stopped it, or null if it did not answer
 * @param unexpectedExits exit codes of the runs of it that ended without the harness ending them
 */
record ServerSummary(int id, int clientPort, int metricsPort, List<String> command, String log, ServerStatus finalStatus,
        List<Integer> unexpectedExits) {}
