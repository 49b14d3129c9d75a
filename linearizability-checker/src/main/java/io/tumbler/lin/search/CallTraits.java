package io.tumbler.lin.search;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the search knows about each call of a sub-history before it starts, asked of the model once and
 * shared by both passes of {@link WglSearch#check}. Calls are numbered 0..n-1 in order of invocation.
 *
 * <p>Calls fall into <em>classes</em> of equal function, input, output, outcome (ok, failed,
 * indeterminate) and error field (the path store and VM models read a failure's reason): the model's step
 * depends on nothing else ({@link Model} contract), so the search asks
 * the model once per (class, state) instead of once per (call, state). A long single-key history has a few
 * dozen classes and thousands of calls.
 *
 * <p>Built with plain loops over arrays (no streams, lambdas or boxed sorting): in a fresh JVM this runs
 * once, interpreted, before anything is compiled.
 *
 * @param <S> the model's state type
 */
final class CallTraits<S> {
  /** The calls, by number. */
  final Call[] calls;
  /** Calls the search must linearize: every call except the indeterminate ones. */
  final boolean[] required;
  /** Required calls that never change the state ({@link Model#isReadOnly}). */
  final boolean[] readOnly;
  /** Calls whose legality may depend on the state ({@link Model#readsState}). */
  final boolean[] readsState;
  /** Each call's class, and one call of each class (the first). */
  final int[] callClass;
  final Call[] classCalls;
  /** For an indeterminate call, the previous indeterminate call with equal f and input, else -1. */
  final int[] identicalEarlier;
  /** Observer guards ({@link Model#observerGuard}) by call, null where there is none. */
  final List<Predicate<S>> guards;
  /** Blind writes by invocation order; the required ones by return order. */
  final int[] blindWrites;
  final int[] requiredBlindWrites;
  /** Calls with a guard by return order, and their return entries (ascending). */
  final int[] observers;
  final int[] observerReturns;
  /** Whether the model abstracts states for blind writes ({@link Model#forgetOverwritten}). */
  final boolean forgetful;

  /**
   * @param model     the model
   * @param calls     the sub-history's calls, in order of invocation
   * @param numbering an entry list of these calls, for its (immutable) entry numbers
   */
  CallTraits(Model<S> model, List<Call> calls, boolean[] required, EntryList numbering) {
    this.calls = calls.toArray(new Call[0]);
    this.required = required;
    int n = this.calls.length;
    this.readOnly = new boolean[n];
    this.readsState = new boolean[n];
    this.guards = new ArrayList<>(n);
    boolean[] blind = new boolean[n];
    boolean[] guarded = new boolean[n];
    for (int op = 0; op < n; op++) {
      Call call = this.calls[op];
      readOnly[op] = required[op] && model.isReadOnly(call);
      readsState[op] = model.readsState(call);
      Predicate<S> guard = readOnly[op] ? model.observerGuard(call) : null;
      guards.add(guard);
      guarded[op] = guard != null;
      blind[op] = model.isBlindWrite(call);
    }
    this.callClass = new int[n];
    this.classCalls = classify(this.calls, callClass);
    this.identicalEarlier = identicalEarlier(callClass, classCalls.length, required);
    this.blindWrites = byEntry(blind, null, numbering.callEntry, numbering.next.length);
    this.requiredBlindWrites = byEntry(blind, required, numbering.returnEntry, numbering.next.length);
    this.observers = byEntry(guarded, null, numbering.returnEntry, numbering.next.length);
    this.observerReturns = new int[observers.length];
    for (int i = 0; i < observers.length; i++) {
      observerReturns[i] = numbering.returnEntry[observers[i]];
    }
    this.forgetful = requiredBlindWrites.length > 0 && forgets(model, this.calls[requiredBlindWrites[0]]);
  }

  /**
   * The calls with {@code chosen} (and {@code also}, when given) set, ordered by {@code entry} (distinct
   * entry numbers below {@code entries}; a counting pass, no boxed sort).
   */
  private static int[] byEntry(boolean[] chosen, boolean[] also, int[] entry, int entries) {
    int[] opAt = new int[entries];
    Arrays.fill(opAt, -1);
    int count = 0;
    for (int op = 0; op < chosen.length; op++) {
      if (chosen[op] && (also == null || also[op])) {
        opAt[entry[op]] = op;
        count++;
      }
    }
    int[] ordered = new int[count];
    int i = 0;
    for (int e = 0; e < entries && i < count; e++) {
      if (opAt[e] >= 0) {
        ordered[i++] = opAt[e];
      }
    }
    return ordered;
  }

  private static <S> boolean forgets(Model<S> model, Call blindWrite) {
    S initial = model.initialState();
    return !model.sameState(model.forgetOverwritten(initial, blindWrite), initial);
  }

  /**
   * Numbers the classes of {@code calls} in order of first appearance into {@code classOf}; one call of
   * each. An open-addressing table over the calls' (f, input, output, outcome) hashes, compared in full on
   * a hash match: no boxed keys.
   */
  private static Call[] classify(Call[] calls, int[] classOf) {
    int capacity = Integer.highestOneBit(Math.max(16, calls.length * 2) - 1) << 1;
    int[] slotClass = new int[capacity];
    int[] slotHash = new int[capacity];
    Arrays.fill(slotClass, -1);
    Call[] representatives = new Call[Math.max(1, calls.length)];
    int classes = 0;
    for (int op = 0; op < calls.length; op++) {
      Call call = calls[op];
      int hash = shapeHash(call);
      int slot = (int) ZobristKeys.mix(hash) & (capacity - 1);
      while (slotClass[slot] >= 0 && !(slotHash[slot] == hash && sameShape(representatives[slotClass[slot]], call))) {
        slot = (slot + 1) & (capacity - 1);
      }
      if (slotClass[slot] < 0) {
        slotClass[slot] = classes;
        slotHash[slot] = hash;
        representatives[classes++] = call;
      }
      classOf[op] = slotClass[slot];
    }
    return Arrays.copyOf(representatives, classes);
  }

  private static int outcome(Call call) {
    return call.isIndeterminate() ? 2 : call.isFailed() ? 1 : 0;
  }

  private static int shapeHash(Call call) {
    int hash = call.f().hashCode();
    hash = hash * 31 + Objects.hashCode(call.input());
    hash = hash * 31 + Objects.hashCode(call.output());
    hash = hash * 31 + Objects.hashCode(call.error());
    return hash * 31 + outcome(call);
  }

  private static boolean sameShape(Call a, Call b) {
    return outcome(a) == outcome(b) && a.f().equals(b.f()) && Objects.equals(a.input(), b.input())
        && Objects.equals(a.output(), b.output()) && Objects.equals(a.error(), b.error());
  }

  /** For each indeterminate call, the previous indeterminate call of its class (equal f and input), else -1. */
  private static int[] identicalEarlier(int[] classOf, int classCount, boolean[] required) {
    int[] earlier = new int[classOf.length];
    int[] lastOfClass = new int[classCount];
    Arrays.fill(lastOfClass, -1);
    for (int op = 0; op < classOf.length; op++) {
      earlier[op] = -1;
      if (!required[op]) {
        earlier[op] = lastOfClass[classOf[op]];
        lastOfClass[classOf[op]] = op;
      }
    }
    return earlier;
  }

  /** Which calls are required: all but the indeterminate ones. */
  static boolean[] requiredCalls(List<Call> calls) {
    boolean[] required = new boolean[calls.size()];
    for (int op = 0; op < required.length; op++) {
      required[op] = !calls.get(op).isIndeterminate();
    }
    return required;
  }
}
