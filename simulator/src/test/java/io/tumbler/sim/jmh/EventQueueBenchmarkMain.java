package io.tumbler.sim.jmh;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link EventQueueBenchmark}. From the repository root:
 * <pre>
 * mvn -B -q -pl simulator test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:exec -Dexec.executable=java \
 *     -Dexec.classpathScope=test -Dexec.args="-cp %classpath io.tumbler.sim.jmh.EventQueueBenchmarkMain"
 * </pre>
 * (full plugin coordinates so it also works with {@code -o}). JMH forks a JVM with the same class path, so this
 * needs a real {@code java -cp} launch (exec:exec), not exec:java. About 45 s.
 */
public final class EventQueueBenchmarkMain {
    private EventQueueBenchmarkMain() {
    }

    /** Runs the benchmark with its annotated settings. */
    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(EventQueueBenchmark.class.getSimpleName()).build();
        new Runner(options).run();
    }
}
