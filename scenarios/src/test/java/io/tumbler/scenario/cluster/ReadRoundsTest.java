package io.tumbler.scenario.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tumbler.raft.Heartbeat;
import io.tumbler.raft.HeartbeatResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which followers confirmed a ReadIndex read, from the heartbeat rounds seen on the wire. */
class ReadRoundsTest {
  private final ReadRounds rounds = new ReadRounds();

  private void round(long at, long term, long round) {
    rounds.sending(new Heartbeat(1, 2, term, 0, round), at);
    rounds.sending(new Heartbeat(1, 3, term, 0, round), at);
  }

  private void answer(int from, long term, long round) {
    rounds.delivering(1, new HeartbeatResponse(from, 1, term, round));
  }

  @Test
  void onlyAnswersToARoundSentAtOrAfterTheArrivalConfirm() {
    round(10, 1, 5);
    round(20, 1, 6);
    answer(2, 1, 5);
    answer(3, 1, 6);
    assertEquals(List.of(3), rounds.confirmedSince(1, 15));
    assertEquals(List.of(2, 3), rounds.confirmedSince(1, 10));
    assertEquals(List.of(), rounds.confirmedSince(1, 21)); // no round has left since
  }

  @Test
  void twoRoundsLeavingAtTheSameInstantCountFromTheEarlierOne() {
    round(10, 1, 7);
    round(10, 1, 8);
    answer(2, 1, 7);
    assertEquals(List.of(2), rounds.confirmedSince(1, 9));
  }

  @Test
  void answersOfAnotherTermDoNotConfirmAndANewTermStartsAfresh() {
    round(10, 1, 5);
    answer(2, 0, 5);
    assertEquals(List.of(), rounds.confirmedSince(1, 10));
    answer(3, 1, 5);
    round(30, 2, 1);
    answer(2, 2, 1);
    assertEquals(List.of(2), rounds.confirmedSince(1, 5));
    assertEquals(List.of(), rounds.confirmedSince(4, 5));
  }
}
