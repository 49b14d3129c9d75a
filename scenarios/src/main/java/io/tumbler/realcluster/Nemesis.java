package io.tumbler.realcluster;

import io.tumbler.fault.AppliedFault;
import io.tumbler.fault.Effect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Applies a {@link NemesisSchedule} to a running cluster on its own thread, at the schedule's wall times measured
 * from the workload's start, and records every fault and heal as applied. {@link #healAll} (called by the run
 * before its quiet period, after {@link #stop}) restarts killed nodes, thaws paused ones and heals the network,
 * whatever the schedule had reached.
 */
final class Nemesis {
    private final NemesisSchedule schedule;
    private final ServerFleet fleet;
    private final ProxyMesh mesh;
    private final RunClock clock;
    private final List<AppliedFault> applied = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    Nemesis(NemesisSchedule schedule, ServerFleet fleet, ProxyMesh mesh, RunClock clock) {
        this.schedule = schedule;
        this.fleet = fleet;
        this.mesh = mesh;
        this.clock = clock;
        this.thread = new Thread(this::runSchedule, "nemesis");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops applying the schedule (a fault in force stays until {@link #healAll}). */
    void stop() throws InterruptedException {
        stopped = true;
        thread.interrupt();
        thread.join(15_000);
    }

    /** Faults and heals as applied, in order. */
    List<AppliedFault> applied() {
        return List.copyOf(applied);
    }

    private void runSchedule() {
        try {
            for (NemesisSchedule.Step step : schedule.faults()) {
                clock.sleepUntilMillis(step.atMillis());
                if (stopped) {
                    return;
                }
                NemesisFault fault = step.fault().resolve(fleet.awaitLeader(1_000), fleet.ids());
                String done = apply(fault) + (fault.equals(step.fault()) ? "" : " (" + step.fault().label() + ")");
                record(fault.label(), done, fault.kind().effect(), fault);
                clock.sleepUntilMillis(step.healAtMillis());
                if (stopped) {
                    return;
                }
                record(fault.healLabel(), heal(fault), fault.kind().healEffect(), fault);
            }
        } catch (InterruptedException e) {
            // Stopped: healAll undoes whatever is in force.
        }
    }

    private String apply(NemesisFault fault) throws InterruptedException {
        try {
            if (fault instanceof NemesisFault.Kill k) {
                long pid = fleet.node(k.node()).pid();
                fleet.node(k.node()).kill();
                return fault.label() + " (SIGKILL pid " + pid + ")";
            } else if (fault instanceof NemesisFault.Pause p) {
                fleet.node(p.node()).pause();
                return fault.label() + " (SIGSTOP pid " + fleet.node(p.node()).pid() + ")";
            } else if (fault instanceof NemesisFault.Partition p) {
                mesh.partition(p.groups());
            } else if (fault instanceof NemesisFault.OneWay o) {
                mesh.cutOneWay(o.from(), o.to());
            } else if (fault instanceof NemesisFault.Delay d) {
                mesh.delayAll(d.millis());
            } else if (fault instanceof NemesisFault.Loss l) {
                mesh.lossAll(l.rate());
            }
            return fault.label();
        } catch (IOException e) {
            return fault.label() + " failed: " + e.getMessage();
        }
    }

    private String heal(NemesisFault fault) {
        try {
            if (fault instanceof NemesisFault.Kill k) {
                fleet.node(k.node()).start();
                return fault.healLabel() + " (pid " + fleet.node(k.node()).pid() + ")";
            } else if (fault instanceof NemesisFault.Pause p) {
                fleet.node(p.node()).resume();
            } else {
                mesh.healAll();
            }
            return fault.healLabel();
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return fault.healLabel() + " failed: " + e.getMessage();
        }
    }

    /** Heals everything: the network, every paused node, every node that is not running. Records what it did. */
    void healAll() throws IOException, InterruptedException {
        List<String> done = new ArrayList<>();
        mesh.healAll();
        for (ServerProcess p : fleet.all()) {
            if (p.isPaused()) {
                p.resume();
                done.add("resumed n" + p.id());
            }
            if (!p.isAlive()) {
                p.start();
                done.add("restarted n" + p.id() + " (pid " + p.pid() + ")");
            }
        }
        applied.add(new AppliedFault(clock.nanos(), "heal all",
                done.isEmpty() ? "heal all (network healed)" : "heal all: " + String.join(", ", done), "heal-all",
                Effect.HEAL_ALL, 0, true, 0));
    }

    /**
     * Records {@code fault} (or its heal, as {@code effect} says) as applied: a pause's window is closed by its
     * SIGCONT, so no duration is recorded; a fault or heal that failed ("... failed: ...") counts as not done.
     */
    private void record(String label, String what, Effect effect, NemesisFault fault) {
        applied.add(new AppliedFault(clock.nanos(), label, what, fault.kind().flag(), effect, fault.target(),
                !what.contains(" failed: "), 0));
    }
}
