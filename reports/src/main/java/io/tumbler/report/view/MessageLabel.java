package io.tumbler.report.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a traced message reads on a sequence diagram, and how much it matters to a reader of a failure.
 * The trace prints messages as Java records ({@code Peer[message=AppendEntries[from=1, to=2, term=3, ...]]},
 * {@code Request[clientId=1000006, sequence=1, kind=READ_LINEARIZABLE, ...]}); this turns them into short
 * labels such as {@code AppendEntries t3 [12..14]} or {@code VoteResp t4 granted}.
 *
 * @param text the label
 * @param priority lower is more relevant: 0 the failing client's requests and replies, 1 elections and
 *     snapshots, 2 appends carrying entries and rejections, 3 empty appends and acknowledgements, 4 heartbeats
 */
public record MessageLabel(String text, int priority) {
  private static final Pattern KIND = Pattern.compile("^(?:Peer\\[message=)?(\\w+)\\[");
  private static final Pattern FIELD = Pattern.compile("(\\w+)=([^,\\[\\]]*)");
  private static final Pattern ENTRY = Pattern.compile("Entry\\[(\\d+)@");

  /** The label of {@code detail}; {@code focusClient} ("clientId=1000008,") marks the failing client's messages. */
  public static MessageLabel of(String detail, String focusClient) {
    Matcher k = KIND.matcher(detail);
    String kind = k.find() ? k.group(1) : "message";
    Map<String, String> f = fields(detail);
    String term = " t" + f.getOrDefault("term", "?");
    boolean pre = "true".equals(f.get("preVote"));
    return switch (kind) {
      case "AppendEntries" -> appendEntries(detail, term, f);
      case "AppendResponse" -> "true".equals(f.get("success"))
          ? new MessageLabel("AppendResp" + term + " ok " + f.getOrDefault("index", "?"), 3)
          : new MessageLabel("AppendResp" + term + " rejected", 2);
      case "Heartbeat" -> new MessageLabel("Heartbeat" + term + " c" + f.getOrDefault("commitIndex", "?"), 4);
      case "HeartbeatResponse" -> new MessageLabel("HeartbeatResp" + term, 4);
      case "RequestVote" -> new MessageLabel((pre ? "PreVote" : "RequestVote") + term + " last "
          + f.getOrDefault("lastLogIndex", "?") + "@" + f.getOrDefault("lastLogTerm", "?"), 1);
      case "VoteResponse" -> new MessageLabel((pre ? "PreVoteResp" : "VoteResp") + term + " "
          + ("true".equals(f.get("granted")) ? "granted" : "denied"), 1);
      case "InstallSnapshot" -> new MessageLabel("InstallSnapshot" + term, 1);
      case "Request" -> new MessageLabel("Request #" + f.getOrDefault("sequence", "?") + " "
          + f.getOrDefault("kind", "?").toLowerCase(java.util.Locale.ROOT), detail.contains(focusClient) ? 0 : 5);
      case "Reply" -> new MessageLabel("Reply #" + f.getOrDefault("sequence", "?") + " " + f.getOrDefault("status", "?"),
          detail.contains(focusClient) ? 0 : 5);
      default -> new MessageLabel(kind + (f.containsKey("term") ? term : ""), 3);
    };
  }

  private static MessageLabel appendEntries(String detail, String term, Map<String, String> f) {
    Matcher e = ENTRY.matcher(detail);
    String first = null;
    String last = null;
    while (e.find()) {
      first = first == null ? e.group(1) : first;
      last = e.group(1);
    }
    String commit = " c" + f.getOrDefault("commitIndex", "?");
    return first == null ? new MessageLabel("AppendEntries" + term + " empty" + commit, 3)
        : new MessageLabel("AppendEntries" + term + " [" + first + ".." + last + "]" + commit, 2);
  }

  /** The {@code name=value} pairs of the message, outermost record's fields included; first one wins. */
  private static Map<String, String> fields(String detail) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(detail);
    while (m.find()) {
      out.putIfAbsent(m.group(1), m.group(2).strip());
    }
    return out;
  }
}
