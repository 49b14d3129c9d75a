package io.tumbler.lin.io;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.MalformedHistoryException;
import io.tumbler.lin.io.edn.EdnHistoryReader;
import io.tumbler.lin.io.jsonl.JsonlHistoryReader;
import io.tumbler.lin.io.porcupine.EtcdLogImporter;
import io.tumbler.lin.io.porcupine.KvFileImporter;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a history file in any supported format, and works out which model the file implies.
 *
 * <p>Format detection ({@link HistoryFormat#AUTO}): {@code .jsonl}/{@code .ndjson} is JSONL, {@code .edn}
 * is EDN; otherwise the first non-blank line decides: {@code ... jepsen.util - ...} is a Porcupine etcd
 * log, {@code {:process N, :type ..., :key ...}} a Porcupine kv file, a line starting with <code>{"</code>
 * JSONL, and one starting with {@code [}, {@code (}, <code>{</code> or {@code ;} EDN.
 *
 * <p>Model inference, first match wins: the format (porcupine-etcd: etcd-cas-register, porcupine-kv:
 * kv-get-put-append); a jsonl header's {@code "model"}; the directory convention: the nearest enclosing
 * directory named after a model ({@code .../cas-register/good/x.edn} is cas-register).
 */
public final class HistoryFiles {
  /** Largest etcd log read whole into memory for the fast path (a 100k-op log is about 8 MiB). */
  private static final long BYTES_READ_MAX = 64L << 20;

  private HistoryFiles() {}

  /**
   * Reads {@code file} as {@code format} (AUTO detects).
   *
   * @throws MalformedHistoryException when the content is not a well-formed history
   * @throws IOException when the file cannot be read
   */
  public static LoadedHistory read(Path file, HistoryFormat format) throws IOException {
    HistoryFormat actual = format == HistoryFormat.AUTO ? detect(file) : format;
    String source = file.toString();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      switch (actual) {
        case JSONL: {
          JsonlHistoryReader.Result result = JsonlHistoryReader.read(reader, source);
          String model = result.header().model();
          ModelOptions options = result.header().initialValueSet()
              ? ModelOptions.withInitialValue(result.header().initialValue()) : ModelOptions.defaults();
          return model != null ? new LoadedHistory(file, actual, result.history(), model, "header", options)
              : withDirectoryModel(file, actual, result.history(), options);
        }
        case EDN:
          return withDirectoryModel(file, actual, EdnHistoryReader.read(reader, source), ModelOptions.defaults());
        case PORCUPINE_ETCD:
          // Up to BYTES_READ_MAX the bytes are scanned without decoding (EtcdLogImporter's ASCII fast path).
          return implied(file, actual, Files.size(file) <= BYTES_READ_MAX
              ? EtcdLogImporter.read(Files.readAllBytes(file), source) : EtcdLogImporter.read(reader, source));
        case PORCUPINE_KV:
          return implied(file, actual, KvFileImporter.read(reader, source));
        default:
          throw new IllegalStateException("unreachable: " + actual);
      }
    }
  }

  private static LoadedHistory implied(Path file, HistoryFormat format, History history) {
    return new LoadedHistory(file, format, history, format.impliedModel(), "format", ModelOptions.defaults());
  }

  private static LoadedHistory withDirectoryModel(Path file, HistoryFormat format, History history, ModelOptions options) {
    String model = modelFromDirectory(file);
    return new LoadedHistory(file, format, history, model, model == null ? "" : "directory", options);
  }

  /** The nearest enclosing directory of {@code file} named after a model, or null. */
  public static String modelFromDirectory(Path file) {
    for (Path dir = file.toAbsolutePath().getParent(); dir != null && dir.getFileName() != null; dir = dir.getParent()) {
      String name = dir.getFileName().toString();
      if (Models.exists(name)) {
        return name;
      }
    }
    return null;
  }

  /**
   * The model a check of {@code file} as {@code format} will most likely run, told from its first line alone
   * (the format's implied model, a jsonl header's {@code "model"}, else the directory convention), or null: a
   * hint for work that may start before the file is read ({@code tumbler check} warms the search up). The
   * model {@link #read} reports is the one to check with; a wrong hint costs nothing but the hint's use.
   */
  public static String modelHint(Path file, HistoryFormat format) {
    try {
      HistoryFormat actual = format == HistoryFormat.AUTO ? detect(file) : format;
      if (actual.impliedModel() != null) {
        return actual.impliedModel();
      }
      if (actual == HistoryFormat.JSONL) {
        String named = headerModel(firstLine(file));
        if (named != null) {
          return named;
        }
      }
      return modelFromDirectory(file);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The {@code "model"} a jsonl header line names, found by a plain text scan (no JSON parser), or null. */
  private static String headerModel(String line) {
    String field = "\"model\":\"";
    int at = line.startsWith("{\"tumbler-history\"") ? line.indexOf(field) : -1;
    int end = at < 0 ? -1 : line.indexOf('"', at + field.length());
    String named = end < 0 ? null : line.substring(at + field.length(), end);
    return named != null && Models.exists(named) ? named : null;
  }

  /** The format of {@code file}, by extension and first line. */
  public static HistoryFormat detect(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return HistoryFormat.JSONL;
    }
    if (name.endsWith(".edn")) {
      return HistoryFormat.EDN;
    }
    String first = firstLine(file);
    if (first.contains("jepsen.util - ")) {
      return HistoryFormat.PORCUPINE_ETCD;
    }
    if (first.startsWith("{:process ") && first.contains(":key ")) {
      return HistoryFormat.PORCUPINE_KV;
    }
    if (first.startsWith("{\"")) {
      return HistoryFormat.JSONL;
    }
    if (first.isEmpty() || "[({;".indexOf(first.charAt(0)) >= 0) {
      return HistoryFormat.EDN;
    }
    throw new MalformedHistoryException(file.toString(), 1,
        "a history in a known format (jsonl, edn, porcupine-etcd, porcupine-kv); choose one with --format",
        MalformedHistoryException.excerpt(first));
  }

  private static String firstLine(Path file) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          return line.strip();
        }
      }
      return "";
    } catch (java.nio.charset.MalformedInputException e) {
      throw new MalformedHistoryException(file.toString(), 0, "a UTF-8 text file", "bytes that are not UTF-8");
    }
  }
}
