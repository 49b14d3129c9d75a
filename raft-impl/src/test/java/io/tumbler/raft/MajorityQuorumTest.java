package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MajorityQuorumTest {
    @Test
    void quorumSizeIsAStrictMajority() {
        int[] expected = {0, 1, 2, 2, 3, 3, 4, 4};
        for (int n = 1; n <= 7; n++) {
            assertEquals(expected[n], quorum(n).quorumSize(), "voters=" + n);
        }
    }

    @Test
    void committedIndexIsWhatAMajorityReached() {
        assertEquals(7, quorum(1).committedIndex(id -> 7));
        assertEquals(4, indexOf(Map.of(1, 5L, 2, 3L, 3, 4L)));
        assertEquals(5, indexOf(Map.of(1, 9L, 2, 7L, 3, 5L, 4, 3L, 5, 1L)));
        assertEquals(2, indexOf(Map.of(1, 4L, 2, 3L, 3, 2L, 4, 1L)), "4 voters need 3");
        assertEquals(0, indexOf(Map.of(1, 9L, 2, 0L, 3, 0L)));
    }

    /** Differential test against the definition: the largest v that at least a quorum reached. */
    @Test
    void committedIndexMatchesTheNaiveDefinition() {
        JitterSource random = JitterSource.seeded(42);
        for (int trial = 0; trial < 2_000; trial++) {
            int n = 1 + random.nextInt(7);
            long[] reached = new long[n + 1];
            for (int id = 1; id <= n; id++) {
                reached[id] = random.nextInt(10);
            }
            long naive = 0;
            for (long v = 0; v <= 10; v++) {
                long value = v;
                long count = java.util.stream.IntStream.rangeClosed(1, n).filter(id -> reached[id] >= value).count();
                if (count >= n / 2 + 1) {
                    naive = v;
                }
            }
            assertEquals(naive, quorum(n).committedIndex(id -> reached[id]), "trial " + trial);
        }
    }

    @Test
    void voteResultIsDecidedAsSoonAsTheOutcomeIsCertain() {
        MajorityQuorum five = quorum(5);
        assertEquals(VoteResult.PENDING, five.voteResult(votes(Map.of(1, true))));
        assertEquals(VoteResult.PENDING, five.voteResult(votes(Map.of(1, true, 2, true, 3, false, 4, false))));
        assertEquals(VoteResult.WON, five.voteResult(votes(Map.of(1, true, 2, true, 3, true))));
        assertEquals(VoteResult.LOST, five.voteResult(votes(Map.of(1, true, 2, false, 3, false, 4, false))));
        assertEquals(VoteResult.WON, quorum(1).voteResult(votes(Map.of(1, true))));
        assertEquals(VoteResult.LOST, quorum(2).voteResult(votes(Map.of(1, true, 2, false))), "2 voters need both");
    }

    @Test
    void votesFromNonVotersDoNotCount() {
        assertEquals(VoteResult.PENDING, quorum(3).voteResult(votes(Map.of(1, true, 9, true))));
    }

    private static long indexOf(Map<Integer, Long> reached) {
        return quorum(reached.size()).committedIndex(reached::get);
    }

    private static TreeMap<Integer, Boolean> votes(Map<Integer, Boolean> votes) {
        return new TreeMap<>(votes);
    }

    private static MajorityQuorum quorum(int n) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            ids.add(i);
        }
        return new MajorityQuorum(ids);
    }
}
