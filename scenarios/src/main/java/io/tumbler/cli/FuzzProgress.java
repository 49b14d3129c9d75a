package io.tumbler.cli;

import io.tumbler.scenario.campaign.Campaign;
import io.tumbler.scenario.run.Outcome;
import io.tumbler.scenario.run.RunResult;
import java.io.PrintWriter;

/**
 * Campaign progress for a person: on a terminal one line redrawn in place (seeds done, failures, seeds per
 * second, time left); otherwise a plain line every few seeds. The rate and the time left count only the seeds
 * run by this process: seeds resumed from results.jsonl are done but took no time here. Failures are always printed in full with their
 * replay command. With {@code --json} each finished seed's line goes to stdout.
 */
final class FuzzProgress implements Campaign.Listener {
  private final PrintWriter stdout;
  private final PrintWriter stderr;
  private final boolean json;
  private final long total;
  private final boolean terminal = System.console() != null;
  private final long startNanos = System.nanoTime();
  private long done;
  private long executed;
  private long failed;

  FuzzProgress(PrintWriter stdout, PrintWriter stderr, boolean json, long total) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.json = json;
    this.total = total;
  }

  @Override
  public synchronized void resumed(long alreadyDone) {
    done += alreadyDone;
    stderr.println("  resuming: " + alreadyDone + " seeds already in results.jsonl");
  }

  @Override
  public synchronized void finished(RunResult result, String jsonLine) {
    done++;
    executed++;
    if (result.outcome() != Outcome.PASS) {
      failed++;
      clearLine();
      stderr.printf("  seed %d: %s %s  reproduce: %s%n", result.seed(), result.outcome(), result.violated(),
          result.replayCommand());
      if (result.violated().contains("harness-error")) {
        stderr.println("    harness error (a bug in Tumbler): " + result.checks().get(0).details().get(0));
      }
    }
    if (json) {
      stdout.println(jsonLine);
      stdout.flush();
    }
    draw();
  }

  private void draw() {
    double seconds = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
    double rate = executed / seconds;
    long left = total - done;
    String line = String.format("  [%s] %d/%d seeds, %d failed, %.1f seeds/s, ~%.0fs left", bar(), done, total,
        failed, rate, rate > 0 ? left / rate : 0.0);
    if (terminal) {
      stderr.print("\r" + line);
    } else if (done > 0 && (done % Math.max(1, total / 10) == 0 || done == total)) {
      stderr.println(line);
    }
    stderr.flush();
  }

  private String bar() {
    int width = 24;
    int filled = (int) (width * done / Math.max(1, total));
    return "#".repeat(filled) + ".".repeat(width - filled);
  }

  private void clearLine() {
    if (terminal) {
      stderr.print("\r" + " ".repeat(90) + "\r");
    }
  }

  @Override
  public synchronized void note(String message) {
    clearLine();
    stderr.println("  note: " + message);
    draw();
  }

  @Override
  public synchronized void done() {
    if (terminal) {
      stderr.println();
    }
  }
}
