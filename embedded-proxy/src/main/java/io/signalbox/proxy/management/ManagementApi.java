package io.signalbox.proxy.management;

import com.fasterxml.jackson.databind.JsonNode;
import io.signalbox.proxy.routing.CanaryDecision;
import io.signalbox.proxy.routing.CanaryStatus;
import io.signalbox.proxy.routing.RouteHealth;
import io.signalbox.proxy.routing.TargetHealth;
import io.signalbox.proxy.routing.TargetKey;
import io.signalbox.proxy.routing.TpmUse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the management API (CONTRACT section 4) asks of the rest of Signalbox: the port that {@link
 * ManagementHandler} serves over HTTP. The proxy module knows neither the store nor the
 * configuration format, so it is implemented where both are known (the app's composition root).
 *
 * <p>Every method may block (database reads, a provider's model list); the handler calls them on a
 * worker thread, never on a network thread. A call that cannot be answered throws {@link
 * ManagementException}, which says the status; any other exception is an internal error (500).
 */
public interface ManagementApi {

    /**
     * The most requests one {@code GET /api/requests} lists: each is read with its attempts, so it
     * is a page, not an export. The store refuses larger pages too.
     */
    int MAX_REQUESTS = 1000;

    /**
     * The configuration document (CONTRACT section 2).
     *
     * @param includeSecrets with provider keys and secret headers; access keys are never included,
     *     only their hashes are stored
     */
    JsonNode config(boolean includeSecrets);

    /**
     * Replaces the whole configuration, all or nothing, and applies it to the running proxy.
     *
     * @param json the document as the client sent it, possibly malformed
     * @return the configuration now in force, without secrets
     * @throws ManagementException 400 with every problem found; nothing changed
     */
    JsonNode replaceConfig(String json) throws ManagementException;

    /**
     * Asks a provider which models it serves.
     *
     * @throws ManagementException 404 for an unknown provider, 502 when it gave no model list
     */
    Discovery discover(String provider) throws ManagementException;

    /**
     * Token usage per group, and per time bucket when the selection asks for a series.
     *
     * @throws ManagementException 400 when the selection cannot be answered (too many buckets)
     */
    UsageReport usage(UsageSelection selection) throws ManagementException;

    /**
     * The newest requests of the log that match the selection.
     *
     * @throws ManagementException 400 when the selection cannot be answered
     */
    List<RequestEntry> requests(RequestSelection selection) throws ManagementException;

    /** The version, every target's health and every route's status. */
    HealthReport health();

    /**
     * Every route's canary with its state, window and recent decisions ({@code GET /api/canaries}).
     * The default serves none, for implementations that predate canaries.
     */
    default List<CanaryReport> canaries() throws ManagementException {
        return List.of();
    }

    /**
     * Makes the route's canary its only target, without canary settings, as a configuration change
     * (stored, applied at once), and records the decision.
     *
     * @throws ManagementException 404 for an unknown route, 409 when it has no canary
     */
    default CanaryDecision promoteCanary(String route) throws ManagementException {
        throw ManagementException.unknownRoute(route);
    }

    /**
     * Removes the route's canary target, as a configuration change, and records the decision.
     *
     * @throws ManagementException 404 for an unknown route, 409 when it has no canary
     */
    default CanaryDecision rollbackCanary(String route) throws ManagementException {
        throw ManagementException.unknownRoute(route);
    }

    /**
     * A route's canary now and what was decided about it.
     *
     * @param decisions the newest first, also from earlier runs
     */
    record CanaryReport(CanaryStatus status, List<CanaryDecision> decisions) {

        public CanaryReport {
            Objects.requireNonNull(status, "status");
            decisions = List.copyOf(decisions);
        }
    }

    /** What usage is grouped by; the names are the {@code groupBy} words in lower case. */
    enum Grouping {
        ROUTE,
        PROVIDER,
        MODEL,
        KEY
    }

    /** The width of a usage series' buckets, aligned to UTC. */
    enum Bucket {
        MINUTE,
        HOUR,
        DAY
    }

    /**
     * @param since the first instant counted
     * @param until the first instant no longer counted; after {@code since}
     * @param bucket present when a time series is wanted besides the totals
     */
    record UsageSelection(Instant since, Instant until, Grouping groupBy, Optional<Bucket> bucket) {

        public UsageSelection {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(groupBy, "groupBy");
            Objects.requireNonNull(bucket, "bucket");
        }
    }

    /**
     * The usage of one group.
     *
     * @param group a route, provider, model or access key name; {@code ""} for requests that had
     *     none (no target served them, or no key was needed)
     */
    record UsageRow(
            String group,
            long requests,
            long errors,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            long cachedTokens,
            long reasoningTokens,
            long estimatedRequests) {}

    /** The usage of one group in the bucket that starts at {@code start}. */
    record UsagePoint(Instant start, UsageRow usage) {}

    /**
     * @param series empty unless the selection asked for a bucket
     */
    record UsageReport(List<UsageRow> rows, List<UsagePoint> series) {

        public UsageReport {
            rows = List.copyOf(rows);
            series = List.copyOf(series);
        }
    }

    /**
     * Which requests to list, newest first; every filter given must match.
     *
     * @param status an exact HTTP status
     * @param statusClass {@code 2xx}, {@code 4xx} or {@code 5xx}; not together with {@code status}
     */
    record RequestSelection(
            int limit,
            Optional<String> route,
            Optional<String> key,
            Optional<Integer> status,
            Optional<String> statusClass,
            Optional<Instant> since,
            Optional<Instant> until) {

        public RequestSelection {
            if (limit < 1 || limit > MAX_REQUESTS) {
                throw new IllegalArgumentException("limit out of range: " + limit);
            }
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(statusClass, "statusClass");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * One request of the log.
     *
     * @param provider and {@code model}: the target that served it, empty when none did
     * @param key the access key used, empty when none was needed
     * @param attempts every upstream attempt in order; its size is the contract's {@code attempts}
     */
    record RequestEntry(
            String id,
            Instant time,
            String route,
            Optional<String> provider,
            Optional<String> model,
            Optional<String> key,
            int status,
            boolean stream,
            long latencyMs,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            boolean estimated,
            Optional<String> error,
            List<Attempt> attempts) {

        public RequestEntry {
            attempts = List.copyOf(attempts);
        }
    }

    /**
     * One upstream attempt of a request.
     *
     * @param status the upstream's HTTP status; empty when no HTTP answer came
     */
    record Attempt(
            int attempt,
            String provider,
            String model,
            String outcome,
            Optional<Integer> status,
            long latencyMs,
            boolean committed,
            Optional<String> error) {}

    /**
     * What a discovery found.
     *
     * @param added listed now but not at the previous discovery; empty the first time
     * @param removed listed at the previous discovery but not now
     * @param missingTargets route targets and fallbacks that ask this provider for a model it does
     *     not list
     */
    record Discovery(
            String provider,
            List<String> models,
            Instant discoveredAt,
            Optional<Instant> previousDiscovery,
            List<String> added,
            List<String> removed,
            List<MissingTarget> missingTargets) {

        public Discovery {
            models = List.copyOf(models);
            added = List.copyOf(added);
            removed = List.copyOf(removed);
            missingTargets = List.copyOf(missingTargets);
        }
    }

    /**
     * A target or fallback whose model the provider does not list.
     *
     * @param fallback false for a weighted target, true for a fallback
     * @param index the position in the route's targets or fallbacks, from 0
     */
    record MissingTarget(String route, boolean fallback, int index, String model) {}

    /**
     * @param version the version {@code signalbox --version} prints
     * @param targets every configured target and every target with a health record
     * @param routes every configured route's status, in configuration order
     * @param tpm each limited model's use of its tokens-per-minute limit (ADR 0014)
     */
    record HealthReport(
            String version,
            List<TargetHealth> targets,
            List<RouteHealth> routes,
            Map<TargetKey, TpmUse> tpm) {

        public HealthReport {
            targets = List.copyOf(targets);
            routes = List.copyOf(routes);
            tpm = Map.copyOf(tpm);
        }

        public HealthReport(String version, List<TargetHealth> targets, List<RouteHealth> routes) {
            this(version, targets, routes, Map.of());
        }

        public HealthReport(String version, List<TargetHealth> targets) {
            this(version, targets, List.of());
        }
    }
}
