package io.tumbler.report;

import io.tumbler.report.input.CampaignFiles;
import io.tumbler.report.input.RunFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The paths given to {@code tumbler report}, sorted into one run directory or several campaign directories
 * (a directory holding campaign directories counts as all of them), or a rejection naming the bad path.
 *
 * @param runs run directories (at most one is accepted)
 * @param campaigns campaign directories
 * @param rejection why the input is refused, or null
 */
record InputSet(List<Path> runs, List<Path> campaigns, String rejection) {

  static InputSet classify(List<Path> inputs) throws IOException {
    List<Path> runs = new ArrayList<>();
    List<Path> campaigns = new ArrayList<>();
    for (Path p : inputs) {
      if (!Files.exists(p)) {
        return rejected(p + " does not exist");
      }
      if (!Files.isDirectory(p)) {
        return rejected(p + " is a file; give the run or campaign directory that holds it");
      }
      if (RunFiles.isRunDirectory(p)) {
        runs.add(p);
      } else if (CampaignFiles.isCampaignDirectory(p)) {
        campaigns.add(p);
      } else {
        List<Path> children = childCampaigns(p);
        if (children.isEmpty()) {
          return rejected(p + " is neither a run directory (it has none of " + String.join(", ", RunFiles.FILE_NAMES)
              + ") nor a campaign directory (it has no results.jsonl or summary.json)");
        }
        campaigns.addAll(children);
      }
    }
    if (!runs.isEmpty() && !campaigns.isEmpty()) {
      return rejected("give either one run directory or campaign directories, not both: " + runs.get(0) + " is a run, "
          + campaigns.get(0) + " a campaign");
    }
    if (runs.size() > 1) {
      return rejected("one run directory at a time (got " + runs.size() + "); for many seeds, report their campaign "
          + "directory");
    }
    return new InputSet(runs, campaigns, null);
  }

  private static List<Path> childCampaigns(Path dir) throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).filter(CampaignFiles::isCampaignDirectory).sorted().toList();
    }
  }

  private static InputSet rejected(String message) {
    return new InputSet(List.of(), List.of(), message);
  }
}
