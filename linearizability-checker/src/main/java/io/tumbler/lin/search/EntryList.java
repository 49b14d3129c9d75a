package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import java.util.Arrays;
import java.util.List;

/**
 * Wing and Gong's history as doubly-linked lists of entries in real-time order, over int arrays.
 * Linearizing an operation lifts its entries out; backtracking unlifts them (reinserting in reverse
 * order of removal restores the exact lists).
 *
 * <p>Two lists share one numbering (entry numbers grow with history position, so comparing numbers
 * compares times): the <em>main</em> list holds the call and return entries of the operations the search
 * must linearize (ok calls, definite failures); the <em>optional</em> list holds the call entries of
 * indeterminate operations, which have no return: they may be linearized at any later point, or never.
 * Keeping them apart lets the search try required calls first and optional ones only when it is stuck.
 *
 * <p>{@link #entryOp} holds the operation of a call entry and {@code ~op} (negative) for a return entry;
 * sentinels hold {@link Integer#MIN_VALUE}.
 */
final class EntryList {
  /** Head sentinel of the main list. */
  static final int HEAD = 0;

  final int[] next;
  final int[] prev;
  final int[] entryOp;
  final int[] callEntry;
  final int[] returnEntry;
  /** Tail sentinel of the main list. */
  final int tail;
  /** Head sentinel of the optional list. */
  final int optionalHead;
  /** Tail sentinel of the optional list: numbered above every entry, so it ends any "before R" walk. */
  final int optionalTail;

  /**
   * @param calls    the operations, in order of invocation
   * @param required which operations the search must linearize (they have a return entry)
   */
  EntryList(List<Call> calls, boolean[] required) {
    int n = calls.size();
    long[] events = events(calls, required);
    int count = events.length;
    tail = count + 1;
    optionalHead = count + 2;
    optionalTail = count + 3;
    next = new int[count + 4];
    prev = new int[count + 4];
    entryOp = new int[count + 4];
    callEntry = new int[n];
    returnEntry = new int[n];
    Arrays.fill(returnEntry, -1);
    Arrays.fill(entryOp, Integer.MIN_VALUE);
    link(events, count, required);
  }

  /** A fresh copy of {@code numbering}'s lists (as built: nothing lifted), sharing its immutable numbering. */
  EntryList(EntryList numbering) {
    next = numbering.next.clone();
    prev = numbering.prev.clone();
    entryOp = numbering.entryOp;
    callEntry = numbering.callEntry;
    returnEntry = numbering.returnEntry;
    tail = numbering.tail;
    optionalHead = numbering.optionalHead;
    optionalTail = numbering.optionalTail;
  }

  /**
   * The call and return events ({@code position << 32 | op * 2 + isReturn}) in history order. When the
   * positions (distinct indexes into the history's events) are dense, as for a history of one key, a pass
   * over a table by position orders them: no sort, which in a fresh JVM runs interpreted over 20,000 longs
   * for a 10k-call history. A sparse sub-history of a many-key history is sorted.
   */
  private static long[] events(List<Call> calls, boolean[] required) {
    int n = calls.size();
    int count = 0;
    int last = -1;
    for (int op = 0; op < n; op++) {
      Call call = calls.get(op);
      count += required[op] ? 2 : 1;
      last = Math.max(last, required[op] ? call.completePosition() : call.invokePosition());
    }
    long[] events = new long[count];
    if (last >= 4L * count + 64) {
      int e = 0;
      for (int op = 0; op < n; op++) {
        events[e++] = ((long) calls.get(op).invokePosition() << 32) | (op * 2L);
        if (required[op]) {
          events[e++] = ((long) calls.get(op).completePosition() << 32) | (op * 2L + 1);
        }
      }
      Arrays.sort(events);
      return events;
    }
    int[] codeAt = new int[last + 1];
    Arrays.fill(codeAt, -1);
    for (int op = 0; op < n; op++) {
      place(codeAt, calls.get(op).invokePosition(), op * 2);
      if (required[op]) {
        place(codeAt, calls.get(op).completePosition(), op * 2 + 1);
      }
    }
    int e = 0;
    for (int position = 0; position <= last; position++) {
      if (codeAt[position] >= 0) {
        events[e++] = ((long) position << 32) | codeAt[position];
      }
    }
    return events;
  }

  private static void place(int[] codeAt, int position, int code) {
    if (codeAt[position] >= 0) {
      throw new IllegalArgumentException("two events at history position " + position);
    }
    codeAt[position] = code;
  }

  private void link(long[] events, int count, boolean[] required) {
    int lastMain = HEAD;
    int lastOptional = optionalHead;
    for (int e = 1; e <= count; e++) {
      int code = (int) events[e - 1];
      int op = code >>> 1;
      boolean isReturn = (code & 1) == 1;
      entryOp[e] = isReturn ? ~op : op;
      if (isReturn) {
        returnEntry[op] = e;
      } else {
        callEntry[op] = e;
      }
      if (required[op]) {
        append(lastMain, e);
        lastMain = e;
      } else {
        append(lastOptional, e);
        lastOptional = e;
      }
    }
    append(lastMain, tail);
    append(lastOptional, optionalTail);
  }

  private void append(int last, int e) {
    next[last] = e;
    prev[e] = last;
  }

  /** Removes operation {@code op}'s entries. */
  void lift(int op) {
    unlink(callEntry[op]);
    int ret = returnEntry[op];
    if (ret >= 0) {
      unlink(ret);
    }
  }

  /** Restores what {@link #lift} removed; must be called in reverse order of lifts. */
  void unlift(int op) {
    int ret = returnEntry[op];
    if (ret >= 0) {
      relink(ret);
    }
    relink(callEntry[op]);
  }

  private void unlink(int e) {
    next[prev[e]] = next[e];
    prev[next[e]] = prev[e];
  }

  private void relink(int e) {
    next[prev[e]] = e;
    prev[next[e]] = e;
  }
}
