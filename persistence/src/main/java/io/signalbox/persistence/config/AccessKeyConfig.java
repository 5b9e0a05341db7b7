package io.signalbox.persistence.config;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A key handed to someone who shares this machine's proxy.
 *
 * @param key the plaintext key; only present while importing (it is stored hashed and never read
 *     back)
 * @param routes the route names the key may call; empty means every route
 * @param dailyTokenLimit the most tokens the key may use per day (the local day of this machine);
 *     absent means no limit
 * @param routers the router slugs whose endpoints the key may call; empty means {@code /v1} and
 *     every router. A key with routers may not call {@code /v1} (ADR 0013).
 */
public record AccessKeyConfig(
        String name,
        Optional<String> key,
        List<String> routes,
        OptionalLong dailyTokenLimit,
        List<String> routers) {

    public AccessKeyConfig {
        key = key == null ? Optional.empty() : key;
        routes = List.copyOf(routes);
        dailyTokenLimit = dailyTokenLimit == null ? OptionalLong.empty() : dailyTokenLimit;
        routers = routers == null ? List.of() : List.copyOf(routers);
    }

    /** A key not limited to routers. */
    public AccessKeyConfig(
            String name, Optional<String> key, List<String> routes, OptionalLong dailyTokenLimit) {
        this(name, key, routes, dailyTokenLimit, List.of());
    }

    /** A key without a daily token limit. */
    public AccessKeyConfig(String name, Optional<String> key, List<String> routes) {
        this(name, key, routes, OptionalLong.empty());
    }

    public boolean allowsAllRoutes() {
        return routes.isEmpty();
    }

    /** The same key with other routes; its limit stays. */
    public AccessKeyConfig withRoutes(List<String> otherRoutes) {
        return new AccessKeyConfig(name, key, otherRoutes, dailyTokenLimit, routers);
    }

    /** The same key with another daily token limit (empty: none). */
    public AccessKeyConfig withDailyTokenLimit(OptionalLong limit) {
        return new AccessKeyConfig(name, key, routes, limit, routers);
    }

    /** The same key limited to other routers (empty: not limited to routers). */
    public AccessKeyConfig withRouters(List<String> otherRouters) {
        return new AccessKeyConfig(name, key, routes, dailyTokenLimit, otherRouters);
    }

    public boolean limitedToRouters() {
        return !routers.isEmpty();
    }

    /** Leaves the key out of {@link #toString()} so it cannot end up in a log. */
    @Override
    public String toString() {
        return "AccessKeyConfig[name=%s, key=%s, routes=%s, dailyTokenLimit=%s, routers=%s]"
                .formatted(
                        name,
                        key.isPresent() ? "(set)" : "(none)",
                        routes,
                        dailyTokenLimit.isPresent() ? dailyTokenLimit.getAsLong() : "none",
                        routers);
    }
}
