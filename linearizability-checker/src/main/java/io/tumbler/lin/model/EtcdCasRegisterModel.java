package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import java.util.List;
import java.util.Objects;

/**
 * The etcd compare-and-set register of Porcupine's {@code etcdModel} and ahorn's {@code lt.cc}, the
 * semantics the etcd verdicts assume (corpus MANIFEST, section 1):
 *
 * <ul>
 *   <li>The register starts absent (nil). Nil is a value here, not a wildcard: a read of nil is legal
 *       only while the register is absent; a read of v only while it holds v.</li>
 *   <li>{@code write v}: always legal; sets v.</li>
 *   <li>{@code cas [from to]} ok: legal iff it holds {@code from}; sets {@code to}.</li>
 *   <li>{@code cas} fail: a definite failed compare: legal iff it does not hold {@code from}; no change.</li>
 *   <li>A failed read (timed out) and a failed write did not happen; indeterminate writes and CASes may
 *       apply (a CAS only if its compare holds) at any point after invocation, or never.</li>
 * </ul>
 */
public final class EtcdCasRegisterModel implements Model<RegisterState> {
  private static final RegisterState ABSENT = new RegisterState(null);

  @Override
  public String name() {
    return "etcd-cas-register";
  }

  @Override
  public RegisterState initialState() {
    return ABSENT;
  }

  @Override
  public FailureMeaning failureMeaning(Call call) {
    return call.f().equals("cas") ? FailureMeaning.DEFINITE_RESPONSE : FailureMeaning.DID_NOT_HAPPEN;
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.f().equals("read") || call.isFailed();
  }

  @Override
  public List<RegisterState> step(RegisterState state, Call call) {
    switch (call.f()) {
      case "read":
        return call.isIndeterminate() || Objects.equals(call.output(), state.value()) ? List.of(state) : List.of();
      case "write":
        return List.of(new RegisterState(call.input()));
      case "cas":
        return cas(state, call);
      default:
        throw OpValues.unknownFunction(name(), call);
    }
  }

  private static List<RegisterState> cas(RegisterState state, Call call) {
    List<Object> fromTo = OpValues.tuple(call.input(), 2, call, "cas value");
    boolean holdsFrom = Objects.equals(state.value(), fromTo.get(0));
    if (call.isFailed()) {
      return holdsFrom ? List.of() : List.of(state);
    }
    return holdsFrom ? List.of(new RegisterState(fromTo.get(1))) : List.of();
  }

  @Override
  public String describeState(RegisterState state) {
    return state.value() == null ? "absent" : String.valueOf(state.value());
  }

  @Override
  public String explainIllegal(RegisterState state, Call call) {
    String holds = describeState(state);
    if (call.f().equals("read")) {
      return "can't read " + (call.output() == null ? "absent" : call.output()) + " from a register holding " + holds;
    }
    return (call.isFailed() ? "a cas " + call.input() + " can't fail" : "can't cas " + call.input())
        + " on a register holding " + holds;
  }

  @Override
  public Object stateAsData(RegisterState state) {
    return state.asData();
  }
}
