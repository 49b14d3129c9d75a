package io.tumbler.sim.jmh;

import io.tumbler.sim.kernel.EventQueue;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.random.RandomStreams;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic "hold" model for priority queues: the queue holds {@code size} events; each operation polls the
 * earliest and adds one at that time plus a random increment (exponential, as in a network simulation). The
 * baseline is {@link PriorityQueue} of (time, sequence) entries with the same order, measured in the same run.
 *
 * <p>Not run by {@code mvn verify} (no class here ends in Test); run {@link EventQueueBenchmarkMain}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventQueueBenchmark {
    private static final int INCREMENTS = 1 << 16;

    @Param({"256", "65536"})
    public int size;

    private final long[] increments = new long[INCREMENTS];
    private final Object event = new Object();
    private int next;
    private EventQueue queue;
    private PriorityQueue<Entry> baseline;
    private long baselineSequence;

    private static final class Entry {
        final long time;
        final long sequence;

        Entry(long time, long sequence) {
            this.time = time;
            this.sequence = sequence;
        }

        long time() {
            return time;
        }

        long sequence() {
            return sequence;
        }
    }

    @Setup
    public void fill() {
        RandomStream random = RandomStreams.root(1).stream("jmh");
        for (int i = 0; i < INCREMENTS; i++) {
            increments[i] = (long) random.exponential(1_000_000);
        }
        queue = new EventQueue(size);
        baseline = new PriorityQueue<>(size, Comparator.comparingLong(Entry::time).thenComparingLong(Entry::sequence));
        for (int i = 0; i < size; i++) {
            queue.add(increments[i], event);
            baseline.add(new Entry(increments[i], baselineSequence++));
        }
    }

    private long nextIncrement() {
        next = (next + 1) & (INCREMENTS - 1);
        return increments[next];
    }

    /** One hold operation on the simulator's 4-ary primitive heap. */
    @Benchmark
    public Object eventQueueHold() {
        long time = queue.peekTime();
        Object polled = queue.poll();
        queue.add(time + nextIncrement(), polled);
        return polled;
    }

    /** The same operation on the JDK's binary heap of objects (baseline). */
    @Benchmark
    public Object priorityQueueHold() {
        Entry polled = baseline.poll();
        baseline.add(new Entry(polled.time + nextIncrement(), baselineSequence++));
        return polled;
    }
}
