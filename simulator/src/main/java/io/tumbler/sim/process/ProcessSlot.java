package io.tumbler.sim.process;

import io.tumbler.sim.clock.SimClock;
import io.tumbler.sim.disk.SimDisk;
import io.tumbler.sim.kernel.Event;
import io.tumbler.sim.random.RandomStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Everything the host keeps for one process id across its incarnations. */
final class ProcessSlot<M> {
    final int id;
    final String name;
    final Supplier<? extends SimProcess<M>> factory;
    final SimClock clock;
    final SimDisk disk;
    final RandomStream random;
    final List<Event> deferred = new ArrayList<>();
    ProcessState state = ProcessState.DOWN;
    int incarnation;
    long pauseGeneration;
    SimProcess<M> instance;

    ProcessSlot(int id, String name, Supplier<? extends SimProcess<M>> factory, SimClock clock, SimDisk disk,
                RandomStream random) {
        this.id = id;
        this.name = name;
        this.factory = factory;
        this.clock = clock;
        this.disk = disk;
        this.random = random;
    }
}
