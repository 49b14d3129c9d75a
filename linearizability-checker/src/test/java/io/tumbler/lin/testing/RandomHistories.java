package io.tumbler.lin.testing;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.ImmutableValues;
import io.tumbler.lin.history.Keyword;
import io.tumbler.lin.history.OpType;
import io.tumbler.lin.history.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * A seeded generator of small concurrent histories with real concurrency and indeterminate calls. A few
 * clients run against a simulated object: each call takes effect at a random moment between its
 * invocation and completion (an info call: maybe never), its result is the object's answer at that
 * moment, and now and then a result is corrupted, so that roughly half the histories are linearizable.
 * A client whose call ended in info continues under a new process number, as in Jepsen.
 */
public final class RandomHistories {
  /** The families of workloads, each matching one model. */
  public enum Kind {
    /** Knossos cas-register, init 0; a failed cas did not happen; nil reads appear (wildcards). */
    CAS_REGISTER,
    /** etcd-cas-register: absent start, failed cas is a definite failed compare. */
    ETCD_REGISTER,
    /** kv: two keys, read/write/cas on [k v]; failed cas "mismatch" is definite, "unavailable" did not happen. */
    KV,
    /** kv-get-put-append on two keys. */
    KV_APPEND,
    /** mutex: acquire/release; refused calls fail (did not happen). */
    MUTEX
  }

  private final Kind kind;
  private final SplittableRandom random;
  private final List<Operation> events = new ArrayList<>();
  private final Map<Integer, Open> openBySlot = new HashMap<>();
  private Object state;
  private int infoOneIn = 6;

  /** A call in flight in one client slot. */
  private static final class Open {
    long process;
    String f;
    Object input;
    boolean applied;
    OpType outcome;
    Object output;
    Object error;
  }

  private RandomHistories(Kind kind, long seed) {
    this.kind = kind;
    this.random = new SplittableRandom(seed);
    this.state = kind == Kind.CAS_REGISTER ? (Object) 0L : kind == Kind.MUTEX ? Boolean.FALSE : null;
  }

  /** A history of at most {@code maxCalls} calls (at least 1), determined by {@code seed}. */
  public static History generate(Kind kind, long seed, int maxCalls) {
    return generate(kind, seed, maxCalls, 6);
  }

  /**
   * {@link #generate(Kind, long, int)} with one call in {@code infoOneIn} (instead of one in 6) ending in info:
   * histories where indeterminate calls are many and stay open to the end.
   */
  public static History generate(Kind kind, long seed, int maxCalls, int infoOneIn) {
    RandomHistories generator = new RandomHistories(kind, seed);
    generator.infoOneIn = infoOneIn;
    return generator.run(1 + new SplittableRandom(seed ^ 0x5DEECE66DL).nextInt(maxCalls));
  }

  private History run(int calls) {
    int slots = 2 + random.nextInt(2);
    long[] processes = new long[slots];
    for (int i = 0; i < slots; i++) {
      processes[i] = i;
    }
    long nextProcess = slots;
    int invoked = 0;
    while (invoked < calls || !openBySlot.isEmpty()) {
      applySomeOpenCalls();
      int slot = random.nextInt(slots);
      Open open = openBySlot.get(slot);
      if (open != null) {
        if (complete(open)) {
          processes[slot] = nextProcess++;
        }
        openBySlot.remove(slot);
      } else if (invoked < calls) {
        openBySlot.put(slot, invoke(processes[slot]));
        invoked++;
      }
    }
    return History.of(events);
  }

  private void applySomeOpenCalls() {
    for (Open open : openBySlot.values()) {
      if (!open.applied && random.nextInt(3) == 0) {
        apply(open);
      }
    }
  }

  private Open invoke(long process) {
    Open open = new Open();
    open.process = process;
    int choice = random.nextInt(3);
    long v = random.nextInt(3);
    String key = random.nextBoolean() ? "a" : "b";
    switch (kind) {
      case CAS_REGISTER:
      case ETCD_REGISTER:
        open.f = choice == 0 ? "read" : choice == 1 ? "write" : "cas";
        open.input = choice == 0 ? null : choice == 1 ? (Object) v : ImmutableValues.vector(v, (long) random.nextInt(3));
        break;
      case KV:
        open.f = choice == 0 ? "read" : choice == 1 ? "write" : "cas";
        open.input = ImmutableValues.vector(key, choice == 0 ? null : choice == 1 ? (Object) v
            : ImmutableValues.vector(random.nextBoolean() ? null : v, (long) random.nextInt(3)));
        break;
      case KV_APPEND:
        open.f = choice == 0 ? "get" : choice == 1 ? "put" : "append";
        open.input = ImmutableValues.vector(key, choice == 0 ? null : String.valueOf((char) ('p' + events.size() % 10)));
        break;
      default:
        open.f = random.nextBoolean() ? "acquire" : "release";
        open.input = null;
    }
    events.add(Operation.invoke(events.size(), process, open.f, open.input));
    return open;
  }

  /** Completes {@code open}; true when the completion is info (the client then moves to a new process). */
  private boolean complete(Open open) {
    boolean info = random.nextInt(infoOneIn) == 0;
    if (info) {
      if (!open.applied && random.nextBoolean()) {
        apply(open);
      }
      events.add(Operation.info(events.size(), open.process, open.f, Keyword.of("timeout")));
      return true;
    }
    if (!open.applied) {
      apply(open);
    }
    boolean corrupt = random.nextInt(4) == 0;
    Object output = corrupt ? corrupt(open.output) : open.output;
    OpType outcome = corrupt && !isRead(open.f) ? flip(open.outcome) : open.outcome;
    Object error = outcome == OpType.FAIL && open.error == null && kind == Kind.KV ? "mismatch" : open.error;
    Map<String, Object> extra = error == null || outcome != OpType.FAIL ? Map.of() : Map.of("error", error);
    events.add(new Operation(events.size(), open.process, outcome, open.f, output, true, OptionalLong.empty(), extra));
    return false;
  }

  private static boolean isRead(String f) {
    return f.equals("read") || f.equals("get");
  }

  private static OpType flip(OpType outcome) {
    return outcome == OpType.OK ? OpType.FAIL : OpType.OK;
  }

  private Object corrupt(Object output) {
    if (kind == Kind.KV || kind == Kind.KV_APPEND) {
      List<?> pair = (List<?>) output;
      Object wrong = kind == Kind.KV ? (Object) (long) random.nextInt(3) : pair.get(1) + "z";
      return ImmutableValues.vector(pair.get(0), wrong);
    }
    return output instanceof Long ? (Object) (long) random.nextInt(3) : output;
  }

  private void apply(Open open) {
    open.applied = true;
    open.outcome = OpType.OK;
    open.output = open.input;
    switch (kind) {
      case CAS_REGISTER:
      case ETCD_REGISTER:
        applyRegister(open);
        break;
      case KV:
        applyKv(open);
        break;
      case KV_APPEND:
        applyAppend(open);
        break;
      default:
        applyMutex(open);
    }
  }

  private void applyRegister(Open open) {
    if (open.f.equals("read")) {
      open.output = kind == Kind.CAS_REGISTER && random.nextInt(5) == 0 ? null : state;
    } else if (open.f.equals("write")) {
      state = open.input;
    } else {
      List<?> fromTo = (List<?>) open.input;
      if (Objects.equals(state, fromTo.get(0))) {
        state = fromTo.get(1);
      } else {
        open.outcome = OpType.FAIL;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void applyKv(Open open) {
    Map<Object, Object> map = state == null ? new HashMap<>() : new HashMap<>((Map<Object, Object>) state);
    List<?> pair = (List<?>) open.input;
    Object key = pair.get(0);
    if (open.f.equals("read")) {
      open.output = ImmutableValues.vector(key, map.get(key));
    } else if (open.f.equals("write")) {
      map.put(key, pair.get(1));
    } else if (random.nextInt(8) == 0) {
      open.outcome = OpType.FAIL;
      open.error = "unavailable";
    } else {
      List<?> fromTo = (List<?>) pair.get(1);
      if (Objects.equals(map.get(key), fromTo.get(0))) {
        map.put(key, fromTo.get(1));
      } else {
        open.outcome = OpType.FAIL;
        open.error = "mismatch";
      }
    }
    state = map;
  }

  @SuppressWarnings("unchecked")
  private void applyAppend(Open open) {
    Map<Object, Object> map = state == null ? new HashMap<>() : new HashMap<>((Map<Object, Object>) state);
    List<?> pair = (List<?>) open.input;
    String current = (String) map.getOrDefault(pair.get(0), "");
    if (open.f.equals("get")) {
      open.output = ImmutableValues.vector(pair.get(0), current);
    } else {
      map.put(pair.get(0), open.f.equals("put") ? pair.get(1) : current + pair.get(1));
    }
    state = map;
  }

  private void applyMutex(Open open) {
    boolean held = (Boolean) state;
    boolean acquire = open.f.equals("acquire");
    if (acquire == held) {
      open.outcome = OpType.FAIL;
    } else {
      state = acquire;
    }
  }
}
