package io.tumbler.sim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.random.RandomStreams;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    @Test
    void eventsAtTheSameTimeComeOutInInsertionOrder() {
        EventQueue queue = new EventQueue(4);
        String[] names = new String[100];
        for (int i = 0; i < names.length; i++) {
            names[i] = "e" + i;
            queue.add(5, names[i]);
        }
        queue.add(1, "early");
        assertSame("early", queue.poll());
        for (String name : names) {
            assertEquals(5, queue.peekTime());
            assertSame(name, queue.poll());
        }
        assertTrue(queue.isEmpty());
    }

    private record Entry(long time, long sequence, Object event) {
    }

    /** Differential test against the JDK's binary heap with the same (time, sequence) order. */
    @Test
    void agreesWithANaivePriorityQueueOnRandomOperations() {
        RandomStream random = RandomStreams.root(2024).stream("queue-test");
        EventQueue queue = new EventQueue(1);
        PriorityQueue<Entry> twin = new PriorityQueue<>(
                Comparator.comparingLong(Entry::time).thenComparingLong(Entry::sequence));
        long sequence = 0;
        for (int step = 0; step < 200_000; step++) {
            if (twin.isEmpty() || random.chance(0.55)) {
                long time = random.nextLong(64); // a small range forces many ties
                Object event = new Object();
                queue.add(time, event);
                twin.add(new Entry(time, sequence++, event));
            } else {
                Entry expected = twin.poll();
                assertEquals(expected.time(), queue.peekTime());
                assertSame(expected.event(), queue.poll(), "step " + step);
            }
            assertEquals(twin.size(), queue.size());
        }
        assertEquals(sequence, queue.addedCount());
    }

    @Test
    void emptyQueueRefusesToPollAndNullEventsAreRejected() {
        EventQueue queue = new EventQueue(0);
        assertThrows(IllegalStateException.class, queue::poll);
        assertThrows(IllegalStateException.class, queue::peekTime);
        assertThrows(IllegalArgumentException.class, () -> queue.add(1, null));
    }
}
