package io.tumbler.lin.model;

import io.tumbler.lin.history.Call;
import io.tumbler.lin.history.Keyword;
import java.util.List;
import java.util.Map;

/**
 * Knossos's {@code mutex}: {@code acquire} is legal iff the lock is free, and takes it; {@code release}
 * is legal iff it is held, and frees it. Owners are not tracked (as in Knossos). {@code fail}: did not
 * happen.
 */
public final class MutexModel implements Model<Boolean> {
  @Override
  public String name() {
    return "mutex";
  }

  @Override
  public Boolean initialState() {
    return Boolean.FALSE;
  }

  @Override
  public List<Boolean> step(Boolean locked, Call call) {
    switch (call.f()) {
      case "acquire":
        return locked ? List.of() : List.of(Boolean.TRUE);
      case "release":
        return locked ? List.of(Boolean.FALSE) : List.of();
      default:
        throw OpValues.unknownFunction(name(), call);
    }
  }

  @Override
  public String describeState(Boolean locked) {
    return locked ? "held" : "free";
  }

  @Override
  public String explainIllegal(Boolean locked, Call call) {
    return "can't " + call.f() + " a mutex that is " + describeState(locked);
  }

  @Override
  public Object stateAsData(Boolean locked) {
    return Map.of(Keyword.of("locked?"), locked);
  }
}
