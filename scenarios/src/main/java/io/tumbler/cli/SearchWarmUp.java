package io.tumbler.cli;

import io.tumbler.lin.Checker;
import io.tumbler.lin.CheckerOptions;
import io.tumbler.lin.history.History;
import io.tumbler.lin.io.HistoryFiles;
import io.tumbler.lin.io.HistoryFormat;
import io.tumbler.lin.io.porcupine.EtcdLogImporter;
import io.tumbler.lin.model.Model;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.SplittableRandom;

/**
 * Warms the checker up while {@code tumbler check} sets itself up and reads its first file: a short-lived
 * background thread reads and checks a small generated history of the format and model the check will run,
 * so that by the time the real search starts, its hot methods have been through the interpreter and the
 * JIT on another core.
 *
 * <p>Why: a one-off check runs in a fresh JVM, where the search starts interpreted and spends about half its
 * time there before C1 has compiled its dozen hot methods, while the second core sits idle through the
 * command line's setup (picocli) and the reading of the file.
 *
 * <p>It cannot change a verdict or an output: it shares nothing with the real check but code (its own
 * history, model instance, checker and budgets; the checker keeps no static mutable state), prints nothing,
 * and its outcomes are discarded. It ends at the end of the warm-up check under way once {@link #stop} is
 * called (the real search is about to start), checks at most {@value #ROUNDS} histories in all, and runs
 * only where it can help: for the model the project's generator speaks ({@code etcd-cas-register}, the
 * single-key histories users bring), on a machine with more than one core (on one it would only take turns
 * with the real work), with a heap of at least {@value #MIN_HEAP_MIB} MiB, and for a first file of at least
 * {@value #MIN_FILE_BYTES} and at most {@value #MAX_FILE_BYTES} bytes. {@code TUMBLER_WARM_UP=0} turns it
 * off. Only the {@code tumbler} process's {@code main} starts it, never a test or another command.
 */
final class SearchWarmUp implements Runnable {
  /** Calls in a warm-up history: a few milliseconds of reading and search once compiled. */
  private static final int OPERATIONS = 1_500;
  private static final int CLIENTS = 10;
  private static final long SEED = 0x5EA2C4L;
  /** The most warm-up checks, however long the real file takes to read. */
  static final int ROUNDS = 6;
  private static final String MODEL = "etcd-cas-register";
  private static final long MIN_HEAP_MIB = 256;
  /**
   * The smallest first file worth warming up for (about 3,000 etcd log events): a smaller check is over
   * before the warm-up's first, interpreted round is, which would only take a core from the process.
   */
  private static final long MIN_FILE_BYTES = 256 << 10;
  /**
   * The largest (2 MiB, where the {@code tumbler} script stops running C1 only): a bigger check runs for
   * seconds, where the warm-up would save a few percent, while its thread competed with the C2 compiler's
   * and the collector's (on 2 cores a 100k-op check was no faster with it).
   */
  private static final long MAX_FILE_BYTES = 2 << 20;

  private final String[] args;
  /** The warm-up's thread (tests join it). */
  final Thread thread;
  private volatile boolean stopped;
  /** Warm-up checks done (for tests). */
  private volatile int rounds;

  private SearchWarmUp(String[] args) {
    this.args = args.clone();
    this.thread = new Thread(this, "tumbler-check-warm-up");
    thread.setDaemon(true);
  }

  /**
   * For the command line {@code args} of the {@code tumbler} process: a started warm-up when it is a {@code
   * check} on a machine and heap where one can help, else null. The thread itself works out (from a glance
   * at the arguments and the first file's first line, in the background) whether the check will most likely
   * run a model it speaks, and ends at once if not: a wrong guess costs nothing but the warm-up.
   */
  static SearchWarmUp forCommandLine(String[] args) {
    if (args.length < 2 || !args[0].equals("check") || "0".equals(System.getenv("TUMBLER_WARM_UP"))
        || Runtime.getRuntime().availableProcessors() < 2 || Runtime.getRuntime().maxMemory() < (MIN_HEAP_MIB << 20)) {
      return null;
    }
    SearchWarmUp warmUp = new SearchWarmUp(args);
    warmUp.thread.start();
    return warmUp;
  }

  @Override
  public void run() {
    try {
      Glance glance = Glance.of(args);
      HistoryFormat named = glance.format() == null ? null : HistoryFormat.fromCliName(glance.format());
      long bytes = glance.file() == null ? 0 : Files.size(glance.file());
      if (named == null || bytes < MIN_FILE_BYTES || bytes > MAX_FILE_BYTES) {
        return;
      }
      HistoryFormat format = named == HistoryFormat.AUTO ? HistoryFiles.detect(glance.file()) : named;
      if (MODEL.equals(glance.model() != null ? glance.model() : HistoryFiles.modelHint(glance.file(), format))) {
        warmUp(Models.named(MODEL, ModelOptions.defaults()), format);
      }
    } catch (IOException | RuntimeException | Error e) {
      // A warm-up only saves time; whatever stops it, the real check is untouched.
    }
  }

  /**
   * What a glance at {@code check}'s arguments tells: the first argument that names an existing file,
   * {@code --model} and {@code --format} (null when one is given without a value).
   */
  private record Glance(Path file, String model, String format) {
    static Glance of(String[] args) {
      Path file = null;
      String model = null;
      String format = "auto";
      for (int i = 1; i < args.length; i++) {
        String arg = args[i];
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (arg.equals("--model") || arg.equals("--format")) {
          model = arg.equals("--model") ? value : model;
          format = arg.equals("--format") ? value : format;
          i++;
        } else if (arg.startsWith("--model=") || arg.startsWith("--format=")) {
          model = arg.startsWith("--model=") ? arg.substring("--model=".length()) : model;
          format = arg.startsWith("--format=") ? arg.substring("--format=".length()) : format;
        } else if (file == null && !arg.startsWith("-") && Files.isRegularFile(Paths.get(arg))) {
          file = Paths.get(arg);
        }
      }
      return new Glance(file, model, format);
    }
  }

  /** Warm-up checks done so far. */
  int rounds() {
    return rounds;
  }

  /** Asks the warm-up to end after the check under way; returns at once. */
  void stop() {
    stopped = true;
  }

  /** Reads (in the file's format, when it is an etcd log) and checks warm-up histories until stopped. */
  private void warmUp(Model<?> model, HistoryFormat format) throws IOException {
    byte[] log = etcdLog(OPERATIONS, SEED);
    History parsed = EtcdLogImporter.read(log, "warm-up");
    Checker checker = new Checker(CheckerOptions.defaults().withParallelism(1));
    for (int round = 0; round < ROUNDS && !stopped; round++) {
      boolean reread = round > 0 && format == HistoryFormat.PORCUPINE_ETCD;
      checker.check(model, reread ? EtcdLogImporter.read(log, "warm-up") : parsed);
      rounds = round + 1;
    }
  }

  /**
   * A linearizable single-key etcd log (Porcupine's Jepsen format, as {@code tumbler check} reads it) of
   * {@code operations} calls, determined by {@code seed}: rounds of {@value #CLIENTS} concurrent calls
   * (reads half, writes and compare-and-sets a quarter each, over 5 values; one write or cas in 50 times
   * out as info, having taken effect or not), each round's calls taking effect in a shuffled order and
   * returning in another. Plain loops over a string builder: in a fresh JVM it runs interpreted, and the
   * project's {@code SingleKeyHistories} (a priority queue of timed events) took the warm-up ten times longer.
   */
  static byte[] etcdLog(int operations, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder log = new StringBuilder(operations * 64);
    long[] process = new long[CLIENTS];
    for (int c = 0; c < CLIENTS; c++) {
      process[c] = c;
    }
    long nextProcess = CLIENTS;
    long register = -1;
    int[] kind = new int[CLIENTS];
    long[] from = new long[CLIENTS];
    long[] to = new long[CLIENTS];
    String[] outcome = new String[CLIENTS];
    int[] order = new int[CLIENTS];
    for (int done = 0; done < operations; done += CLIENTS) {
      int batch = Math.min(CLIENTS, operations - done);
      for (int c = 0; c < batch; c++) {
        int choice = random.nextInt(4);
        kind[c] = choice < 2 ? 0 : choice - 1;
        from[c] = random.nextInt(5);
        to[c] = random.nextInt(5);
        line(log, process[c], "invoke", kind[c], -1, from[c], to[c]);
        boolean info = kind[c] != 0 && random.nextInt(50) == 0;
        outcome[c] = info ? (random.nextBoolean() ? "info" : "lost") : "ok";
      }
      shuffle(order, batch, random);
      for (int i = 0; i < batch; i++) {
        int c = order[i];
        if (outcome[c].equals("lost")) {
          continue;
        }
        if (kind[c] == 0) {
          from[c] = register;
        } else if (kind[c] == 1 || register == from[c]) {
          register = to[c];
        } else if (outcome[c].equals("ok")) {
          outcome[c] = "fail";
        }
      }
      shuffle(order, batch, random);
      for (int i = 0; i < batch; i++) {
        int c = order[i];
        boolean timedOut = !outcome[c].equals("ok") && !outcome[c].equals("fail");
        line(log, process[c], timedOut ? "info" : outcome[c], kind[c], timedOut ? -2 : from[c], from[c], to[c]);
        process[c] = timedOut ? nextProcess++ : process[c];
      }
    }
    return log.toString().getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * One event line. Its value: for a read, {@code read} (-1 is nil); a write's {@code to}; a cas's {@code [from
   * to]}; with {@code read} -2, {@code :timed-out}. (Appended piece by piece: a string concatenation's first
   * use bootstraps method handles, which a fresh JVM pays for in milliseconds.)
   */
  private static void line(StringBuilder log, long process, String type, int kind, long read, long from, long to) {
    log.append("INFO  jepsen.util - ").append(process).append("\t:").append(type).append("\t:")
        .append(kind == 0 ? "read" : kind == 1 ? "write" : "cas").append('\t');
    if (read == -2) {
      log.append(":timed-out");
    } else if (kind == 0) {
      log.append(read < 0 ? "nil" : Long.toString(read));
    } else if (kind == 1) {
      log.append(to);
    } else {
      log.append('[').append(from).append(' ').append(to).append(']');
    }
    log.append('\n');
  }

  /** The first {@code count} slots of {@code order}: 0..count-1, shuffled (Fisher-Yates). */
  private static void shuffle(int[] order, int count, SplittableRandom random) {
    for (int i = 0; i < count; i++) {
      int j = random.nextInt(i + 1);
      order[i] = order[j];
      order[j] = i;
    }
  }
}
