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
 */
public record AccessKeyConfig(
        String name, Optional<String> key, List<String> routes, OptionalLong dailyTokenLimit) {

    public AccessKeyConfig {
        key = key == null ? Optional.empty() : key;
        routes = List.copyOf(routes);
        dailyTokenLimit = dailyTokenLimit == null ? OptionalLong.empty() : dailyTokenLimit;
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
        return new AccessKeyConfig(name, key, otherRoutes, dailyTokenLimit);
    }

    /** The same key with another daily token limit (empty: none). */
    public AccessKeyConfig withDailyTokenLimit(OptionalLong limit) {
        return new AccessKeyConfig(name, key, routes, limit);
    }

    /** Leaves the key out of {@link #toString()} so it cannot end up in a log. */
    @Override
    public String toString() {
        return "AccessKeyConfig[name=%s, key=%s, routes=%s, dailyTokenLimit=%s]"
                .formatted(
                        name,
                        key.isPresent() ? "(set)" : "(none)",
                        routes,
                        dailyTokenLimit.isPresent() ? dailyTokenLimit.getAsLong() : "none");
    }
}
