package io.tumbler.realcluster;

import io.tumbler.fault.AppliedFault;
import io.tumbler.fault.Effect;
import io.tumbler.raft.ConfigChange;
import io.tumbler.raft.Configuration;
import io.tumbler.raft.node.ConfigChangeOutcome;
import io.tumbler.raft.runtime.RaftAdmin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Applies a {@link NemesisSchedule} to a running cluster on its own thread, at the schedule's wall times measured
 * from the workload's start, and records every fault and heal as applied. {@link #healAll} (called by the run
 * before its quiet period, after {@link #stop}) restarts killed nodes, thaws paused ones and heals the network,
 * whatever the schedule had reached, and adds back every node a membership fault left out of the voters.
 *
 * <p>Membership faults go through {@link RaftAdmin} on the servers' client ports, the operator's own tool: remove
 * the voter, and as the heal add it back as a learner and promote it once it caught up.
 */
final class Nemesis {
    private final NemesisSchedule schedule;
    private final ServerFleet fleet;
    private final ProxyMesh mesh;
    private final RunClock clock;
    private final DiskVolumes volumes;
    private final List<AppliedFault> applied = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    Nemesis(NemesisSchedule schedule, ServerFleet fleet, ProxyMesh mesh, RunClock clock, DiskVolumes volumes) {
        this.schedule = schedule;
        this.fleet = fleet;
        this.mesh = mesh;
        this.clock = clock;
        this.volumes = volumes;
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
                String label = fault.label();
                applied.add(new AppliedFault(clock.nanos(), label, done, fault.kind().flag(), fault.kind().effect(),
                        fault.target(), done(label, done), 0, fault.asSimulatedShape(), fault.nodesHit()));
                clock.sleepUntilMillis(step.healAtMillis());
                if (stopped) {
                    return;
                }
                String healed = heal(fault);
                applied.add(new AppliedFault(clock.nanos(), fault.healLabel(), healed, fault.kind().flag(),
                        fault.kind().healEffect(), fault.target(), done(fault.healLabel(), healed), 0));
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
            } else if (fault instanceof NemesisFault.RemoveNode r) {
                return remove(r.node());
            } else if (fault instanceof NemesisFault.DiskFault d) {
                DiskVolume volume = volumes.of(d.node());
                fleet.node(d.node()).diskFaultApplied();
                return fault.label() + " (" + (d.kind() == NemesisKind.DISK_FULL ? volume.fill()
                        : volume.makeReadOnly()) + ")";
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
            } else if (fault instanceof NemesisFault.RemoveNode r) {
                return addBack(r.node());
            } else if (fault instanceof NemesisFault.DiskFault d) {
                return fault.healLabel() + ": " + healDisk(volumes.of(d.node()));
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
        for (DiskVolume volume : volumes.all()) {
            if (volume.isFull() || volume.isReadOnly()) {
                try {
                    done.add("disk of n" + volume.node() + ": " + healDisk(volume));
                } catch (IOException e) {
                    done.add("disk of n" + volume.node() + " not healed: " + e.getMessage());
                }
            }
        }
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
        done.addAll(addBackMissingVoters());
        applied.add(new AppliedFault(clock.nanos(), "heal all",
                done.isEmpty() ? "heal all (network healed)" : "heal all: " + String.join(", ", done), "heal-all",
                Effect.HEAL_ALL, 0, true, 0));
    }

    /**
     * Gives node {@code volume.node()} its disk back and says what the node did meanwhile: a fail-stop halt (its exit
     * then expected, not counted against it) or still running. A full disk loses its ballast; a read-only one is
     * unmounted (the node killed first if it still holds files open), checked and mounted again. A node that is down
     * is started again on the healed disk.
     */
    private String healDisk(DiskVolume volume) throws IOException, InterruptedException {
        ServerProcess p = fleet.node(volume.node());
        String node = "n" + volume.node() + " " + p.acknowledgeFailStop();
        String repaired;
        if (volume.isReadOnly()) {
            if (p.isAlive()) {
                p.kill();
                node += ", killed to unmount";
            }
            repaired = "unmounted, " + volume.repair() + ", mounted again";
        } else {
            volume.unfill();
            repaired = "ballast deleted";
        }
        if (!p.isAlive()) {
            p.start();
            repaired += "; restarted n" + volume.node() + " (pid " + p.pid() + ")";
        }
        return node + "; " + repaired;
    }

    /** How long one admin step may take: a removal commits in milliseconds, a catch-up in well under a second. */
    private static final long ADMIN_TIMEOUT_MILLIS = 10_000;

    private String remove(int node) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConfigChangeOutcome outcome = admin(out).change(new ConfigChange.Remove(node));
        return "remove n" + node + (outcome instanceof ConfigChangeOutcome.Committed c
                ? " (committed at index " + c.index() + ": " + c.configuration() + ")"
                : " (not done: " + outcome + ")");
    }

    /** The heal of a removal: the node is a voter again (added back as a learner and promoted), or why not. */
    private String addBack(int node) throws IOException {
        Configuration configuration = admin(new ByteArrayOutputStream()).leaderConfiguration().configuration();
        return "heal membership: " + restore(node, configuration);
    }

    /** Makes {@code node} a voter of {@code configuration} again; says what it did. */
    private String restore(int node, Configuration configuration) throws IOException {
        if (configuration.isVoter(node)) {
            return "n" + node + " is a voter";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RaftAdmin admin = admin(out);
        boolean done = configuration.isLearner(node) ? admin.promote(node) : admin.add(node, true);
        return (done ? "added n" : "failed to add n") + node + " back ("
                + out.toString(StandardCharsets.UTF_8).trim().replace('\n', ';') + ")";
    }

    /** Adds back (and promotes) every node of the fleet that the leader's configuration does not hold as a voter. */
    private List<String> addBackMissingVoters() {
        List<String> done = new ArrayList<>();
        try {
            Configuration configuration = admin(new ByteArrayOutputStream()).leaderConfiguration().configuration();
            for (int id : fleet.ids()) {
                if (!configuration.isVoter(id)) {
                    done.add(restore(id, configuration));
                }
            }
        } catch (IOException e) {
            done.add("membership not restored: " + e.getMessage());
        }
        return done;
    }

    /** The operator's admin tool over every node's client port, printing into {@code out}. */
    private RaftAdmin admin(ByteArrayOutputStream out) {
        TreeMap<Integer, InetSocketAddress> book = new TreeMap<>();
        for (ServerProcess p : fleet.all()) {
            book.put(p.id(), new InetSocketAddress("127.0.0.1", p.clientPort()));
        }
        return new RaftAdmin(book, book.firstEntry().getValue(), ADMIN_TIMEOUT_MILLIS,
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /**
     * Whether a fault or heal labelled {@code label} did anything, by what it reported ({@code what}): one that
     * failed ({@code label + " failed: ..."}) did not (words such as a node's own halt reason, "storage write failed:
     * ...", do not count). A pause's window is closed by its SIGCONT, so no duration is recorded for any of them; a
     * fault records the nodes it hit ({@link NemesisFault#nodesHit}), a heal the node it lands on.
     */
    private static boolean done(String label, String what) {
        return !what.startsWith(label + " failed: ");
    }
}
