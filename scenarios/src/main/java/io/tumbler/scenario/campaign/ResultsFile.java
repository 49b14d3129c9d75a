package io.tumbler.scenario.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Makes a campaign directory's {@code results.jsonl} safe to resume from and append to, before anything runs.
 *
 * <ul>
 *   <li>A torn last line (a kill in the middle of a write: no final newline, or a last line that is not JSON) is
 *       cut off, so the next line appended starts on a line of its own instead of being glued to the fragment
 *       and lost with it. That seed simply runs again.
 *   <li>Lines recorded by another build ({@link BuildIdentity}: another commit or other code) are never
 *       reused: they move, unchanged, to {@code results.<commit>.<classes>.jsonl} beside it (appended, so
 *       several reruns lose nothing), and {@code results.jsonl} keeps only this build's lines. Reports and the
 *       summary, which read {@code results.jsonl}, so show only what this build ran.
 * </ul>
 *
 * Each repair is told in one line to {@code note}. A line in the middle that is not JSON is left where it is and
 * counted by nobody.
 */
final class ResultsFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultsFile() {}

  /**
   * Repairs {@code results} as above and returns this build's lines, parsed, in file order (empty when the file
   * does not exist).
   */
  static List<JsonNode> prepare(Path results, BuildIdentity current, Consumer<String> note) throws IOException {
    if (!Files.exists(results)) {
      return List.of();
    }
    List<String> lines = cutTornTail(results, note);
    List<String> kept = new ArrayList<>();
    List<JsonNode> ours = new ArrayList<>();
    TreeMap<String, List<String>> stale = new TreeMap<>();
    TreeMap<String, BuildIdentity> staleBuilds = new TreeMap<>();
    for (String line : lines) {
      JsonNode node = parse(line);
      BuildIdentity build = node == null ? current : BuildIdentity.recordedIn(node);
      if (build.equals(current)) {
        kept.add(line);
        if (node != null) {
          ours.add(node);
        }
      } else {
        stale.computeIfAbsent(build.resultsFileName(), k -> new ArrayList<>()).add(line);
        staleBuilds.put(build.resultsFileName(), build);
      }
    }
    if (!stale.isEmpty()) {
      moveStale(results, kept, stale);
      note.accept(staleNote(current, stale, staleBuilds));
    }
    return ours;
  }

  /** Cuts off a torn last line and returns the complete lines (blank ones left out). */
  private static List<String> cutTornTail(Path results, Consumer<String> note) throws IOException {
    byte[] bytes = Files.readAllBytes(results);
    List<String> lines = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
        if (!line.isBlank()) {
          lines.add(line);
          starts.add(start);
        }
        start = i + 1;
      }
    }
    int keep = start;
    String why = keep < bytes.length ? "has no newline" : "";
    if (why.isEmpty() && !lines.isEmpty() && parse(lines.get(lines.size() - 1)) == null) {
      lines.remove(lines.size() - 1);
      keep = starts.get(starts.size() - 1);
      why = "is not JSON";
    }
    if (!why.isEmpty()) {
      try (FileChannel channel = FileChannel.open(results, StandardOpenOption.WRITE)) {
        channel.truncate(keep);
      }
      note.accept("results.jsonl: its last line " + why + " (a write cut short, e.g. by a kill); truncated the "
          + "file to " + keep + " bytes before appending (" + (bytes.length - keep) + " bytes dropped; that seed runs again)");
    }
    return lines;
  }

  private static void moveStale(Path results, List<String> kept, TreeMap<String, List<String>> stale)
      throws IOException {
    // Old lines are appended to their build's file before results.jsonl loses them: a kill in between leaves a
    // line in both places (never counted twice: the old build's file is never summed), never in neither.
    for (var e : stale.entrySet()) {
      Files.write(results.resolveSibling(e.getKey()), e.getValue(), StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    Path tmp = results.resolveSibling(results.getFileName() + ".tmp");
    Files.write(tmp, kept, StandardCharsets.UTF_8);
    Files.move(tmp, results, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String staleNote(BuildIdentity current, TreeMap<String, List<String>> stale,
      TreeMap<String, BuildIdentity> builds) {
    int total = stale.values().stream().mapToInt(List::size).sum();
    List<String> parts = new ArrayList<>();
    stale.forEach((file, lines) -> parts.add(lines.size() + " from " + builds.get(file) + " -> " + file));
    return "results.jsonl: " + total + " result(s) recorded by another build are not reused (this is " + current
        + "); kept apart: " + String.join("; ", parts) + "; their seeds run again";
  }

  private static JsonNode parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }
}
