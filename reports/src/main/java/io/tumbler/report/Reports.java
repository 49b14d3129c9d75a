package io.tumbler.report;

import io.tumbler.report.input.CampaignFiles;
import io.tumbler.report.input.RunFiles;
import io.tumbler.report.render.CampaignHtml;
import io.tumbler.report.render.JunitXml;
import io.tumbler.report.render.MarkdownSummary;
import io.tumbler.report.render.ReportJson;
import io.tumbler.report.render.RunHtml;
import io.tumbler.report.view.CampaignView;
import io.tumbler.report.view.RunView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The entry point of the reports module: makes a report from recorded files — one run directory, or one or
 * more campaign directories (shards are merged) — in any of the {@link ReportFormat}s. It reads files only,
 * never live objects, so a report can be made from any saved run long after it ran.
 *
 * <p>Partial input (a missing file, a line cut short by a killed run) still yields a report, which says what
 * is missing. Only a path that is neither a run nor a campaign directory is {@link ReportOutcome.Rejected}.
 * Each file is written to a temporary name and moved into place.
 */
public final class Reports {
  /** The base name of report files when no {@code --out} is given. */
  public static final String DEFAULT_NAME = "report";

  private Reports() {}

  /**
   * Writes the report of {@code inputs}.
   *
   * @param inputs a run directory, or campaign directories, or a directory whose subdirectories are campaigns
   * @param out the file to write; with several formats, its name less its suffix is the base of every file;
   *     null for {@code report.*} in the (first) input directory, or beside several campaign directories
   * @param formats which files to write
   */
  public static ReportOutcome write(List<Path> inputs, Path out, Set<ReportFormat> formats) throws IOException {
    if (inputs.isEmpty() || formats.isEmpty()) {
      return new ReportOutcome.Rejected("give at least one run or campaign directory and one format");
    }
    InputSet set = InputSet.classify(inputs);
    if (set.rejection() != null) {
      return new ReportOutcome.Rejected(set.rejection());
    }
    if (!set.runs().isEmpty()) {
      Path dir = set.runs().get(0);
      return writeRun(RunView.of(RunFiles.read(dir)), targets(out, dir, formats));
    }
    List<Path> campaigns = set.campaigns();
    Path home = campaigns.size() == 1 ? campaigns.get(0) : parentOf(campaigns.get(0));
    return writeCampaign(CampaignFiles.read(campaigns), targets(out, home, formats));
  }

  private static ReportOutcome writeRun(RunView view, Map<ReportFormat, Path> targets) throws IOException {
    Map<ReportFormat, String> bodies = new EnumMap<>(ReportFormat.class);
    for (ReportFormat f : targets.keySet()) {
      bodies.put(f, switch (f) {
        case HTML -> RunHtml.render(view);
        case JSON -> ReportJson.run(view);
        case JUNIT -> JunitXml.run(view);
        case MARKDOWN -> MarkdownSummary.run(view);
      });
    }
    return new ReportOutcome.Written("run", writeAll(targets, bodies), view.outcome(), view.notes());
  }

  private static ReportOutcome writeCampaign(CampaignFiles files, Map<ReportFormat, Path> targets) throws IOException {
    CampaignView view = CampaignView.of(files);
    List<String> notes = new ArrayList<>(view.notes());
    Path main = targets.values().iterator().next().toAbsolutePath();
    Map<Path, String> links = new java.util.HashMap<>();
    for (CampaignView.Failure f : view.failures()) {
      if (f.runDir() != null) {
        links.put(f.runDir(), failureReport(f.runDir(), targets.containsKey(ReportFormat.HTML), main, notes));
      }
    }
    Function<CampaignView.Failure, String> link = f -> f.runDir() == null ? "" : links.get(f.runDir());
    Map<ReportFormat, String> bodies = new EnumMap<>(ReportFormat.class);
    for (ReportFormat fmt : targets.keySet()) {
      bodies.put(fmt, switch (fmt) {
        case HTML -> CampaignHtml.render(view, link);
        case JSON -> ReportJson.campaign(view, link);
        case JUNIT -> JunitXml.campaign(view, files);
        case MARKDOWN -> MarkdownSummary.campaign(view, link);
      });
    }
    return new ReportOutcome.Written("campaign", writeAll(targets, bodies), view.worstOutcome(), notes);
  }

  /** Writes a failing seed's run report into its run directory; returns the link to it from {@code main}. */
  private static String failureReport(Path runDir, boolean html, Path main, List<String> notes) {
    Path page = runDir.resolve(DEFAULT_NAME + ReportFormat.HTML.suffix());
    if (html) {
      try {
        writeAtomically(page, RunHtml.render(RunView.of(RunFiles.read(runDir))));
      } catch (IOException e) {
        notes.add("could not write the run report of " + runDir + ": " + e.getMessage());
      }
    }
    Path target = Files.exists(page) ? page : runDir;
    Path from = main.getParent() == null ? Path.of("") : main.getParent();
    return from.relativize(target.toAbsolutePath()).toString().replace('\\', '/');
  }

  /** Where each format goes. */
  static Map<ReportFormat, Path> targets(Path out, Path home, Set<ReportFormat> formats) {
    Map<ReportFormat, Path> targets = new EnumMap<>(ReportFormat.class);
    if (out != null && formats.size() == 1) {
      targets.put(formats.iterator().next(), out);
      return targets;
    }
    Path base = out != null ? out : home.resolve(DEFAULT_NAME);
    String name = base.getFileName().toString();
    for (ReportFormat f : ReportFormat.values()) {
      if (name.endsWith(f.suffix())) {
        name = name.substring(0, name.length() - f.suffix().length());
        break;
      }
    }
    for (ReportFormat f : formats) {
      targets.put(f, base.resolveSibling(name + f.suffix()));
    }
    return targets;
  }

  private static Path parentOf(Path dir) {
    Path parent = dir.toAbsolutePath().normalize().getParent();
    return parent == null ? dir : parent;
  }

  private static List<Path> writeAll(Map<ReportFormat, Path> targets, Map<ReportFormat, String> bodies)
      throws IOException {
    List<Path> written = new ArrayList<>();
    for (Map.Entry<ReportFormat, Path> t : targets.entrySet()) {
      writeAtomically(t.getValue(), bodies.get(t.getKey()));
      written.add(t.getValue());
    }
    return written;
  }

  static void writeAtomically(Path target, String body) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = parent.resolve(target.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, body, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(tmp); // a failed write leaves nothing behind
      throw e;
    }
  }
}
