package io.tumbler.sim.bench;

import io.tumbler.sim.trace.Fingerprint;
import java.util.Locale;

/**
 * One bench run's figures.
 *
 * @param seed             root seed
 * @param simulatedSeconds simulated time covered
 * @param events           live kernel events executed (stale timer entries excluded)
 * @param traceRecords     trace records fingerprinted (sends and drops included)
 * @param messagesSent     messages handed to the network
 * @param wallNanos        real time of the run, measured outside the kernel
 * @param eventsPerSecond  events per wall-clock second
 * @param acceleration     simulated seconds per wall-clock second
 * @param fingerprint      the run's trace fingerprint
 */
public record PingPongResult(long seed, double simulatedSeconds, long events, long traceRecords, long messagesSent,
                             long wallNanos, double eventsPerSecond, double acceleration, long fingerprint) {

    /** The figures as one JSON object. */
    public String toJson() {
        return String.format(Locale.ROOT,
                "{\"seed\":%d,\"simulatedSeconds\":%.3f,\"events\":%d,\"traceRecords\":%d,\"messagesSent\":%d,"
                        + "\"wallNanos\":%d,\"eventsPerSecond\":%.0f,\"acceleration\":%.2f,\"fingerprint\":\"%s\"}",
                seed, simulatedSeconds, events, traceRecords, messagesSent, wallNanos, eventsPerSecond, acceleration,
                Fingerprint.hex(fingerprint));
    }
}
