package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Knossos's {@code multi-register}: a map of registers read and written by transactions.
 *
 * <p>A call is {@code txn} with a vector of micro-ops {@code [f k v]}, applied in order: {@code [:write k
 * v]} sets k; {@code [:read k v]} is legal iff v is nil (an unknown read) or k holds v. The ok completion
 * carries the values read. Every key starts at the initial value (0, as Knossos's test
 * {@code (multi-register {:x 0 :y 0})}, unless chosen otherwise). {@code fail}: did not happen.
 *
 * <p>P-compositional: transactions that share no key (transitively) are checked independently.
 */
public final class MultiRegisterModel implements Model<KeyedState> {
  private final KeyedState initial;

  public MultiRegisterModel(Object initialValue) {
    this.initial = KeyedState.allDefault(initialValue);
  }

  @Override
  public String name() {
    return "multi-register";
  }

  @Override
  public KeyedState initialState() {
    return initial;
  }

  @Override
  public List<KeyedState> step(KeyedState state, Call call) {
    if (!call.f().equals("txn")) {
      throw OpValues.unknownFunction(name(), call);
    }
    KeyedState current = state;
    for (Object microOp : microOps(call)) {
      List<Object> fkv = OpValues.tuple(microOp, 3, call, "micro-op");
      String f = String.valueOf(fkv.get(0));
      if (f.equals(":write") || f.equals("write")) {
        current = current.with(fkv.get(1), fkv.get(2));
      } else if (f.equals(":read") || f.equals("read")) {
        if (fkv.get(2) != null && !fkv.get(2).equals(current.get(fkv.get(1)))) {
          return List.of();
        }
      } else {
        throw new IllegalArgumentException("micro-op must be :read or :write in " + call + ", got " + microOp);
      }
    }
    return List.of(current);
  }

  private static List<Object> microOps(Call call) {
    Object value = call.isOk() ? call.output() : call.input();
    List<Object> ops = OpValues.items(value);
    if (ops == null) {
      throw new IllegalArgumentException("txn value must be a vector of micro-ops in " + call);
    }
    return ops;
  }

  @Override
  public boolean isReadOnly(Call call) {
    for (Object microOp : microOps(call)) {
      String f = String.valueOf(OpValues.tuple(microOp, 3, call, "micro-op").get(0));
      if (!f.equals(":read") && !f.equals("read")) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean isPartitioned() {
    return true;
  }

  @Override
  public List<Object> partitionKeys(Call call) {
    List<Object> keys = new ArrayList<>();
    for (Object microOp : microOps(call)) {
      keys.add(OpValues.tuple(microOp, 3, call, "micro-op").get(1));
    }
    return keys;
  }

  @Override
  public Object stateAsData(KeyedState state) {
    Map<Object, Object> data = new LinkedHashMap<>(state.values());
    return data;
  }
}
