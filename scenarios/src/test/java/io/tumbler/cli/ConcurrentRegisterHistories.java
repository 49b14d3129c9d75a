package io.tumbler.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes large, valid cas-register histories in history.jsonl form, drawn from a seed: rounds in which
 * {@code writers} processes write distinct values concurrently (every write is invoked before any completes),
 * then one process reads a value one of those writes put (so the history is linearizable: that write went
 * last). The concurrent writes make the search explore many orders; the size makes reading take heap.
 */
final class ConcurrentRegisterHistories {
  private ConcurrentRegisterHistories() {}

  /** Writes rounds until the file holds at least {@code minBytes}; returns {@code file}. */
  static Path write(Path file, long seed, int writers, long minBytes) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"tumbler-history\": 1, \"model\": \"cas-register\", \"init\": 0}\n");
      long index = 0;
      long value = 1;
      long bytes = 0;
      while (bytes < minBytes) {
        long first = value;
        for (int p = 0; p < writers; p++) {
          bytes += event(out, index++, p, "invoke", "write", Long.toString(value + p));
        }
        for (int p = 0; p < writers; p++) {
          bytes += event(out, index++, p, "ok", "write", Long.toString(value + p));
        }
        value += writers;
        long read = first + random.nextInt(writers);
        bytes += event(out, index++, writers, "invoke", "read", "null");
        bytes += event(out, index++, writers, "ok", "read", Long.toString(read));
      }
    }
    return file;
  }

  private static int event(BufferedWriter out, long index, int process, String type, String f, String value)
      throws IOException {
    String line = "{\"index\":" + index + ",\"process\":" + process + ",\"type\":\"" + type + "\",\"f\":\"" + f
        + "\",\"value\":" + value + ",\"time\":" + index * 1000 + "}\n";
    out.write(line);
    return line.length();
  }
}
