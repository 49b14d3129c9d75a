package io.tumbler.sim.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tumbler.sim.disk.DiskProfile;
import io.tumbler.sim.disk.SyncResult;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.net.LinkProfile;
import io.tumbler.sim.net.MessageCodec;
import io.tumbler.sim.net.SimNetwork;
import io.tumbler.sim.random.DelayDistribution;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessHostTest {
    private static final long MS = 1_000_000;

    /** A process that logs what happens to it, persists every message it gets, and recovers the count on start. */
    static final class Journaling implements SimProcess<String> {
        final List<String> log;
        ProcessContext<String> context;

        Journaling(List<String> log) {
            this.log = log;
        }

        @Override
        public void onStart(ProcessContext<String> newContext) {
            context = newContext;
            String recovered = new String(context.disk().readAll("inbox"), StandardCharsets.UTF_8);
            log.add("start#" + context.incarnation() + " recovered '" + recovered + "' local=" + context.nowNanos());
        }

        @Override
        public void onMessage(int from, String message) {
            log.add("got " + message + " from " + from + " at local " + context.nowNanos());
            context.disk().append("inbox", message.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void onCrash() {
            log.add("crash");
        }
    }

    private final Simulation sim = Simulation.create(8);
    private final SimNetwork<String> network = new SimNetwork<>(sim, MessageCodec.immutable(),
            LinkProfile.reliable(DelayDistribution.fixed(MS)));
    private final ProcessHost<String> host = ProcessHost.create(sim, network);
    private final List<String> log = new ArrayList<>();
    private final int sender = host.add("sender", () -> new Journaling(new ArrayList<>()));
    private final int node = host.add("node", new DiskProfile(DelayDistribution.fixed(MS)), () -> new Journaling(log));

    private Journaling live() {
        return (Journaling) host.instance(node);
    }

    private void send(String message) {
        network.send(sender, node, message);
    }

    @Test
    void restartGivesAFreshInstanceAndIncarnationThatRecoversFromDisk() {
        host.start(sender);
        host.start(node);
        Journaling first = live();
        send("a");
        sim.runUntilIdle();
        first.context.disk().sync("inbox", result -> log.add("synced " + result));
        sim.runUntilIdle();
        send("b");
        sim.runUntilIdle();
        assertTrue(host.restart(node));
        assertNotSame(first, live());
        assertEquals(2, host.incarnation(node));
        // a arrives at 1 ms, its sync completes at 2 ms, b arrives at 3 ms and is lost with the restart then.
        assertEquals("start#2 recovered 'a' local=" + 3 * MS, log.get(log.size() - 1));
        assertTrue(log.contains("crash"));
        assertTrue(log.contains("synced SYNCED"));
    }

    @Test
    void aCrashCancelsTimersKillsTheContextAndDropsInFlightMessagesToTheOldIncarnation() {
        host.start(sender);
        host.start(node);
        Journaling first = live();
        first.context.setTimer(5 * MS, () -> log.add("timer fired"));
        send("doomed");
        sim.runUntil(MS / 2);
        host.crash(node);
        host.start(node); // back before the message arrives: still addressed to incarnation 1
        sim.runUntilIdle();
        assertFalse(log.contains("timer fired"));
        assertFalse(log.stream().anyMatch(line -> line.startsWith("got")));
        assertEquals(1, network.counters().droppedAtDownProcess());
        assertThrows(IllegalStateException.class, () -> first.context.send(sender, "zombie"));
        assertFalse(first.context.isAlive());
        assertEquals(0, host.clock(node).pendingTimers());
    }

    @Test
    void messagesToADownProcessAreDroppedAndSyncCallbacksOfADeadIncarnationNeverRun() {
        host.start(sender);
        host.start(node);
        live().context.disk().append("inbox", new byte[] {1});
        live().context.disk().sync("inbox", result -> log.add("sync " + result));
        host.crash(node);
        send("nobody home");
        sim.runUntilIdle();
        assertEquals(List.of("start#1 recovered '' local=0", "crash"), log);
        assertEquals(0, host.disk(node).length("inbox"), "the sync never completed for the dead incarnation");
        assertEquals(1, network.counters().droppedAtDownProcess());
    }

    @Test
    void pauseDefersMessagesTimersAndSyncCallbacksToTheResumeWhileTheClockRuns() {
        host.start(sender);
        host.start(node);
        live().context.setTimer(2 * MS, () -> log.add("timer at local " + live().context.nowNanos()));
        live().context.disk().append("inbox", new byte[] {1});
        live().context.disk().sync("inbox", result -> log.add("sync " + result + " at " + sim.nowNanos()));
        assertTrue(host.pause(node, 10 * MS));
        assertFalse(host.pause(node, 10 * MS), "already paused");
        send("one");
        send("two");
        sim.runUntil(9 * MS);
        assertEquals(1, log.size(), "nothing reaches a paused process: " + log);
        assertEquals(1, host.disk(node).durableContents("inbox").length, "the disk itself finished the sync");
        assertEquals(ProcessState.PAUSED, host.state(node));
        sim.runUntilIdle();
        // Deferred events run at the resume in the order they arrived: sync completion and both messages at 1 ms
        // (the sync was scheduled first), the timer at 2 ms.
        assertEquals(List.of("start#1 recovered '' local=0", "sync SYNCED at " + 10 * MS,
                "got one from 0 at local " + 10 * MS, "got two from 0 at local " + 10 * MS,
                "timer at local " + 10 * MS), log);
        assertEquals(ProcessState.RUNNING, host.state(node));
    }

    @Test
    void aCrashDuringAPauseDropsWhatWasDeferred() {
        host.start(sender);
        host.start(node);
        host.pause(node, 10 * MS);
        send("deferred then dropped");
        sim.runUntil(5 * MS);
        host.crash(node);
        sim.runUntilIdle();
        assertEquals(ProcessState.DOWN, host.state(node));
        assertFalse(log.stream().anyMatch(line -> line.startsWith("got")));
        assertEquals(2, log.size());
    }

    @Test
    void anEarlyResumeDeliversDeferredEventsNowAndTheScheduledResumeBecomesStale() {
        host.start(sender);
        host.start(node);
        host.pause(node, 10 * MS);
        send("early");
        sim.runUntil(2 * MS);
        assertTrue(host.resume(node));
        assertFalse(host.resume(node));
        sim.runUntil(3 * MS);
        assertEquals("got early from 0 at local " + 2 * MS, log.get(log.size() - 1));
        host.pause(node, 20 * MS); // the first pause's end at 10 ms must not cut this one short
        sim.runUntil(15 * MS);
        assertEquals(ProcessState.PAUSED, host.state(node));
        sim.runUntilIdle();
        assertEquals(ProcessState.RUNNING, host.state(node));
        assertEquals(23 * MS, sim.nowNanos());
    }

    @Test
    void wipeCrashesAndErasesTheDisk() {
        host.start(node);
        live().context.disk().append("inbox", new byte[] {'x'});
        live().context.disk().sync("inbox", r -> { });
        sim.runUntilIdle();
        assertTrue(host.wipe(node));
        assertEquals(ProcessState.DOWN, host.state(node));
        assertNull(host.instance(node));
        host.start(node);
        assertEquals("start#2 recovered '' local=" + MS, log.get(log.size() - 1));
    }

    @Test
    void lifecycleCallsThatDoNotApplyReturnFalse() {
        assertFalse(host.crash(node));
        assertFalse(host.pause(node, MS));
        assertTrue(host.start(node));
        assertFalse(host.start(node));
        assertEquals(node, host.idOf("node"));
        assertEquals("node", host.name(node));
        assertThrows(IllegalArgumentException.class, () -> host.add("node", () -> new Journaling(log)));
        assertThrows(IllegalArgumentException.class, () -> host.idOf("ghost"));
        assertThrows(IllegalArgumentException.class, () -> host.state(7));
    }

    @Test
    void timersFollowTheProcessClockAndATornCrashIsReported() {
        host.start(node);
        host.clock(node).setDrift(1.0);
        live().context.setTimer(10 * MS, () -> log.add("fired at true " + sim.nowNanos()));
        sim.runUntilIdle();
        assertEquals("fired at true " + 5 * MS, log.get(log.size() - 1));
        live().context.disk().append("inbox", new byte[64]);
        assertTrue(host.crash(node, true));
        assertTrue(host.disk(node).length("inbox") < 64);
        assertEquals(SyncResult.SYNCED, SyncResult.valueOf("SYNCED"));
    }

    /** Throws from whichever callback its flag names, so a test can see which process a failure is charged to. */
    static final class Throwing implements SimProcess<String> {
        private final String when;
        ProcessContext<String> context;

        Throwing(String when) {
            this.when = when;
        }

        @Override
        public void onStart(ProcessContext<String> newContext) {
            context = newContext;
            if (when.equals("start")) {
                throw new IllegalArgumentException("start failed");
            }
            if (when.equals("timer")) {
                context.setTimer(MS, () -> {
                    throw new IllegalArgumentException("timer failed");
                });
            }
        }

        @Override
        public void onMessage(int from, String message) {
            throw new IllegalArgumentException("message failed");
        }
    }

    @Test
    void aFailureNamesTheProcessItsEventActedForAndTheEventNumber() {
        Simulation s = Simulation.create(9);
        SimNetwork<String> net = new SimNetwork<>(s, MessageCodec.immutable(), LinkProfile.reliable(DelayDistribution.fixed(MS)));
        ProcessHost<String> h = ProcessHost.create(s, net);
        int quiet = h.add("quiet", () -> new Throwing("never"));
        int victim = h.add("victim", () -> new Throwing("message"));
        h.start(quiet);
        h.start(victim);
        assertEquals(Simulation.NO_PROCESS, s.actingProcess(), "starting outside an event restores the caller's value");
        s.schedule(MS, "harmless", () -> { });
        s.schedule(2 * MS, "send", () -> net.send(quiet, victim, "hello"));
        io.tumbler.sim.kernel.SimulationFailure failure =
                assertThrows(io.tumbler.sim.kernel.SimulationFailure.class, s::runUntilIdle);
        assertEquals(victim, failure.process());
        assertEquals(3, failure.eventNumber(), "harmless, send, then the delivery that threw");
        assertEquals(3 * MS, failure.timeNanos());
    }

    @Test
    void timersAndRestartsByAHarnessActionAreChargedToTheirProcess() {
        Simulation s = Simulation.create(10);
        SimNetwork<String> net = new SimNetwork<>(s, MessageCodec.immutable(), LinkProfile.reliable(DelayDistribution.fixed(MS)));
        ProcessHost<String> h = ProcessHost.create(s, net);
        h.add("quiet", () -> new Throwing("never"));
        int timed = h.add("timed", () -> new Throwing("timer"));
        h.start(timed);
        assertEquals(timed, assertThrows(io.tumbler.sim.kernel.SimulationFailure.class, s::runUntilIdle).process());

        Simulation s2 = Simulation.create(11);
        ProcessHost<String> h2 = ProcessHost.create(s2, new SimNetwork<>(s2, MessageCodec.immutable(),
                LinkProfile.reliable(DelayDistribution.fixed(MS))));
        h2.add("quiet", () -> new Throwing("never"));
        int restarted = h2.add("restarted", () -> new Throwing("start"));
        s2.schedule(MS, "restart it", () -> h2.start(restarted));
        io.tumbler.sim.kernel.SimulationFailure failure =
                assertThrows(io.tumbler.sim.kernel.SimulationFailure.class, s2::runUntilIdle);
        assertEquals(restarted, failure.process());
        assertEquals(1, failure.eventNumber());
    }
}
