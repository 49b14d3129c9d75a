package io.tumbler.lin.search;

import io.tumbler.lin.UnknownCause;
import io.tumbler.lin.Verdict;
import io.tumbler.lin.history.Call;
import io.tumbler.lin.model.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lowe's memoized Wing and Gong search (WGL) over one sub-history.
 *
 * <p>A configuration is (set of linearized calls, model state). From a configuration the candidates are
 * the calls invoked before the first return entry R still in the list (no call that returned before them
 * is left out). Linearizing a candidate whose resulting configuration is not cached pushes a frame and
 * continues from the new configuration; when no candidate leads anywhere new, the search backtracks. The
 * history is linearizable iff every call with a return (ok, or a definite failure) gets linearized;
 * indeterminate calls never have to be. With an empty stack and nothing left to try, it is not.
 *
 * <p>These reductions keep the search small; each preserves the verdict and (for guards, with the
 * second pass) the furthest return reached, which is Knossos's failing op:
 * <ul>
 *   <li><b>Forced reads.</b> A required candidate the model calls read-only ({@link Model#isReadOnly})
 *       that is legal now can be linearized right away: any completion from the configuration can be
 *       reordered to start with it, since wherever it stood it changed nothing. So it is taken first,
 *       alone; if that fails, the configuration fails.</li>
 *   <li><b>Earliest return first.</b> Required candidates are tried in the order of their returns, so the
 *       call that must be placed soonest comes first and a long-pending call, which is rarely placed early,
 *       comes last. (Any order is complete; this one finds linearizations sooner.)</li>
 *   <li><b>Required before optional.</b> Indeterminate calls live in their own list and are tried only at
 *       R, after the required candidates; an indeterminate call that would not change the state is never
 *       tried (taking effect is then the same as never taking effect).</li>
 *   <li><b>Observer guards.</b> A model may say when a read-only call can no longer become legal
 *       without a blind write ({@link Model#observerGuard}); a configuration where the guard of an
 *       upcoming observer fails, both in the current state and right after each open blind write invoked
 *       before that observer's return, is dead and is dropped (everything linearized before an observer
 *       was invoked before its return). This can hide how far a dead branch would have got, so when a guarded search finds the
 *       history invalid, {@link #check} runs a second pass that prunes only below the furthest return
 *       already known, which keeps the failing call exact.</li>
 *   <li><b>Forgetting overwritten state.</b> When a required blind write must precede every open call
 *       that reads state, what it will overwrite is never observed; the model may replace that part by a
 *       placeholder ({@link Model#forgetOverwritten}), which merges configurations that differ only in the
 *       order of unobserved writes (appends before a put).</li>
 *   <li><b>Calls that can never take effect.</b> Before the search, the closure of the initial state under
 *       every call's step (any order, any number of times: a superset of the reachable states) says which
 *       calls are illegal everywhere (a read of a value no call writes). No configuration gets past the
 *       first such required call's return, so the first configuration stuck there ends the search
 *       INVALID with that call, exactly the failing call an exhaustive search would name, instead of
 *       exhausting every configuration before it (on a long history: millions, an UNKNOWN). When the
 *       budget runs out first, the outcome is still INVALID, naming that call.</li>
 *   <li><b>Identical indeterminate calls.</b> Among indeterminate calls with equal function and input,
 *       only the earliest not yet linearized one is tried: the others lead to symmetric configurations.
 *       (This relies on the model's step depending only on a call's function, input, output, outcome and
 *       error.)</li>
 *   <li><b>Subsumed configurations.</b> A configuration is skipped when a cached one has linearized the same
 *       required calls, is in the same state, and has linearized a subset of its indeterminate calls
 *       ({@link ConfigurationCache}): it can complete only if that one can. This is what keeps the search
 *       from redoing its work after trying an indeterminate write that a later write overwrote unread.</li>
 * </ul>
 *
 * <p>Budgets are checked every {@value #BUDGET_CHECK_MASK}+1 steps and on every cache insertion. Not
 * thread-safe: one instance per sub-history, used once.
 *
 * @param <S> the model's state type
 */
public final class WglSearch<S> {
  private static final int BUDGET_CHECK_MASK = 0x3FFF;
  /** How many upcoming observers' guards a fresh configuration checks. */
  private static final int GUARDS_CHECKED = 8;
  /** Frame kinds: how the call was chosen, which says how to resume its parent after it fails. */
  private static final byte FORCED = 0;
  private static final byte REQUIRED = 1;
  private static final byte OPTIONAL = 2;
  /** Step signal: the cursor moved; go on. */
  private static final int MOVED = 0;
  /** Step signal (and {@link #tryLinearize} result): nothing new from here (limit codes are -1, -2). */
  private static final int DEAD_END = -100;
  /** Step signal: the search is stuck at {@link #ceiling}, as far as any configuration can get. */
  private static final int AT_CEILING = -101;
  /** Bounds of the never-legal pre-pass ({@link Transitions#legalSomewhere}): states, and steps per call. */
  private static final int CLOSURE_MAX_STATES = 256;
  private static final int CLOSURE_STEPS_PER_CALL = 4;

  private final SubHistory subHistory;
  private final SearchLimits limits;
  private final int maxBestPrefixes;
  private final CallTraits<S> traits;
  private final Call[] calls;
  private final boolean[] required;
  private final boolean[] readOnly;
  private final boolean fullPruning;
  /** The furthest return any guard-pruned configuration could have reached. */
  private int prunedBeyond;
  /**
   * The return entry of the first required call that is illegal in every state the history can reach
   * ({@link Transitions#legalSomewhere}), {@link Integer#MAX_VALUE} when there is none or the pre-pass
   * gave up: no configuration gets past it, so the first one stuck there ends the search INVALID.
   */
  private final int ceiling;
  private final EntryList entries;
  private final Transitions<S> transitions;
  private final long[] zobrist;
  private final long[] linearized;
  private final LinearizedKey key;
  private final Frames frames;
  private final List<int[]> bestOrders = new ArrayList<>();
  private final List<Integer> bestStates = new ArrayList<>();
  private ConfigurationCache cache;
  private int furthestReturn;
  // The cursor: the current configuration, and how far the walk over its candidates has got.
  private int state;
  private long hash;
  /** The highest linearized operation, -1 for none (for the key's window). */
  private int highest = -1;
  private int remaining;
  /** Whether the configuration was just entered (its forced pass has not run). */
  private boolean fresh;
  /** The first return entry R of the configuration; candidates are the calls invoked before it. */
  private int stuckAt;
  /** How many required candidates the configuration has, and how many the walk has met. */
  private int candidates;
  private int found;
  /** Walk position: a main-list entry at or after R (required phase) or an optional entry. */
  private int walk;
  private boolean optionalPhase;
  private int resumeAlternative;
  /** The state {@link #tryLinearize} moved to, when it returned ADDED. */
  private int pendingState;

  private WglSearch(CallTraits<S> traits, EntryList numbering, Transitions<S> transitions, int ceiling,
      SubHistory subHistory, SearchLimits limits, int maxBestPrefixes, boolean fullPruning, int knownFurthestReturn,
      boolean compactKeys) {
    this.subHistory = subHistory;
    this.traits = traits;
    this.limits = limits;
    this.maxBestPrefixes = maxBestPrefixes;
    this.fullPruning = fullPruning;
    this.furthestReturn = knownFurthestReturn;
    this.calls = traits.calls;
    this.required = traits.required;
    this.readOnly = traits.readOnly;
    this.entries = new EntryList(numbering);
    this.transitions = transitions;
    this.ceiling = ceiling;
    // The cache's hash covers the required operations only: configurations that differ only in indeterminate
    // ones must meet in one probe run, where the cache can see that one subsumes the other.
    this.zobrist = ZobristKeys.forOperations(calls.length);
    for (int op = 0; op < calls.length; op++) {
      zobrist[op] = required[op] ? zobrist[op] : 0;
    }
    this.linearized = new long[Math.max(1, (calls.length + 63) >>> 6)];
    this.key = compactKeys ? LinearizedKey.compact(linearized, required) : LinearizedKey.full(linearized, required);
    this.frames = new Frames(calls.length);
  }

  /**
   * Checks {@code subHistory}: a guarded search, and, when it finds the sub-history invalid but pruned a
   * branch that might have got further, an exact second pass for the counterexample.
   *
   * @param model           the model
   * @param subHistory      the calls to check
   * @param limits          the budgets shared with the other searches of this check
   * @param maxBestPrefixes how many longest prefixes to keep for a counterexample
   */
  public static <S> PartitionOutcome check(Model<S> model, SubHistory subHistory, SearchLimits limits, int maxBestPrefixes) {
    return check(model, subHistory, limits, maxBestPrefixes, true, true);
  }

  /**
   * The verdict alone: the guarded search without the exact second pass, so an invalid outcome's failing
   * call may be earlier than the true one (its detail says so when it might be).
   */
  public static <S> PartitionOutcome checkVerdict(Model<S> model, SubHistory subHistory, SearchLimits limits) {
    return check(model, subHistory, limits, 1, true, false);
  }

  /**
   * {@link #check}, with compact cache keys or (for the differential test) full-bitset ones; both explore
   * exactly the same configurations. Without {@code exactPass}, an invalid guarded search is final.
   */
  static <S> PartitionOutcome check(Model<S> model, SubHistory subHistory, SearchLimits limits, int maxBestPrefixes,
      boolean compactKeys, boolean exactPass) {
    boolean[] required = CallTraits.requiredCalls(subHistory.calls());
    EntryList numbering = new EntryList(subHistory.calls(), required);
    CallTraits<S> traits;
    Transitions<S> transitions;
    int ceiling;
    try {
      traits = new CallTraits<>(model, subHistory.calls(), required, numbering);
      transitions = new Transitions<>(model, traits);
      ceiling = ceiling(traits, transitions, numbering);
    } catch (RuntimeException e) {
      return new PartitionOutcome(subHistory, Verdict.UNKNOWN, UnknownCause.MODEL_ERROR,
          "model " + model.name() + ": " + e.getMessage(), 0, null, List.of(), 0);
    }
    WglSearch<S> guarded = new WglSearch<>(traits, numbering, transitions, ceiling, subHistory, limits, maxBestPrefixes,
        true, 0, compactKeys);
    PartitionOutcome first = guarded.run();
    if (first.verdict() == Verdict.UNKNOWN && ceiling != Integer.MAX_VALUE && first.cause() != UnknownCause.MODEL_ERROR) {
      return beyondBudget(first, traits.calls[~numbering.entryOp[ceiling]]);
    }
    if (first.verdict() != Verdict.INVALID || guarded.prunedBeyond <= guarded.furthestReturn
        || guarded.furthestReturn == ceiling) {
      return first;
    }
    if (!exactPass) {
      return new PartitionOutcome(subHistory, Verdict.INVALID, null, "the failing call may be early: no exact pass",
          first.configurations(), first.failingCall(), first.bestPrefixes(), first.elapsedNanos());
    }
    WglSearch<S> exact = new WglSearch<>(traits, numbering, transitions, ceiling, subHistory, limits, maxBestPrefixes,
        false, guarded.furthestReturn, compactKeys);
    PartitionOutcome second = exact.run();
    long configurations = first.configurations() + second.configurations();
    long elapsed = first.elapsedNanos() + second.elapsedNanos();
    if (second.verdict() != Verdict.INVALID) {
      return new PartitionOutcome(subHistory, Verdict.INVALID, null,
          "the failing call may be early: the exact pass ended " + second.verdict() + " (" + second.cause() + ")",
          configurations, first.failingCall(), first.bestPrefixes(), elapsed);
    }
    return new PartitionOutcome(subHistory, Verdict.INVALID, null, "", configurations, second.failingCall(),
        second.bestPrefixes(), elapsed);
  }

  /**
   * The never-legal pre-pass: the return entry of the first required call that cannot take effect in any
   * state the sub-history can reach, or {@link Integer#MAX_VALUE}. Such a call (a read of a value no call
   * ever writes) makes the history invalid, and no linearization gets past its return.
   */
  private static <S> int ceiling(CallTraits<S> traits, Transitions<S> transitions, EntryList numbering) {
    int calls = traits.calls.length;
    boolean[] legal = transitions.legalSomewhere(CLOSURE_MAX_STATES, CLOSURE_STEPS_PER_CALL * calls + 4096);
    int ceiling = Integer.MAX_VALUE;
    for (int op = 0; legal != null && op < calls; op++) {
      if (traits.required[op] && !legal[traits.callClass[op]]) {
        ceiling = Math.min(ceiling, numbering.returnEntry[op]);
      }
    }
    return ceiling;
  }

  /**
   * A search that ran out of budget on a sub-history known to be invalid (a call that can never take
   * effect): INVALID, naming that call, though an earlier violation the search did not reach may exist.
   */
  private static PartitionOutcome beyondBudget(PartitionOutcome unknown, Call neverLegal) {
    return new PartitionOutcome(unknown.subHistory(), Verdict.INVALID, null,
        "the failing call may be early: the search ran out of budget (" + unknown.cause() + ") before reaching it,"
            + " and it can take effect in no state the history can reach",
        unknown.configurations(), neverLegal, List.of(), unknown.elapsedNanos());
  }

  /** Runs the search to a verdict. */
  private PartitionOutcome run() {
    long started = System.nanoTime();
    cache = new ConfigurationCache(limits);
    try {
      return search(started);
    } catch (ModelFailure failure) {
      return unknown(UnknownCause.MODEL_ERROR, failure.getMessage(), started);
    } catch (OutOfMemoryError e) {
      return unknown(UnknownCause.MEMORY_LIMIT, "out of memory", started);
    } finally {
      cache.close();
    }
  }

  private PartitionOutcome search(long started) {
    for (boolean isRequired : required) {
      remaining += isRequired ? 1 : 0;
    }
    if (limits.timeIsUp()) {
      return unknown(UnknownCause.TIME_LIMIT, "", started);
    }
    state = transitions.initialState();
    int added = cache.add(0L, state, key.words(), key.encode(firstOpenRequired(-1), highest));
    if (added < 0) {
      return unknown(causeOf(added), "", started);
    }
    fresh = true;
    long steps = 0;
    while (remaining > 0) {
      if ((++steps & BUDGET_CHECK_MASK) == 0 && limits.timeIsUp()) {
        return unknown(UnknownCause.TIME_LIMIT, "", started);
      }
      int signal = fresh ? enter() : optionalPhase ? stepOptional() : stepRequired();
      if (signal == AT_CEILING) {
        return invalid(started);
      }
      if (signal == DEAD_END) {
        if (!backtrack()) {
          return invalid(started);
        }
      } else if (signal != MOVED) {
        return unknown(causeOf(signal), "", started);
      }
    }
    return new PartitionOutcome(subHistory, Verdict.VALID, null, "", cache.size(), null, List.of(), System.nanoTime() - started);
  }

  /**
   * Enters a fresh configuration: finds R and counts the required candidates; a read-only candidate
   * that is legal now is linearized at once (forced), else the walk starts at R.
   */
  private int enter() {
    fresh = false;
    if (traits.forgetful) {
      int outcome = forgetOverwritten();
      if (outcome != MOVED) {
        return outcome;
      }
    }
    int count = 0;
    int e = entries.next[EntryList.HEAD];
    for (; entries.entryOp[e] >= 0; e = entries.next[e]) {
      int op = entries.entryOp[e];
      if (readOnly[op]) {
        if (isNoOp(op)) {
          int outcome = tryLinearize(op, 0, FORCED);
          if (outcome == ConfigurationCache.ADDED) {
            advance(op);
            return MOVED;
          }
          return outcome;
        }
      }
      count++;
    }
    if (e == entries.tail) {
      throw new IllegalStateException("ran past the last return with " + remaining + " calls to linearize");
    }
    if (e == ceiling) {
      noteStuck(e);
      return AT_CEILING;
    }
    if (traits.observers.length > 0 && someGuardFails(e)) {
      return DEAD_END;
    }
    stuckAt = e;
    candidates = count;
    found = 0;
    walk = e;
    optionalPhase = false;
    resumeAlternative = 0;
    return MOVED;
  }

  /** One step of the walk over required candidates, in return order from R. */
  private int stepRequired() {
    if (found == candidates) {
      optionalPhase = true;
      walk = entries.next[entries.optionalHead];
      return MOVED;
    }
    int e = walk;
    int entryOp = entries.entryOp[e];
    if (entryOp >= 0 || entries.callEntry[~entryOp] > stuckAt) {
      walk = entries.next[e];
      return MOVED;
    }
    int op = ~entryOp;
    found++;
    int outcome = tryLinearize(op, resumeAlternative, REQUIRED);
    resumeAlternative = 0;
    if (outcome == ConfigurationCache.ADDED) {
      advance(op);
      return MOVED;
    }
    walk = entries.next[e];
    return outcome == DEAD_END ? MOVED : outcome;
  }

  /** One step of the walk over the indeterminate calls invoked before R; past them, a dead end. */
  private int stepOptional() {
    int e = walk;
    if (e > stuckAt) {
      noteStuck(stuckAt);
      return DEAD_END;
    }
    walk = entries.next[e];
    int op = entries.entryOp[e];
    int alternative = resumeAlternative;
    resumeAlternative = 0;
    int earlier = traits.identicalEarlier[op];
    if ((earlier >= 0 && !isLinearized(earlier)) || isNoOp(op)) {
      return MOVED;
    }
    int outcome = tryLinearize(op, alternative, OPTIONAL);
    if (outcome == ConfigurationCache.ADDED) {
      advance(op);
      return MOVED;
    }
    return outcome == DEAD_END ? MOVED : outcome;
  }

  /**
   * Replaces the state by its abstraction when the earliest-returning open required blind write must
   * precede every open call that reads state ({@link Model#forgetOverwritten}); the abstract
   * configuration is cached too, and if it was already there this one is a dead end (it is equivalent to
   * one explored).
   */
  private int forgetOverwritten() {
    int overwriter = -1;
    for (int op : traits.requiredBlindWrites) {
      if (!isLinearized(op)) {
        overwriter = op;
        break;
      }
    }
    if (overwriter < 0 || readerBefore(entries.returnEntry[overwriter])) {
      return MOVED;
    }
    int abstracted = transitions.forget(overwriter, state);
    if (abstracted == state) {
      return MOVED;
    }
    int added = cache.add(hash, abstracted, key.words(), key.encode(firstOpenRequired(-1), highest));
    if (added == ConfigurationCache.ADDED) {
      state = abstracted;
      return MOVED;
    }
    return added == ConfigurationCache.PRESENT ? DEAD_END : added;
  }

  /** Whether an open call that reads state was invoked before entry {@code limit}. */
  private boolean readerBefore(int limit) {
    for (int e = entries.next[EntryList.HEAD]; e < limit; e = entries.next[e]) {
      int op = entries.entryOp[e];
      if (op >= 0 && traits.readsState[op]) {
        return true;
      }
    }
    for (int e = entries.next[entries.optionalHead]; e < limit; e = entries.next[e]) {
      if (traits.readsState[entries.entryOp[e]]) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether one of the next {@value #GUARDS_CHECKED} guarded observers not linearized yet (in return
   * order from R, invoked or not: whatever precedes an observer was invoked before its return) can no
   * longer become legal.
   */
  private boolean someGuardFails(int firstReturn) {
    int from = Arrays.binarySearch(traits.observerReturns, firstReturn);
    int checked = 0;
    for (int i = from < 0 ? -from - 1 : from; i < traits.observers.length && checked < GUARDS_CHECKED; i++) {
      int op = traits.observers[i];
      if (isLinearized(op)) {
        continue;
      }
      checked++;
      if (guardFails(op)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether observer {@code op} can no longer become legal, and pruning is allowed. It can while its guard
   * holds now, or holds right after some open blind write invoked before the observer's return (a blind
   * write's effect does not depend on the state, so whatever came before it is irrelevant).
   */
  private boolean guardFails(int op) {
    int observerReturn = entries.returnEntry[op];
    if (!fullPruning && observerReturn >= furthestReturn) {
      return false;
    }
    Predicate<S> guard = traits.guards.get(op);
    if (guard.test(transitions.state(state))) {
      return false;
    }
    for (int blind : traits.blindWrites) {
      if (entries.callEntry[blind] > observerReturn) {
        break;
      }
      if (isLinearized(blind)) {
        continue;
      }
      int after = transitions.next(blind, state, 0);
      if (after == Transitions.NONE || guard.test(transitions.state(after))) {
        return false;
      }
    }
    prunedBeyond = Math.max(prunedBeyond, observerReturn);
    return true;
  }

  private boolean isNoOp(int op) {
    return transitions.isNoOp(op, state);
  }

  /**
   * Tries the alternatives of {@code op} from {@code alternative} on: on the first new configuration,
   * pushes a frame and lifts the operation, returning {@link ConfigurationCache#ADDED} with the new
   * state in {@link #pendingState}. Returns {@link #DEAD_END} when none is new, or a negative limit code.
   */
  private int tryLinearize(int op, int alternative, byte kind) {
    long newHash = hash ^ zobrist[op];
    setBit(op);
    int keyLength = key.encode(firstOpenRequired(op), Math.max(highest, op));
    for (int alt = alternative; ; alt++) {
      int next = transitions.next(op, state, alt);
      if (next == Transitions.NONE) {
        clearBit(op);
        return DEAD_END;
      }
      int added = cache.add(newHash, next, key.words(), keyLength);
      if (added == ConfigurationCache.ADDED) {
        frames.push(op, state, alt, kind, stuckAt, candidates, found, highest);
        entries.lift(op);
        pendingState = next;
        return ConfigurationCache.ADDED;
      }
      if (added < 0) {
        clearBit(op);
        return added;
      }
    }
  }

  /** Moves the cursor into the configuration {@link #tryLinearize} just pushed. */
  private void advance(int op) {
    hash ^= zobrist[op];
    highest = Math.max(highest, op);
    state = pendingState;
    remaining -= required[op] ? 1 : 0;
    fresh = true;
  }

  /**
   * Pops frames until one whose configuration has candidates left (a forced frame's parent has none),
   * and resumes that configuration's walk at the popped call's next alternative. False when the stack
   * runs out.
   */
  private boolean backtrack() {
    while (frames.depth > 0) {
      int at = --frames.depth;
      int back = frames.op[at];
      state = frames.state[at];
      highest = frames.highest[at];
      clearBit(back);
      hash ^= zobrist[back];
      entries.unlift(back);
      remaining += required[back] ? 1 : 0;
      if (frames.kind[at] == FORCED) {
        continue;
      }
      fresh = false;
      resumeAlternative = frames.alternative[at] + 1;
      stuckAt = frames.stuckAt[at];
      candidates = frames.candidates[at];
      found = frames.found[at];
      optionalPhase = frames.kind[at] == OPTIONAL;
      if (optionalPhase) {
        walk = entries.callEntry[back];
      } else {
        walk = entries.returnEntry[back];
        found--;
      }
      return true;
    }
    return false;
  }

  private void noteStuck(int returnEntry) {
    if (returnEntry > furthestReturn) {
      furthestReturn = returnEntry;
      bestOrders.clear();
      bestStates.clear();
    }
    if (returnEntry == furthestReturn && bestOrders.size() < maxBestPrefixes) {
      bestOrders.add(Arrays.copyOf(frames.op, frames.depth));
      bestStates.add(state);
    }
  }

  private PartitionOutcome invalid(long started) {
    // A guarded pass may have met only pruned dead ends; the observer it gave up on stands in, and the
    // exact pass (prunedBeyond > furthestReturn) replaces it.
    Call failing = calls[~entries.entryOp[furthestReturn > 0 ? furthestReturn : prunedBeyond]];
    List<BestPrefix> prefixes = new ArrayList<>();
    for (int i = 0; i < bestOrders.size(); i++) {
      List<Call> order = new ArrayList<>();
      for (int op : bestOrders.get(i)) {
        order.add(calls[op]);
      }
      prefixes.add(new BestPrefix(order, transitions.state(bestStates.get(i))));
    }
    return new PartitionOutcome(subHistory, Verdict.INVALID, null, "", cache.size(), failing, prefixes,
        System.nanoTime() - started);
  }

  private PartitionOutcome unknown(UnknownCause cause, String detail, long started) {
    return new PartitionOutcome(subHistory, Verdict.UNKNOWN, cause, detail, cache.size(), null, List.of(),
        System.nanoTime() - started);
  }

  private static UnknownCause causeOf(int limitCode) {
    return limitCode == ConfigurationCache.CONFIGURATION_LIMIT ? UnknownCause.CONFIGURATION_LIMIT : UnknownCause.MEMORY_LIMIT;
  }

  private boolean isLinearized(int op) {
    return (linearized[op >>> 6] & (1L << op)) != 0;
  }

  private void setBit(int op) {
    linearized[op >>> 6] |= 1L << op;
    key.added(op);
  }

  private void clearBit(int op) {
    linearized[op >>> 6] &= ~(1L << op);
    key.removed(op);
  }

  /**
   * The first required operation not linearized once {@code joining} (-1: none) is: the first call entry
   * of the main list, skipping {@code joining}'s own entries (it is still listed); the operation count
   * when there is none.
   */
  private int firstOpenRequired(int joining) {
    int e = entries.next[EntryList.HEAD];
    while (joining >= 0 && (entries.entryOp[e] == joining || entries.entryOp[e] == ~joining)) {
      e = entries.next[e];
    }
    int op = entries.entryOp[e];
    return op >= 0 ? op : calls.length;
  }

  /** The search stack, as parallel arrays: each frame is a linearized call and how to resume its parent. */
  private static final class Frames {
    final int[] op;
    final int[] state;
    final int[] alternative;
    final byte[] kind;
    final int[] stuckAt;
    final int[] candidates;
    final int[] found;
    final int[] highest;
    int depth;

    Frames(int capacity) {
      op = new int[capacity];
      state = new int[capacity];
      alternative = new int[capacity];
      kind = new byte[capacity];
      stuckAt = new int[capacity];
      candidates = new int[capacity];
      found = new int[capacity];
      highest = new int[capacity];
    }

    void push(int call, int parentState, int alt, byte how, int parentStuckAt, int parentCandidates, int parentFound,
        int parentHighest) {
      op[depth] = call;
      state[depth] = parentState;
      alternative[depth] = alt;
      kind[depth] = how;
      stuckAt[depth] = parentStuckAt;
      candidates[depth] = parentCandidates;
      found[depth] = parentFound;
      highest[depth] = parentHighest;
      depth++;
    }
  }
}
