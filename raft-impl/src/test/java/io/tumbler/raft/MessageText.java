package io.tumbler.raft;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Compact, stable text for messages and entries in interaction-test output. */
final class MessageText {
    private MessageText() {
    }

    static String describe(Message m) {
        return m.from() + "->" + m.to() + " " + body(m);
    }

    private static String body(Message m) {
        if (m instanceof RequestVote v) {
            return (v.preVote() ? "PreVote" : "Vote") + " term=" + v.term() + " last=" + v.lastLogIndex() + "@"
                    + v.lastLogTerm() + (v.transfer() ? " transfer" : "");
        } else if (m instanceof VoteResponse v) {
            return (v.preVote() ? "PreVoteResp" : "VoteResp") + " term=" + v.term() + (v.granted() ? " granted" : " rejected");
        } else if (m instanceof AppendEntries a) {
            return "App term=" + a.term() + " prev=" + a.prevIndex() + "@" + a.prevTerm() + " commit=" + a.commitIndex()
                    + " " + entries(a.entries());
        } else if (m instanceof AppendResponse a) {
            return "AppResp term=" + a.term() + (a.success() ? " ok index=" + a.index()
                    : " reject index=" + a.index() + " hint=" + a.conflictIndex() + "@" + a.conflictTerm());
        } else if (m instanceof Heartbeat h) {
            return "Heartbeat term=" + h.term() + " commit=" + h.commitIndex() + " round=" + h.round();
        } else if (m instanceof HeartbeatResponse h) {
            return "HeartbeatResp term=" + h.term() + " round=" + h.round();
        } else if (m instanceof InstallSnapshot s) {
            return "Snapshot term=" + s.term() + " snap=" + s.snapshot().meta().index() + "@" + s.snapshot().meta().term();
        }
        return "TimeoutNow term=" + m.term();
    }

    static String entries(List<Entry> entries) {
        return entries.stream().map(MessageText::entry).collect(Collectors.joining(", ", "[", "]"));
    }

    static String entry(Entry e) {
        String payload = e.type() == EntryType.NOOP ? "noop"
                : e.type() == EntryType.CONFIG ? "config(" + Configuration.decode(e.data()) + ")"
                : '"' + new String(e.data(), StandardCharsets.UTF_8) + '"';
        return e.index() + "@" + e.term() + " " + payload;
    }
}
