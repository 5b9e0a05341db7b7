package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens-per-minute limits and what each limited model used of its limit (ADR 0014). Tokens are
 * counted per {@link TargetKey}, a model at a provider, because that is what a provider's limit is
 * for: two routes (or a target and a fallback) sending to the same model share one window. When
 * they configure different limits for it, the smallest holds, as the provider would enforce only
 * one.
 *
 * <p>The proxy counts a call's tokens when it ends (the upstream's usage, or the estimate when it
 * sent none); a call in flight reserves nothing, so calls that start together may overshoot a limit
 * by what they use. The planner sees limited models through {@link #over(HealthView)}: a model at
 * its limit looks like a cooling one until its window frees up.
 *
 * <p>Thread-safe: limits are swapped whole on a configuration change, windows lock only themselves.
 */
public final class TpmLimits {

    static final String AT_LIMIT = "at its tokens-per-minute limit";

    private volatile Map<TargetKey, Long> limits = Map.of();
    private final Map<TargetKey, TokenWindow> windows = new ConcurrentHashMap<>();

    /** Takes the limits of every target and fallback in {@code table}; counts so far are kept. */
    public void limitsFrom(RoutingTable table) {
        Map<TargetKey, Long> next = new HashMap<>();
        for (Route route : table.routes()) {
            route.targets().forEach(target -> addLimit(next, target));
            route.fallbacks().forEach(target -> addLimit(next, target));
        }
        limits = Map.copyOf(next);
        // A model that lost its limit need not be counted any more.
        windows.keySet().retainAll(next.keySet());
    }

    private static void addLimit(Map<TargetKey, Long> limits, Target target) {
        target.tpmLimit().ifPresent(limit -> limits.merge(target.key(), limit, Math::min));
    }

    public OptionalLong limitOf(TargetKey key) {
        Long limit = limits.get(key);
        return limit == null ? OptionalLong.empty() : OptionalLong.of(limit);
    }

    /** Counts tokens a model was sent; a model without a limit is not counted. */
    public void record(TargetKey key, long tokens, Instant at) {
        if (tokens > 0 && limits.containsKey(key)) {
            windows.computeIfAbsent(key, k -> new TokenWindow()).add(tokens, at);
        }
    }

    /** The tokens {@code key} was sent in the window ending at {@code now}. */
    public long used(TargetKey key, Instant now) {
        TokenWindow window = windows.get(key);
        return window == null ? 0 : window.used(now);
    }

    /** When a model at its limit takes traffic again; empty when it is not at its limit. */
    public Optional<Instant> freeAt(TargetKey key, Instant now) {
        Long limit = limits.get(key);
        TokenWindow window = windows.get(key);
        if (limit == null || window == null) {
            return Optional.empty();
        }
        return window.freeAt(limit, now);
    }

    /** Every limited model's use of its limit, for {@code /api/health} and the route editor. */
    public Map<TargetKey, TpmUse> snapshot(Instant now) {
        Map<TargetKey, TpmUse> uses = new LinkedHashMap<>();
        limits.forEach((key, limit) -> uses.put(key, new TpmUse(limit, used(key, now))));
        return uses;
    }

    /** {@code health} with every model at its limit shown as cooling until its window frees up. */
    public HealthView over(HealthView health) {
        if (limits.isEmpty()) {
            return health;
        }
        return (key, now) -> {
            TargetHealth known = health.health(key, now);
            if (known.state() != TargetState.HEALTHY) {
                return known;
            }
            return freeAt(key, now)
                    .map(
                            until ->
                                    new TargetHealth(
                                            key,
                                            TargetState.COOLING,
                                            Optional.of(until),
                                            Optional.of(AT_LIMIT)))
                    .orElse(known);
        };
    }
}
