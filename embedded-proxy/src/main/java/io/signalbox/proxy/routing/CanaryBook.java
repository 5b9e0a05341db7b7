package io.signalbox.proxy.routing;

import io.signalbox.proxy.usage.AttemptOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every route's canary state: its window of attempts and whether it was demoted. Demotion is
 * automatic and sticky: once the success rate over the window falls below the threshold (with at
 * least {@code minRequests} attempts in it), the canary gets no requests until the user acts, and
 * the decision goes to the {@link CanaryDecisionSink}.
 *
 * <p>State is kept per route name and canary <em>settings</em> ({@link Canary} is a value): a
 * configuration change that alters the canary (another share, threshold or target) starts it
 * afresh, active, while a change elsewhere leaves it as it was. ADR 0015.
 */
public final class CanaryBook {

    private final Map<Key, CanaryState> states = new ConcurrentHashMap<>();
    private volatile CanaryDecisionSink sink = CanaryDecisionSink.DISCARD;

    private record Key(String route, Canary canary) {}

    /** Where demotions go from now on; the app wires its store here. */
    public void decisionsTo(CanaryDecisionSink next) {
        this.sink = Objects.requireNonNull(next);
    }

    /** Whether the route's canary gets its share: true unless it was demoted. */
    public boolean isActive(Route route) {
        return route.canary().map(canary -> state(route.name(), canary).active()).orElse(false);
    }

    /**
     * Counts the canary's attempts of one finished call. A success is an answer without a failure
     * worth another target; a caller mistake (400 and the like) and a client that went away count
     * neither way, since they say nothing about the canary.
     */
    public void record(Route route, List<AttemptOutcome> attempts, Instant now) {
        if (route.canary().isEmpty()) {
            return;
        }
        Canary canary = route.canary().get();
        for (AttemptOutcome attempt : attempts) {
            if (!isCanary(canary.target(), attempt)) {
                continue;
            }
            Optional<Boolean> success = success(attempt.outcome());
            if (success.isEmpty()) {
                continue;
            }
            state(route.name(), canary).add(success.get(), now).ifPresent(this::emit);
        }
    }

    /**
     * Counts a request that was the canary's but found it held out by the health book, as a failure
     * ({@link CanarySplit#heldOut}).
     */
    public void recordHeldOut(Route route, Instant now) {
        route.canary()
                .ifPresent(
                        canary ->
                                state(route.name(), canary).add(false, now).ifPresent(this::emit));
    }

    private void emit(CanaryDecision decision) {
        try {
            sink.record(decision);
        } catch (RuntimeException e) {
            // The demotion stands in memory; recording it is the app's business.
            org.slf4j.LoggerFactory.getLogger(CanaryBook.class)
                    .warn("Could not hand on a canary decision: {}", e.toString());
        }
    }

    /** The attempt went to the canary's provider and model (any model for a pass-through one). */
    private static boolean isCanary(TargetKey canary, AttemptOutcome attempt) {
        return canary.provider().equals(attempt.provider())
                && (canary.model().equals(attempt.model())
                        || canary.model().equals(Target.PASS_THROUGH));
    }

    /** True for a success, false for a failure, empty for an outcome that says nothing. */
    static Optional<Boolean> success(String outcome) {
        return switch (outcome) {
            case "ok" -> Optional.of(true);
            case "caller_error", "client_cancelled" -> Optional.empty();
            default -> Optional.of(false);
        };
    }

    private CanaryState state(String route, Canary canary) {
        return states.computeIfAbsent(
                new Key(route, canary), key -> new CanaryState(route, canary));
    }

    /** Every canary of the table, in route order, as it stands now. */
    public List<CanaryStatus> statuses(RoutingTable table, Instant now) {
        return table.routes().stream()
                .filter(route -> route.canary().isPresent())
                .map(route -> state(route.name(), route.canary().get()).status(now))
                .toList();
    }

    /** The status of one route's canary, if it has one. */
    public Optional<CanaryStatus> status(Route route, Instant now) {
        return route.canary().map(canary -> state(route.name(), canary).status(now));
    }

    /**
     * Marks a canary demoted by an earlier run (the newest recorded decision about it), so a
     * restart does not hand a failing canary its share again.
     */
    public void restore(CanaryDecision demotion) {
        if (demotion.action() == CanaryDecision.Action.DEMOTED) {
            state(demotion.route(), demotion.canary()).restore(demotion);
        }
    }

    /** Forgets the canaries the new table no longer has, so the book does not grow forever. */
    public void retain(RoutingTable table) {
        Set<Key> live =
                table.routes().stream()
                        .filter(route -> route.canary().isPresent())
                        .map(route -> new Key(route.name(), route.canary().get()))
                        .collect(Collectors.toSet());
        states.keySet().retainAll(live);
    }
}
