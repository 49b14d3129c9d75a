package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import java.util.List;
import java.util.Objects;

/**
 * Knossos's {@code register} and {@code cas-register} ({@code knossos.model}).
 *
 * <ul>
 *   <li>{@code read}: an ok read of nil is always legal (nil is an unknown read, a wildcard); an ok read
 *       of v is legal iff the register holds v. An indeterminate read changes nothing.</li>
 *   <li>{@code write v}: always legal; the register holds v.</li>
 *   <li>{@code cas [from to]} (cas-register only): legal iff the register holds {@code from}; then
 *       {@code to}. An indeterminate cas whose compare fails cannot take effect, which is the same as
 *       never taking effect.</li>
 *   <li>{@code fail}: did not happen (dropped).</li>
 * </ul>
 */
public final class KnossosRegisterModel implements Model<RegisterState> {
  private final boolean casAllowed;
  private final RegisterState initial;

  /**
   * @param casAllowed   true for {@code cas-register}, false for {@code register}
   * @param initialValue the initial value (Knossos's tests use 0; {@code null} for nil)
   */
  public KnossosRegisterModel(boolean casAllowed, Object initialValue) {
    this.casAllowed = casAllowed;
    this.initial = new RegisterState(initialValue);
  }

  @Override
  public String name() {
    return casAllowed ? "cas-register" : "register";
  }

  @Override
  public RegisterState initialState() {
    return initial;
  }

  @Override
  public List<RegisterState> step(RegisterState state, Call call) {
    switch (call.f()) {
      case "read":
        return readMatches(state, call) ? List.of(state) : List.of();
      case "write":
        return List.of(new RegisterState(call.input()));
      case "cas":
        if (!casAllowed) {
          throw OpValues.unknownFunction(name(), call);
        }
        List<Object> fromTo = OpValues.tuple(call.input(), 2, call, "cas value");
        return Objects.equals(state.value(), fromTo.get(0)) ? List.of(new RegisterState(fromTo.get(1))) : List.of();
      default:
        throw OpValues.unknownFunction(name(), call);
    }
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.f().equals("read");
  }

  private static boolean readMatches(RegisterState state, Call call) {
    Object read = call.output();
    return call.isIndeterminate() || read == null || read.equals(state.value());
  }

  @Override
  public String explainIllegal(RegisterState state, Call call) {
    if (call.f().equals("read")) {
      return "can't read " + call.output() + " from a register holding " + state.value();
    }
    return "can't cas " + call.input() + " on a register holding " + state.value();
  }

  @Override
  public Object stateAsData(RegisterState state) {
    return state.asData();
  }
}
