package io.tumbler.scenario.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tumbler.scenario.run.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * What a line of {@code results.jsonl} must match for a campaign to count it as its own, both to skip the seed
 * on a rerun and to sum it: the scenario, the bug flags, the configuration flags that change the scenario
 * ({@code --workload}, {@code --read-mode}; the swarm follows from them) and the build. A line of the same
 * directory that differs in any of these is another campaign's and is never counted.
 *
 * @param config the override flags joined by spaces, "" for the catalog's scenario as it is
 */
record ResultKey(String scenario, List<String> bugs, String config, BuildIdentity build) {
  ResultKey {
    bugs = List.copyOf(bugs);
  }

  static ResultKey of(Scenario scenario, BuildIdentity build) {
    return new ResultKey(scenario.name(), scenario.bugs().names(), String.join(" ", scenario.overrideFlags()), build);
  }

  /** Whether {@code line} was recorded by this campaign: same scenario, bug flags, configuration and build. */
  boolean matches(JsonNode line) {
    List<String> lineBugs = new ArrayList<>();
    line.path("bugs").forEach(b -> lineBugs.add(b.asText()));
    return scenario.equals(line.path("scenario").asText()) && bugs.equals(lineBugs)
        && config.equals(line.path("config").asText("")) && build.equals(BuildIdentity.recordedIn(line));
  }

  /** Writes the key's configuration and build into a results line (its scenario and bugs are already there). */
  void stamp(ObjectNode line) {
    line.put("config", config);
    line.put("commit", build.commit());
    line.put("build", build.classes());
  }
}
