package io.tumbler.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.tumbler.lin.history.History;
import io.tumbler.lin.history.Operation;
import io.tumbler.lin.model.ModelOptions;
import io.tumbler.lin.model.Models;
import io.tumbler.lin.testing.HistoryScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing passes unless something was checked: a history with no client call is UNKNOWN ({@link
 * UnknownCause#NOTHING_CHECKED}) for every model, never VALID.
 */
class NothingCheckedTest {

  @Test
  void anEmptyHistoryIsNotValidUnderAnyModel() {
    for (String model : Models.names()) {
      CheckResult result = Checker.withDefaults().check(Models.named(model, ModelOptions.defaults()), History.of(List.of()));
      CheckResult.Unknown unknown = assertInstanceOf(CheckResult.Unknown.class, result, model);
      assertEquals(UnknownCause.NOTHING_CHECKED, unknown.cause(), model);
    }
  }

  @Test
  void aHistoryOfOnlyNemesisEventsIsNotValid() {
    History history = History.of(List.of(
        new Operation(0, io.tumbler.lin.history.Keyword.of("nemesis"), io.tumbler.lin.history.OpType.INFO, "start",
            null, true, java.util.OptionalLong.empty(), java.util.Map.of())));
    CheckResult result = Checker.withDefaults().check(Models.named("register", ModelOptions.defaults()), history);
    assertEquals(UnknownCause.NOTHING_CHECKED, assertInstanceOf(CheckResult.Unknown.class, result).cause());
  }

  @Test
  void aHistoryWhoseEveryCallFailedIsStillDecided() {
    History history = new HistoryScript().invoke(1, "write", 3L).fail(1, "timeout").invoke(2, "read", null).fail(2, null)
        .build();
    assertEquals(Verdict.VALID, Checker.withDefaults().check(Models.named("register", ModelOptions.defaults()), history).verdict());
  }

  @Test
  void oneCallIsSomethingChecked() {
    History history = new HistoryScript().invoke(1, "write", 3L).ok(1, 3L).build();
    assertEquals(Verdict.VALID, Checker.withDefaults().check(Models.named("register", ModelOptions.defaults()), history).verdict());
  }
}
