package io.tumbler.sim.trace;

/**
 * One trace record as kept in text mode: the fingerprinted fields plus an optional human detail.
 *
 * @param index     0-based position in the journal (counts every record, kept or not)
 * @param type      what happened; see {@link TraceType} for the meaning of {@code a} and {@code b}
 * @param timeNanos true simulated time
 * @param process   process id, or -1 when the record is not about one process
 * @param a         first numeric field
 * @param b         second numeric field
 * @param detail    the detail as the journal described it (by default its text: a message's toString, an action
 *                  label; see {@link TraceJournal#withText(long, java.util.function.Function)}), or null; not
 *                  part of the fingerprint
 */
public record TraceRecord(long index, TraceType type, long timeNanos, int process, long a, long b, Object detail) {

    /** One JSON object on one line (no trailing newline), for {@code trace.jsonl}. */
    public String toJsonLine(String processName) {
        StringBuilder out = new StringBuilder(96);
        out.append("{\"index\":").append(index)
                .append(",\"type\":\"").append(type.name()).append('"')
                .append(",\"timeNanos\":").append(timeNanos)
                .append(",\"process\":");
        appendString(out, processName);
        out.append(",\"a\":").append(a).append(",\"b\":").append(b).append(",\"detail\":");
        appendString(out, detail == null ? null : String.valueOf(detail));
        return out.append('}').toString();
    }

    private static void appendString(StringBuilder out, String text) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
