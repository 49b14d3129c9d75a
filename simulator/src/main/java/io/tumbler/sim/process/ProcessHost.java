package io.tumbler.sim.process;

import io.tumbler.sim.clock.SimClock;
import io.tumbler.sim.disk.CrashDamage;
import io.tumbler.sim.disk.DiskProfile;
import io.tumbler.sim.disk.SimDisk;
import io.tumbler.sim.kernel.Admission;
import io.tumbler.sim.kernel.Event;
import io.tumbler.sim.kernel.Simulation;
import io.tumbler.sim.net.NetworkReceiver;
import io.tumbler.sim.net.SimNetwork;
import io.tumbler.sim.random.RandomStream;
import io.tumbler.sim.trace.TraceJournal;
import io.tumbler.sim.trace.TraceType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Hosts simulated processes on one {@link SimNetwork}: gives each an id (0, 1, ... in order of {@link #add}),
 * a {@link SimClock}, a {@link SimDisk} and a random stream, and drives their lifecycle.
 *
 * <ul>
 *   <li>{@link #start}: a DOWN process gets a new incarnation number and a fresh instance from its factory,
 *       whose {@link SimProcess#onStart} recovers from disk.
 *   <li>{@link #crash}: volatile state is gone (instance dropped after its {@link SimProcess#onCrash} hook), all
 *       its timers are cancelled, events deferred by a pause are dropped, the disk keeps only synced data
 *       (optionally tearing the last write), and messages in flight to that incarnation are dropped on arrival.
 *   <li>{@link #pause}: for a duration of true time no message, timer or sync callback reaches it; they are
 *       deferred, in arrival order, to the resume. Its clock keeps running.
 *   <li>{@link #wipe}: crashes it if up, then erases its disk.
 * </ul>
 * Admitting an event to a process and starting one tell the simulation which process acts
 * ({@link Simulation#actingProcess()}), so a failure names the process whose code threw.
 * Lifecycle calls return {@code false} when they do not apply (crashing a DOWN process, pausing a paused one):
 * faults drawn at random hit such states routinely, and that is not an error. Call from the simulation thread
 * (from events, or between {@code runUntil} calls).
 *
 * @param <M> the message type
 */
public final class ProcessHost<M> implements NetworkReceiver<M> {
    private final Simulation simulation;
    private final TraceJournal journal;
    private final SimNetwork<M> network;
    private final List<ProcessSlot<M>> slots = new ArrayList<>();
    private final TreeMap<String, Integer> idsByName = new TreeMap<>();

    private ProcessHost(Simulation simulation, SimNetwork<M> network) {
        this.simulation = simulation;
        this.journal = simulation.journal();
        this.network = network;
    }

    /** A host attached as {@code network}'s receiver. */
    public static <M> ProcessHost<M> create(Simulation simulation, SimNetwork<M> network) {
        ProcessHost<M> host = new ProcessHost<>(simulation, network);
        network.attach(host);
        return host;
    }

    /** Adds a DOWN process with an {@link DiskProfile#ssd()} disk; returns its id. */
    public int add(String name, Supplier<? extends SimProcess<M>> factory) {
        return add(name, DiskProfile.ssd(), factory);
    }

    /** Adds a DOWN process; {@code factory} makes one fresh instance per incarnation. Returns its id. */
    public int add(String name, DiskProfile diskProfile, Supplier<? extends SimProcess<M>> factory) {
        if (name.isEmpty() || idsByName.containsKey(name)) {
            throw new IllegalArgumentException("process names must be unique and non-empty: '" + name + "'");
        }
        int id = slots.size();
        SimClock clock = new SimClock(simulation, id, this);
        RandomStream diskRandom = simulation.streams().stream("disk").stream(name);
        SimDisk disk = new SimDisk(simulation, id, this, diskRandom, diskProfile);
        RandomStream random = simulation.streams().stream("process").stream(name);
        slots.add(new ProcessSlot<>(id, name, factory, clock, disk, random));
        idsByName.put(name, id);
        network.ensureNodes(slots.size());
        return id;
    }

    // ---- lifecycle ------------------------------------------------------------------------------------------

    /** Starts a DOWN process as a new incarnation; false if it is already up. */
    public boolean start(int id) {
        ProcessSlot<M> slot = slot(id);
        if (slot.state != ProcessState.DOWN) {
            return false;
        }
        slot.incarnation++;
        slot.state = ProcessState.RUNNING;
        slot.instance = slot.factory.get();
        journal.record(TraceType.PROCESS_START, simulation.nowNanos(), id, slot.incarnation, 0, slot.name);
        int caller = simulation.actingFor(id);
        slot.instance.onStart(new ProcessContext<>(this, id, slot.incarnation));
        simulation.actingFor(caller); // not restored when onStart throws: the failure is this process's
        return true;
    }

    /** Crashes a running or paused process, losing unsynced data; false if it is already DOWN. */
    public boolean crash(int id) {
        return crash(id, false);
    }

    /** Crashes it; with {@code tearLastWrite} a random prefix of its last unsynced write survives. */
    public boolean crash(int id, boolean tearLastWrite) {
        ProcessSlot<M> slot = slot(id);
        if (slot.state == ProcessState.DOWN) {
            return false;
        }
        SimProcess<M> dying = slot.instance;
        slot.state = ProcessState.DOWN;
        slot.instance = null;
        slot.deferred.clear();
        slot.pauseGeneration++;
        slot.clock.cancelAll();
        CrashDamage damage = slot.disk.crash(tearLastWrite);
        journal.record(TraceType.PROCESS_CRASH, simulation.nowNanos(), id, slot.incarnation, damage.tornBytesKept(),
                damage);
        dying.onCrash();
        return true;
    }

    /** Crashes it if up, then starts a new incarnation. Always returns true. */
    public boolean restart(int id) {
        crash(id, false);
        return start(id);
    }

    /** Stops the world for {@code durationNanos} of true time; false unless it is RUNNING. */
    public boolean pause(int id, long durationNanos) {
        if (durationNanos < 0) {
            throw new IllegalArgumentException("durationNanos must be >= 0: " + durationNanos);
        }
        ProcessSlot<M> slot = slot(id);
        if (slot.state != ProcessState.RUNNING) {
            return false;
        }
        slot.state = ProcessState.PAUSED;
        long resumeNanos = Math.addExact(simulation.nowNanos(), durationNanos);
        journal.record(TraceType.PROCESS_PAUSE, simulation.nowNanos(), id, slot.incarnation, resumeNanos);
        simulation.schedule(resumeNanos, new PauseEnd(this, id, ++slot.pauseGeneration));
        return true;
    }

    /** Ends a pause now (e.g. when a liveness phase heals every fault); false unless it is PAUSED. */
    public boolean resume(int id) {
        ProcessSlot<M> slot = slot(id);
        return slot.state == ProcessState.PAUSED && resume(id, slot.pauseGeneration);
    }

    boolean resume(int id, long pauseGeneration) {
        ProcessSlot<M> slot = slot(id);
        if (slot.pauseGeneration != pauseGeneration || slot.state != ProcessState.PAUSED) {
            return false;
        }
        slot.state = ProcessState.RUNNING;
        journal.record(TraceType.PROCESS_RESUME, simulation.nowNanos(), id, slot.incarnation, slot.deferred.size());
        for (Event event : slot.deferred) {
            simulation.schedule(simulation.nowNanos(), event);
        }
        slot.deferred.clear();
        return true;
    }

    /** Crashes it if up, then erases its disk (durable data included). Always returns true. */
    public boolean wipe(int id) {
        crash(id, false);
        int removed = slot(id).disk.wipe();
        journal.record(TraceType.PROCESS_WIPE, simulation.nowNanos(), id, removed, 0);
        return true;
    }

    // ---- gate and delivery (called by the network, clocks and disks) -----------------------------------------

    @Override
    public int incarnation(int process) {
        return slot(process).incarnation;
    }

    @Override
    public Admission admit(int process, int incarnation, Event event) {
        ProcessSlot<M> slot = slots.get(process);
        if (slot.state == ProcessState.DOWN || slot.incarnation != incarnation) {
            return Admission.DROP;
        }
        if (slot.state == ProcessState.PAUSED) {
            slot.deferred.add(event);
            journal.record(TraceType.EVENT_DEFER, simulation.nowNanos(), process, incarnation, slot.deferred.size());
            return Admission.DEFER;
        }
        simulation.actingFor(process);
        return Admission.RUN;
    }

    @Override
    public void receive(int to, int from, M message) {
        slots.get(to).instance.onMessage(from, message);
    }

    // ---- inspection -----------------------------------------------------------------------------------------

    /** Number of processes. */
    public int size() {
        return slots.size();
    }

    /** The name given at {@link #add}. */
    public String name(int id) {
        return slot(id).name;
    }

    /** The id of the process called {@code name}. */
    public int idOf(String name) {
        Integer id = idsByName.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no process named '" + name + "'; known: " + idsByName.keySet());
        }
        return id;
    }

    /** Current lifecycle state. */
    public ProcessState state(int id) {
        return slot(id).state;
    }

    /** Its clock (survives crashes). */
    public SimClock clock(int id) {
        return slot(id).clock;
    }

    /** Its disk (survives crashes, minus unsynced data). */
    public SimDisk disk(int id) {
        return slot(id).disk;
    }

    /** Its random stream. */
    public RandomStream random(int id) {
        return slot(id).random;
    }

    /** The live instance, or null when DOWN (for harness inspection; do not call its callbacks). */
    public SimProcess<M> instance(int id) {
        return slot(id).instance;
    }

    /** The network the processes talk over. */
    public SimNetwork<M> network() {
        return network;
    }

    /** The simulation. */
    public Simulation simulation() {
        return simulation;
    }

    private ProcessSlot<M> slot(int id) {
        if (id < 0 || id >= slots.size()) {
            throw new IllegalArgumentException("unknown process " + id + " (host has " + slots.size() + ")");
        }
        return slots.get(id);
    }
}
