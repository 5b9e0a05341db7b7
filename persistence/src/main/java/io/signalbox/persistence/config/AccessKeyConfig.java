package io.signalbox.persistence.config;

import java.util.List;
import java.util.Optional;

/**
 * A key handed to someone who shares this machine's proxy.
 *
 * @param key the plaintext key; only present while importing (it is stored hashed and never read
 *     back)
 * @param routes the route names the key may call; empty means every route
 */
public record AccessKeyConfig(String name, Optional<String> key, List<String> routes) {

    public AccessKeyConfig {
        key = key == null ? Optional.empty() : key;
        routes = List.copyOf(routes);
    }

    public boolean allowsAllRoutes() {
        return routes.isEmpty();
    }

    /** Leaves the key out of {@link #toString()} so it cannot end up in a log. */
    @Override
    public String toString() {
        return "AccessKeyConfig[name=%s, key=%s, routes=%s]"
                .formatted(name, key.isPresent() ? "(set)" : "(none)", routes);
    }
}
