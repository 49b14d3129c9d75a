package io.tumbler.lin.io.porcupine;

import java.nio.charset.StandardCharsets;

/**
 * The lines of a byte buffer, for {@link EtcdLogImporter}'s ASCII fast path: a cursor over {@code [start,
 * end)} of each line, split where {@link java.io.BufferedReader#readLine} splits ({@code \n}, {@code \r},
 * {@code \r\n}; no empty last line after a final terminator). It notes any byte outside ASCII, after which
 * the caller must read the file through a decoder instead. Not thread-safe.
 */
final class AsciiLines {
  private final byte[] content;
  private int start;
  private int end;
  private int nextStart;
  private boolean nonAscii;

  AsciiLines(byte[] content) {
    this.content = content;
  }

  /** Moves to the next line; false at the end of the buffer or at the first line with a byte outside ASCII. */
  boolean next() {
    if (nonAscii || nextStart >= content.length) {
      return false;
    }
    start = nextStart;
    int at = start;
    int seen = 0;
    while (at < content.length && content[at] != '\n' && content[at] != '\r') {
      seen |= content[at];
      at++;
    }
    end = at;
    if (at < content.length && content[at] == '\r' && at + 1 < content.length && content[at + 1] == '\n') {
      at++;
    }
    nextStart = at + 1;
    nonAscii = seen < 0;
    return !nonAscii;
  }

  /** Where {@code word} first starts in the current line, or -1. */
  int find(byte[] word) {
    int last = end - word.length;
    for (int at = start; at <= last; at++) {
      if (content[at] == word[0] && matches(at, word)) {
        return at;
      }
    }
    return -1;
  }

  private boolean matches(int at, byte[] word) {
    for (int i = 1; i < word.length; i++) {
      if (content[at + i] != word[i]) {
        return false;
      }
    }
    return true;
  }

  /** The buffer. */
  byte[] content() {
    return content;
  }

  /** The end of the current line (exclusive, before its terminator). */
  int end() {
    return end;
  }

  /** The current line from {@code from} to its end, as text. */
  String text(int from) {
    return new String(content, from, end - from, StandardCharsets.US_ASCII);
  }

  /** Whether a byte outside ASCII stopped the lines. */
  boolean sawNonAscii() {
    return nonAscii;
  }
}
