package io.signalbox.proxy.routing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The targets one request will try, in order, or, when there is none, what to tell the client.
 *
 * @param attempts the first pick, then the other targets (as many as the route's retries allow),
 *     then the fallbacks
 * @param retryAt when {@code attempts} is empty: the earliest instant a target or fallback comes
 *     back, for the {@code Retry-After} header; empty when none will come back by waiting (all held
 *     out, or none configured)
 * @param rateLimited when {@code attempts} is empty: every unavailable candidate is only cooling
 *     down after a 429, so the honest answer is 429 rather than 503
 * @param noTargetMatches when {@code attempts} is empty: the route has targets taking traffic but
 *     none whose match conditions this request meets, and no fallback; waiting will not help
 */
public record RoutePlan(
        List<Target> attempts,
        Optional<Instant> retryAt,
        boolean rateLimited,
        boolean noTargetMatches) {

    public RoutePlan {
        attempts = List.copyOf(attempts);
        Objects.requireNonNull(retryAt, "retryAt");
    }

    public RoutePlan(List<Target> attempts, Optional<Instant> retryAt, boolean rateLimited) {
        this(attempts, retryAt, rateLimited, false);
    }
}
