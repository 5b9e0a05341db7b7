package io.signalbox.app.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one successful discovery found.
 *
 * @param models the ids the provider lists, sorted, without duplicates
 * @param discoveredAt when the answer came, to the millisecond (as stored)
 * @param previousDiscovery when the provider was last discovered; empty the first time
 * @param added listed now but not last time, sorted; empty on the first discovery
 * @param gone listed last time but not now, sorted
 * @param missingTargets targets and fallbacks of this provider whose model is not listed, in route
 *     order; pass-through ({@code "*"}) targets are never in it
 */
public record DiscoveryResult(
        String provider,
        List<String> models,
        Instant discoveredAt,
        Optional<Instant> previousDiscovery,
        List<String> added,
        List<String> gone,
        List<TargetRef> missingTargets) {

    public DiscoveryResult {
        models = List.copyOf(models);
        added = List.copyOf(added);
        gone = List.copyOf(gone);
        missingTargets = List.copyOf(missingTargets);
    }

    public boolean firstDiscovery() {
        return previousDiscovery.isEmpty();
    }

    /** Whether the list differs from the last discovery's. */
    public boolean changed() {
        return !added.isEmpty() || !gone.isEmpty();
    }
}
