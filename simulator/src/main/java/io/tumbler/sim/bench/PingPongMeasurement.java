package io.tumbler.sim.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@link PingPongBench#measure()} reports: every measured run and the median one (by events per second).
 *
 * @param warmupRuns number of unmeasured runs before
 * @param runs       measured runs, in order
 * @param median     the run with the median events per second
 */
public record PingPongMeasurement(int warmupRuns, List<PingPongResult> runs, PingPongResult median) {

    /** The measurement as one JSON object: the median's figures at top level, every run under {@code runs}. */
    public String toJson() {
        String all = runs.stream().map(PingPongResult::toJson).collect(Collectors.joining(","));
        return String.format(Locale.ROOT,
                "{\"benchmark\":\"simulator.ping-pong\",\"eventsPerSecond\":%.0f,\"acceleration\":%.2f,"
                        + "\"warmupRuns\":%d,\"median\":%s,\"runs\":[%s]}",
                median.eventsPerSecond(), median.acceleration(), warmupRuns, median.toJson(), all);
    }
}
