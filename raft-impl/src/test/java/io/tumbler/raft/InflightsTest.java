package io.tumbler.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InflightsTest {
    @Test
    void fillsFreesAndWrapsAround() {
        Inflights inflights = new Inflights(3);
        inflights.add(2);
        inflights.add(5);
        inflights.add(9);
        assertTrue(inflights.full());
        inflights.freeUpTo(5);
        assertEquals(1, inflights.count());
        inflights.add(10);
        inflights.add(12); // wraps around the ring
        assertTrue(inflights.full());
        inflights.freeUpTo(11);
        assertEquals(1, inflights.count());
        inflights.freeUpTo(100);
        assertEquals(0, inflights.count());
    }

    @Test
    void freeFirstReleasesOneSlot() {
        Inflights inflights = new Inflights(2);
        inflights.add(1);
        inflights.add(2);
        inflights.freeFirst();
        assertFalse(inflights.full());
        inflights.freeUpTo(1);
        assertEquals(1, inflights.count(), "the remaining append ends at 2");
    }

    @Test
    void overflowAndNonIncreasingAppendsAreBugs() {
        Inflights inflights = new Inflights(1);
        inflights.add(4);
        assertThrows(IllegalStateException.class, () -> inflights.add(5));
        Inflights other = new Inflights(3);
        other.add(4);
        assertThrows(IllegalStateException.class, () -> other.add(4));
    }
}
