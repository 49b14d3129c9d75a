package io.tumbler.report.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.report.input.RunFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A stale read names the write it saw, the newer write it missed, and the node that served it. */
class ObservedWriteTest {
  @Test
  void theStaleReadSawTheFirstWriteAfterTheSecondCompletedAndNamesItsNode() throws Exception {
    RunView view = RunView.of(RunFiles.read(Path.of(getClass().getResource("/fixtures/stale-run").toURI())));
    HistoryOp read = view.history().ops().stream().filter(o -> o.invokeIndex() == 4).findFirst().orElseThrow();
    ObservedWrite o = ObservedWrite.of(read, view.history(), view.files().history()).orElseThrow();
    assertEquals(List.of(0L), o.sources().stream().map(HistoryOp::invokeIndex).toList(), "write 1 by process 0");
    assertEquals(Optional.of(2L), o.latestBefore().map(HistoryOp::invokeIndex), "write 2 completed before the read");
    assertEquals(Optional.of(3), o.servedBy(), "history.jsonl's optional node field");
    assertTrue(o.sentence().startsWith("The read (#4, read 1 of key 0 at t=0.0500 s) was served by node n3. It saw "
        + "the value written by #0 (write 1 to key 0 by process 0, ok at t=0.0200 s), although #2 (write 2 to key 0"),
        o.sentence());
  }

  @Test
  void aWriteOrAReadWithoutAKeyIsNotExplained() throws Exception {
    RunView view = RunView.of(RunFiles.read(Path.of(getClass().getResource("/fixtures/stale-run").toURI())));
    HistoryOp write = view.history().ops().get(0);
    assertTrue(ObservedWrite.of(write, view.history(), view.files().history()).isEmpty());
  }
}
