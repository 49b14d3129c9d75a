package io.tumbler.scenario.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeedRangesTest {
  @Test
  void consecutiveSeedsBecomeRanges() {
    assertEquals(List.of("3", "7..10", "40"), SeedRanges.of(List.of(40L, 7L, 8L, 3L, 9L, 10L)));
    assertEquals(List.of(), SeedRanges.of(List.of()));
  }
}
