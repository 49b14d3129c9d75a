package io.tumbler.raft;

import java.util.EnumMap;
import java.util.EnumSet;

/** Fault points a test switches on and off by hand, counting hits and fires so a test can prove a path ran. */
public final class ScriptedFaultPoints implements FaultPoints {
    private final EnumSet<FaultPoint> firing = EnumSet.noneOf(FaultPoint.class);
    private final EnumMap<FaultPoint, Integer> hits = new EnumMap<>(FaultPoint.class);
    private final EnumMap<FaultPoint, Integer> fired = new EnumMap<>(FaultPoint.class);

    /** Makes every later hit of {@code points} fire. */
    public ScriptedFaultPoints fire(FaultPoint... points) {
        for (FaultPoint p : points) {
            firing.add(p);
        }
        return this;
    }

    /** Stops every point from firing. */
    public ScriptedFaultPoints stopAll() {
        firing.clear();
        return this;
    }

    public int hits(FaultPoint point) {
        return hits.getOrDefault(point, 0);
    }

    public int fired(FaultPoint point) {
        return fired.getOrDefault(point, 0);
    }

    @Override
    public boolean fires(FaultPoint point) {
        hits.merge(point, 1, Integer::sum);
        if (!firing.contains(point)) {
            return false;
        }
        fired.merge(point, 1, Integer::sum);
        return true;
    }
}
