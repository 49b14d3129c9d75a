package io.tumbler.sim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.net.NetworkCounters;
import io.tumbler.sim.trace.TraceJournal;
import org.junit.jupiter.api.Test;

/** Correctness of the bench workload only; its speed is reported by {@link PingPongBench#measure()}, not asserted. */
class PingPongBenchTest {

    @Test
    void sameSeedSameFingerprintAndDifferentSeedsDiffer() {
        PingPongResult first = PingPongBench.run(11, 0.5);
        PingPongResult again = PingPongBench.run(11, 0.5);
        PingPongResult other = PingPongBench.run(12, 0.5);
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(first.events(), again.events());
        assertNotEquals(first.fingerprint(), other.fingerprint());
        assertTrue(first.events() > 10_000, "events " + first.events());
        assertTrue(first.eventsPerSecond() > 0 && first.acceleration() > 0);
        assertTrue(first.toJson().contains("\"fingerprint\":\"0x"), first.toJson());
    }

    @Test
    void theFaultsTheBenchClaimsAreActuallyExercised() {
        PingPongWorld world = PingPongBench.build(5, TraceJournal.fingerprintOnly());
        world.simulation().runUntil(1_000_000_000L);
        NetworkCounters counters = world.network().counters();
        assertTrue(counters.droppedByLoss() > 0, counters.toString());
        assertTrue(counters.duplicated() > 0, counters.toString());
        assertTrue(counters.droppedByPartition() > 0, counters.toString());
        assertTrue(counters.delivered() > 10_000, counters.toString());
    }

    @Test
    void measureReportsTheMedianRun() {
        PingPongMeasurement measurement = PingPongBench.measure(1, 0.1, 3, 0.2);
        assertEquals(3, measurement.runs().size());
        assertTrue(measurement.runs().contains(measurement.median()));
        assertTrue(measurement.toJson().startsWith("{\"benchmark\":\"simulator.ping-pong\""), measurement.toJson());
    }
}
