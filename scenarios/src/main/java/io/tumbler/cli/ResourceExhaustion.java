package io.tumbler.cli;

import java.io.IOException;
import java.util.Locale;

/**
 * A resource the JVM or the machine ran out of (heap, metaspace, threads, stack, disk, file handles), told as
 * one line a person can act on: what ran out and what to raise. Running out is neither a verdict nor a bug, so a
 * command reports it this way instead of a stack trace: {@code check} calls the history's verdict UNKNOWN
 * (exit 2), every other command exits with a harness error (exit 4).
 *
 * @param what  what ran out, with the limit in force when known ("out of memory (Java heap space; the heap is at
 *              most 30 MiB)")
 * @param raise what to raise, and how ("raise the heap, e.g. JAVA_OPTS=-Xmx128m")
 */
record ResourceExhaustion(String what, String raise) {
  /** How deep a chain of causes is searched for the exhaustion that started it. */
  private static final int MAX_CAUSE_DEPTH = 16;
  private static final long MIB = 1L << 20;

  /** The exhaustion {@code thrown} is, or was caused by; null when it is some other failure. */
  static ResourceExhaustion of(Throwable thrown) {
    Throwable t = thrown;
    for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
      ResourceExhaustion found = direct(t);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static ResourceExhaustion direct(Throwable t) {
    if (t instanceof OutOfMemoryError) {
      return outOfMemory(String.valueOf(t.getMessage()));
    }
    if (t instanceof StackOverflowError) {
      return new ResourceExhaustion("out of stack (the input nests too deeply or a recursion ran away)",
          "raise the thread stack size, e.g. JAVA_OPTS=-Xss64m");
    }
    if (t instanceof IOException && t.getMessage() != null) {
      String message = t.getMessage();
      if (message.contains("No space left on device") || message.contains("Disk quota exceeded")) {
        return new ResourceExhaustion("the disk is full (" + message + ")", "free space on that disk or write elsewhere (--out)");
      }
      if (message.contains("Too many open files")) {
        return new ResourceExhaustion("out of file handles (" + message + ")", "raise the limit on open files (ulimit -n)");
      }
    }
    return null;
  }

  private static ResourceExhaustion outOfMemory(String message) {
    if (message.contains("Metaspace")) {
      return new ResourceExhaustion("out of class metadata space (Metaspace)",
          "raise it, e.g. JAVA_OPTS=-XX:MaxMetaspaceSize=512m");
    }
    if (message.contains("native thread")) {
      return new ResourceExhaustion("out of threads (" + message + ")",
          "raise the process limit (ulimit -u) or run fewer --jobs");
    }
    if (message.contains("Direct buffer memory")) {
      return new ResourceExhaustion("out of direct buffer memory",
          "raise it, e.g. JAVA_OPTS=-XX:MaxDirectMemorySize=1g");
    }
    long maxHeap = Runtime.getRuntime().maxMemory();
    return new ResourceExhaustion("out of memory (" + message + "; the heap is at most " + maxHeap / MIB + " MiB)",
        "raise the heap with -Xmx, e.g. JAVA_OPTS=-Xmx" + suggestedHeap(maxHeap));
  }

  /** Four times the current maximum heap, rounded up to a power of two, as an {@code -Xmx} value. */
  static String suggestedHeap(long maxHeapBytes) {
    long mib = Long.highestOneBit(Math.max(1, 4 * maxHeapBytes / MIB - 1)) << 1;
    return mib >= 1024 ? mib / 1024 + "g" : mib + "m";
  }

  /** The one line for {@code command} ("check", "fuzz"): what ran out, then what to raise. */
  String line(String command) {
    return String.format(Locale.ROOT, "tumbler %s: %s; %s", command, what, raise);
  }
}
