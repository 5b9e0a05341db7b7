package io.signalbox.proxy.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The proxy's passive health check: it learns from the outcome of real requests which targets to
 * leave alone for a while.
 *
 * <p>Every request thread records into it at once, so each target's record is an immutable value
 * replaced with {@link ConcurrentHashMap#compute}: updates to one target are atomic and updates to
 * different targets never wait for each other. The book never reads a clock; callers pass {@code
 * now}, which keeps it testable and lets a cooldown expire by time alone, without a sweeper.
 */
public final class HealthBook implements HealthView {

    static final String KEY_REJECTED = "the provider rejected the API key";
    static final String QUOTA_USED_UP = "the provider says the quota is used up";
    static final String RATE_LIMITED = "the provider is rate limiting requests";

    private final HealthPolicy policy;
    private final Map<TargetKey, Entry> entries = new ConcurrentHashMap<>();

    public HealthBook(HealthPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * A success proves the target works: forget its failure streak and let it back in. A held-out
     * target stays out, since one lucky answer does not mean the key or quota problem is gone.
     */
    public void recordSuccess(TargetKey target) {
        entries.computeIfPresent(target, (key, entry) -> entry.afterSuccess());
    }

    /**
     * @param retryAfter the provider's wait from {@link RetryAfter#parse}, used for rate limits
     * @param now when the failure was seen
     */
    public void recordFailure(
            TargetKey target, FailureKind kind, Optional<Duration> retryAfter, Instant now) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(now, "now");
        if (kind == FailureKind.CALLER_ERROR) {
            // The request was bad, not the target: not even a record is created.
            return;
        }
        entries.compute(
                target,
                (key, entry) ->
                        (entry == null ? Entry.CLEAN : entry).after(kind, retryAfter, now, policy));
    }

    /** Lets held-out targets back in; called when the configuration changed and keys may work. */
    public void clearHeldOut() {
        for (TargetKey target : entries.keySet()) {
            entries.computeIfPresent(
                    target, (key, entry) -> entry.state == TargetState.HELD_OUT ? null : entry);
        }
    }

    /** Forgets everything, as if no request had ever been made. */
    public void forget() {
        entries.clear();
    }

    @Override
    public TargetHealth health(TargetKey target, Instant now) {
        Entry entry = entries.get(target);
        return entry == null ? TargetHealth.healthy(target) : entry.healthAt(target, now);
    }

    /** Every target the book has a record for, sorted by provider then model, for the UI. */
    public List<TargetHealth> snapshot(Instant now) {
        return entries.entrySet().stream()
                .map(e -> e.getValue().healthAt(e.getKey(), now))
                .sorted(
                        Comparator.comparing((TargetHealth h) -> h.target().provider())
                                .thenComparing(h -> h.target().model()))
                .toList();
    }

    /**
     * One target's record. {@code until} is kept after it passes and is read as healthy then, so
     * that expiry needs no write.
     *
     * @param until the deadline of a COOLING or EJECTED state, else null
     * @param failures consecutive failures that count towards ejection
     * @param ejections ejections since the last success: the exponent of the next ejection's length
     */
    private record Entry(
            TargetState state, Instant until, String reason, int failures, int ejections) {

        static final Entry CLEAN = new Entry(TargetState.HEALTHY, null, null, 0, 0);

        /** Null removes the record: a target with nothing against it needs no entry. */
        Entry afterSuccess() {
            if (state == TargetState.HELD_OUT) {
                return new Entry(state, null, reason, 0, 0);
            }
            return null;
        }

        Entry after(
                FailureKind kind, Optional<Duration> retryAfter, Instant now, HealthPolicy policy) {
            if (kind == FailureKind.AUTH_REJECTED) {
                return new Entry(TargetState.HELD_OUT, null, KEY_REJECTED, failures, ejections);
            }
            if (kind == FailureKind.QUOTA_EXHAUSTED) {
                return new Entry(TargetState.HELD_OUT, null, QUOTA_USED_UP, failures, ejections);
            }
            if (state == TargetState.HELD_OUT || kind == FailureKind.CALLER_ERROR) {
                // Held out is stronger than any timed state; only a config change lifts it.
                return this;
            }
            if (kind == FailureKind.RATE_LIMITED) {
                Instant deadline = now.plus(retryAfter.orElse(policy.defaultCooldown()));
                return timed(TargetState.COOLING, deadline, RATE_LIMITED, failures, ejections);
            }
            int streak = failures + 1;
            if (streak < policy.failuresBeforeEjection()) {
                return new Entry(state, until, reason, streak, ejections);
            }
            Instant deadline = now.plus(policy.ejectionLength(ejections));
            String why = streak + " failures in a row, the last: " + describe(kind);
            return timed(TargetState.EJECTED, deadline, why, 0, ejections + 1);
        }

        /**
         * A new failure never shortens an existing deadline (LiteLLM #40130 let a second 429
         * without Retry-After keep the first, shorter cooldown): the later deadline wins, with its
         * state and reason, while the counters always move on.
         */
        private Entry timed(
                TargetState newState,
                Instant deadline,
                String why,
                int newFailures,
                int newEjections) {
            if (until != null && until.isAfter(deadline)) {
                return new Entry(state, until, reason, newFailures, newEjections);
            }
            return new Entry(newState, deadline, why, newFailures, newEjections);
        }

        TargetHealth healthAt(TargetKey target, Instant now) {
            return switch (state) {
                case HELD_OUT ->
                        new TargetHealth(
                                target, state, Optional.empty(), Optional.ofNullable(reason));
                case COOLING, EJECTED ->
                        until.isAfter(now)
                                ? new TargetHealth(
                                        target,
                                        state,
                                        Optional.of(until),
                                        Optional.ofNullable(reason))
                                : TargetHealth.healthy(target);
                case HEALTHY -> TargetHealth.healthy(target);
            };
        }

        private static String describe(FailureKind kind) {
            return switch (kind) {
                case CONNECT_FAILED -> "the provider could not be reached";
                case TIMEOUT -> "the provider did not answer in time";
                case MODEL_NOT_FOUND -> "the provider does not know the model";
                default -> "the provider answered with a server error";
            };
        }
    }
}
