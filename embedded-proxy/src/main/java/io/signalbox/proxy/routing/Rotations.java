package io.signalbox.proxy.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The turn counters of round-robin routes, one per route name and rotation group ({@link
 * RoutePlanner#rotationGroup}). Request threads take turns at once, so each counter is an {@link
 * AtomicLong}: two concurrent requests never get the same turn.
 *
 * <p>The key is the route's name and the targets it rotates over, not the {@link Route} value: a
 * configuration change that leaves those alone (another route edited, this route's timeout changed)
 * keeps the rotation where it was, while a change to the targets starts the new group at its first
 * target.
 */
public final class Rotations {

    /**
     * Groups are subsets of a route's targets, so a table of tens of routes needs a handful each;
     * past this many something churns (routes renamed again and again), and starting every rotation
     * over is cheaper than growing without end.
     */
    static final int MAX_GROUPS = 10_000;

    private record GroupKey(String route, List<TargetKey> targets) {}

    private final Map<GroupKey, AtomicLong> turns = new ConcurrentHashMap<>();

    /** The turn for this request: 0 for a group's first request, then 1, 2, ... */
    public long next(String route, List<TargetKey> group) {
        if (turns.size() >= MAX_GROUPS) {
            turns.clear();
        }
        return turns.computeIfAbsent(new GroupKey(route, List.copyOf(group)), k -> new AtomicLong())
                .getAndIncrement();
    }
}
